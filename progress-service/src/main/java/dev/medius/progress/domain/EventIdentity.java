package dev.medius.progress.domain;

/** What makes two events the same event, as CloudEvents defines it: their source and id. */
public record EventIdentity(String source, String id) {
}
