package dev.medius.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import dev.medius.devkit.kafka.KafkaBroker;

/**
 * The records a consumer group has yet to consume on its topics (end offsets minus its committed
 * offsets), read with the broker's admin client, and the dead letters its consumer wrote.
 */
final class Backlog {

    private static final Duration LOG_EVERY = Duration.ofSeconds(10);
    /** A consumer that commits nothing for this long has stopped: waiting out the bound would only delay the failure. */
    private static final Duration STALLED = Duration.ofMinutes(5);

    private final KafkaBroker broker;
    private final String group;
    private final List<String> topics;
    private final String deadLetters;

    Backlog(KafkaBroker broker, String group, List<String> topics, String deadLetters) {
        this.broker = broker;
        this.group = group;
        this.topics = topics;
        this.deadLetters = deadLetters;
    }

    /** Returns once the group has consumed every record of its topics; fails on a dead letter or after {@code bound}. */
    void awaitConsumed(Duration bound) {
        long start = System.nanoTime();
        long deadline = start + bound.toNanos();
        long nextLog = start + LOG_EVERY.toNanos();
        long lastProgress = start;
        long consumedBefore = -1;
        try (Admin admin = broker.admin()) {
            while (true) {
                long dead = total(ends(admin, List.of(deadLetters)));
                if (dead > 0) {
                    throw new IllegalStateException(group + " dead-lettered " + dead + " record(s); the first: "
                            + firstDeadLetter());
                }
                Map<TopicPartition, Long> ends = ends(admin, topics);
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(20, TimeUnit.SECONDS);
                long consumed = ends.keySet().stream().map(committed::get).filter(o -> o != null)
                        .mapToLong(OffsetAndMetadata::offset).sum();
                long published = total(ends);
                long now = System.nanoTime();
                if (consumed >= published) {
                    return;
                }
                if (consumed != consumedBefore) {
                    consumedBefore = consumed;
                    lastProgress = now;
                }
                if (now > nextLog) {
                    Bench.log(String.format("%s consumed %,d of %,d records in %.0f s", group, consumed, published,
                            (now - start) / 1e9));
                    nextLog = now + LOG_EVERY.toNanos();
                }
                if (now > deadline || now - lastProgress > STALLED.toNanos()) {
                    throw new IllegalStateException(String.format("%s consumed %,d of %,d records of %s in %.0f s",
                            group, consumed, published, topics, (now - start) / 1e9));
                }
                Pause.millis(500);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("offsets of " + group + " unreadable: " + e.getMessage(), e);
        }
    }

    private static Map<TopicPartition, Long> ends(Admin admin, List<String> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(topics).allTopicNames().get(20, TimeUnit.SECONDS)
                .values().stream()
                .flatMap(topic -> topic.partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition())))
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get(20, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static long total(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The category and reason progress-service gave the first dead letter (docs/events.md, "Dead letters"). */
    private String firstDeadLetter() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetters).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    return header(record, "medius-dlq-category") + ": " + header(record, "medius-dlq-reason") + " (from "
                            + header(record, "medius-dlq-topic") + ", type " + header(record, "ce_type") + ")";
                }
            }
            return "unreadable within 30 s";
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "(no " + name + ")" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
