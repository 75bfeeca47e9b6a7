package dev.medius.devkit.kafka;

import java.util.List;

import dev.medius.devkit.kafka.KafkaBroker.TopicSpec;
import dev.medius.events.Topics;

/** The topics of a Medius platform with their partitions, as docs/events.md lists them. */
public final class PlatformTopics {

    public static final List<TopicSpec> ALL = List.of(
            TopicSpec.compacted(Topics.CATALOG_EXERCISES, 3),
            TopicSpec.of(Topics.CATALOG_EXERCISES_DLQ, 1),
            TopicSpec.of(Topics.ROUTINE_PLANS, 4),
            TopicSpec.of(Topics.ROUTINE_SESSIONS, 4),
            TopicSpec.of(Topics.ROUTINE_SESSIONS_DLQ, 1),
            TopicSpec.of(Topics.PROGRESS_ALERTS, 4));

    private PlatformTopics() {
    }
}
