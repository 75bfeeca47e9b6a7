package dev.medius.routine.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import dev.medius.routine.domain.Plan;
import dev.medius.routine.domain.SessionAdjustment;
import dev.medius.routine.service.TemplateService;

/** An athlete's assignment with its sessions. */
public record AssignmentResponse(UUID assignmentId, UUID templateId, UUID planId, String athleteId, String coachId,
        String teamId, String title, LocalDate startDate, String status, LocalDate cancelledFrom,
        List<SessionResponse> sessions) {

    /** A dated session, its state and (when asked for) what it prescribes. */
    public record SessionResponse(UUID sessionId, LocalDate date, String title, String status, Double estimatedMinutes,
            List<Plan.Block> blocks, Adjustment adjustment) {
    }

    /** How the morning's check-in changed the session and why, and whether a coach kept the plan instead. */
    public record Adjustment(String kind, String reason, boolean overridden, String overrideNote) {
    }

    static AssignmentResponse of(TemplateService.AssignmentView view) {
        return of(view, null);
    }

    static AssignmentResponse of(TemplateService.AssignmentView view, Function<String, Plan.Session> reader) {
        var a = view.assignment();
        return new AssignmentResponse(a.id, a.templateId, a.planId, a.athleteId, a.coachId, a.teamId, a.title,
                a.startDate, a.status, a.cancelledFrom,
                view.sessions().stream().map(s -> {
                    Plan.Session content = reader == null ? null : reader.apply(s.content);
                    return new SessionResponse(s.id, s.scheduledDate, s.title, s.status,
                            content == null ? null : content.estimatedMinutes(),
                            content == null ? null : content.blocks(), adjustment(view.adjustments().get(s.id)));
                }).toList());
    }

    private static Adjustment adjustment(SessionAdjustment adjustment) {
        return adjustment == null ? null : new Adjustment(adjustment.kind, adjustment.reason, adjustment.overridden(),
                adjustment.overrideNote);
    }
}
