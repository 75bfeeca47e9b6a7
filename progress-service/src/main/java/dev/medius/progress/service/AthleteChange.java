package dev.medius.progress.service;

import java.util.List;

/** Something about an athlete changed; open dashboards of the athlete's coaches, admins and the athlete hear of it. */
public record AthleteChange(String tenant, String athleteId, List<String> coaches, String reason) {
}
