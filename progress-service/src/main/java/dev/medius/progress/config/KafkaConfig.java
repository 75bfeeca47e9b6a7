package dev.medius.progress.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The broker, for the Kafka clients this service opens besides its channels (dead letters, rebuild, replay). */
@ConfigMapping(prefix = "medius.kafka")
public interface KafkaConfig {

    /** The same brokers the channels use, unless set apart. */
    @WithDefault("${kafka.bootstrap.servers}")
    String bootstrapServers();
}
