package dev.medius.progress.service;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.medius.events.EventTypes;
import dev.medius.progress.domain.TenantKey;
import dev.medius.progress.repository.PlanEventRepository.PlanEventRow;
import dev.medius.progress.repository.ScheduleRepository.ScheduledRow;

/**
 * The schedule of each assignment from all of its plan events, so that it does not depend on the order in which they
 * arrived: the assignment's sessions, each change (in order of effective date) replacing everything from its
 * effective date on, and cancellation removing everything from its date on.
 */
@ApplicationScoped
class AssignmentSchedules {

    @Inject
    ObjectMapper json;

    List<ScheduledRow> schedules(List<PlanEventRow> events) {
        Map<TenantKey, List<PlanEventRow>> byAssignment = new LinkedHashMap<>();
        events.forEach(e -> byAssignment.computeIfAbsent(new TenantKey(e.tenant(), e.assignmentId()), k -> new ArrayList<>())
                .add(e));
        List<ScheduledRow> rows = new ArrayList<>();
        for (List<PlanEventRow> all : byAssignment.values()) {
            Map<String, ScheduledRow> schedule = new LinkedHashMap<>();
            String athlete = all.get(0).athleteId();
            all.stream().filter(e -> EventTypes.PLAN_ASSIGNED.equals(e.type())).reduce((first, second) -> second)
                    .ifPresent(assigned -> sessionsOf(assigned, null).forEach(s -> schedule.put(s.sessionId(), s)));
            all.stream().filter(e -> EventTypes.PLAN_CHANGED.equals(e.type()))
                    .sorted(Comparator.comparing(PlanEventRow::effectiveFrom)
                            .thenComparing(e -> e.time() == null ? OffsetDateTime.MIN : e.time())
                            .thenComparing(PlanEventRow::eventId))
                    .forEach(change -> {
                        schedule.values().removeIf(s -> !s.date().isBefore(change.effectiveFrom()));
                        sessionsOf(change, change.effectiveFrom()).forEach(s -> schedule.put(s.sessionId(), s));
                    });
            all.stream().filter(e -> EventTypes.PLAN_CANCELLED.equals(e.type())).map(PlanEventRow::effectiveFrom)
                    .min(Comparator.naturalOrder())
                    .ifPresent(cancelledFrom -> schedule.values().removeIf(s -> !s.date().isBefore(cancelledFrom)));
            schedule.values().forEach(s -> rows.add(new ScheduledRow(s.tenant(), s.assignmentId(), s.sessionId(), athlete,
                    s.date(), s.title())));
        }
        return rows;
    }

    private List<ScheduledRow> sessionsOf(PlanEventRow event, LocalDate notBefore) {
        List<ScheduledRow> rows = new ArrayList<>();
        if (event.sessionsJson() == null) {
            return rows;
        }
        try {
            for (JsonNode s : json.readTree(event.sessionsJson())) {
                LocalDate date = LocalDate.parse(s.get("scheduledDate").asText());
                if (notBefore == null || !date.isBefore(notBefore)) {
                    JsonNode title = s.get("title");
                    rows.add(new ScheduledRow(event.tenant(), event.assignmentId(), s.get("sessionId").asText(),
                            event.athleteId(), date, title == null || title.isNull() ? null : title.asText()));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("stored plan sessions unreadable", e);
        }
        return rows;
    }
}
