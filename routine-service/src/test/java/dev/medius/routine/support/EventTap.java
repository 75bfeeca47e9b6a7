package dev.medius.routine.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;

import dev.medius.devkit.quarkus.MediusTestInfrastructure;
import dev.medius.devkit.security.DevTokens;
import dev.medius.events.CloudEventReader;
import dev.medius.runtime.security.Caller;
import dev.medius.runtime.seal.SealedData;
import io.restassured.RestAssured;

/** Reads what reached a topic, from the beginning, as CloudEvents with their data. */
public final class EventTap implements AutoCloseable {

    /**
     * One record: key, CloudEvent id, type, tenant, subject and data (opened with the athlete's key when sealed), why a
     * consumer would refuse its envelope (null when it is a valid CloudEvent), and the value as the topic holds it.
     */
    public record Event(String key, String id, String type, String tenant, String subject, JsonNode data,
            String refusal, String value) {

        public boolean sealed() {
            return !value.equals(data.toString()) && value.contains("\"" + SealedData.MEMBER + "\"");
        }
    }

    private static final CloudEventReader READER = new CloudEventReader(ExerciseLibrary.JSON);
    private static final String SERVICE_TOKEN = DevTokens.mint("progress-service", "medius-platform", Caller.PLATFORM_SERVICE);

    private final KafkaConsumer<String, String> consumer;
    private final List<Event> seen = new ArrayList<>();

    public EventTap(String topic) {
        this(topic, MediusTestInfrastructure.broker().bootstrapServers());
    }

    public EventTap(String topic, String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "tap-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toList());
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Everything read so far with this key (an athlete id), after polling for what is new. */
    public synchronized List<Event> withKey(String key) {
        poll();
        return seen.stream().filter(e -> key.equals(e.key())).collect(Collectors.toList());
    }

    public synchronized List<Event> ofType(String key, String type) {
        return withKey(key).stream().filter(e -> type.equals(e.type())).collect(Collectors.toList());
    }

    private void poll() {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
            try {
                String refusal = READER.read(name -> header(record, name),
                        record.value() == null ? null : record.value().getBytes(StandardCharsets.UTF_8)).rejection();
                seen.add(new Event(record.key(), header(record, "ce_id"), header(record, "ce_type"),
                        header(record, "ce_tenantid"), header(record, "ce_subject"), opened(record.value()), refusal,
                        record.value()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The data, opened with the key routine-service serves to Medius services when it is sealed and the key is kept. */
    private static JsonNode opened(String value) throws Exception {
        JsonNode data = ExerciseLibrary.JSON.readTree(value);
        if (data == null || !data.hasNonNull(SealedData.MEMBER)) {
            return data;
        }
        String sealed = data.get(SealedData.MEMBER).asText();
        var answer = RestAssured.given().auth().oauth2(SERVICE_TOKEN).when()
                .get("/api/v1/athlete-keys/" + SealedData.keyId(sealed));
        if (answer.statusCode() == 404) {
            // the athlete was erased: their key is gone, and so is any way to read the data
            return data;
        }
        String key = answer.then().statusCode(200).extract().path("k");
        return ExerciseLibrary.JSON.readTree(SealedData.open(sealed, Base64.getUrlDecoder().decode(key)));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
