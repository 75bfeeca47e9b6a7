package dev.medius.progress.rest;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "An event on the dashboard stream: ready when the stream opens, athlete when an athlete "
        + "in the caller's roster changed (reason: activity or flags), heartbeat to keep the connection open.")
public record StreamEvent(String type, String athleteId, String reason, OffsetDateTime at) {
}
