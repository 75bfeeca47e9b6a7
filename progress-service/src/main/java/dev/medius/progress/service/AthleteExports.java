package dev.medius.progress.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

import dev.medius.progress.repository.AthleteExportRepository;
import dev.medius.progress.repository.AthleteExportRepository.AcknowledgementRow;
import dev.medius.progress.repository.AthleteExportRepository.CheckInRow;
import dev.medius.progress.repository.AthleteExportRepository.FlagRow;
import dev.medius.progress.repository.AthleteExportRepository.PlanEventRow;
import dev.medius.progress.repository.AthleteExportRepository.ProfileRow;
import dev.medius.progress.repository.AthleteExportRepository.RecentRow;
import dev.medius.progress.repository.AthleteExportRepository.ScheduleDayRow;
import dev.medius.progress.repository.AthleteExportRepository.ScheduledSessionRow;
import dev.medius.progress.repository.AthleteExportRepository.SessionFactRow;
import dev.medius.progress.repository.AthleteExportRepository.StrengthTestRow;
import dev.medius.runtime.problem.ProblemException;
import dev.medius.runtime.security.Caller;

/**
 * progress-service's part of an athlete's export (GDPR articles 15 and 20): every row it holds about them in the
 * caller's organisation. Only the athlete themselves and the organisation's admins may export; anyone else's
 * athlete is simply not found.
 */
@ApplicationScoped
public class AthleteExports {

    @Inject
    AthleteExportRepository rows;

    @Schema(description = "Everything progress-service holds about one athlete of the caller's organisation "
            + "(docs/data-protection.md, \"Export\").")
    public record ProgressExport(String athleteId, String organisation, ProfileRow profile,
            OffsetDateTime registeredAt, List<String> coaches, List<PlanEventRow> planEvents,
            List<ScheduledSessionRow> scheduledSessions, List<ScheduleDayRow> schedule, List<SessionFactRow> sessions,
            List<CheckInRow> checkIns, List<StrengthTestRow> strengthTests, RecentRow recent, List<ExportedFlag> flags,
            List<AcknowledgementRow> acknowledgementsOfClearedFlags) {

        boolean empty() {
            return profile == null && registeredAt == null && coaches.isEmpty() && planEvents.isEmpty()
                    && scheduledSessions.isEmpty() && schedule.isEmpty() && sessions.isEmpty() && checkIns.isEmpty()
                    && strengthTests.isEmpty() && recent == null
                    && flags.isEmpty() && acknowledgementsOfClearedFlags.isEmpty();
        }
    }

    @Schema(description = "A raised flag with its acknowledgement, null when no coach acknowledged it.")
    public record ExportedFlag(UUID flagId, String kind, String severity, String reason, JsonNode facts, Double value,
            Double threshold, OffsetDateTime raisedAt, AcknowledgementRow acknowledgement) {
    }

    /** Whether the viewer may export this athlete: the athlete themselves or an admin of the organisation. */
    public static boolean mayExport(Viewer viewer, String athlete) {
        return viewer.is(Caller.ADMIN) || viewer.is(Caller.ATHLETE) && athlete.equals(viewer.subject());
    }

    /** Read from one snapshot of the database, so that the parts agree with each other. */
    @Transactional
    public ProgressExport export(Viewer viewer, String athlete) {
        if (!mayExport(viewer, athlete)) {
            throw ProblemException.notFound("athlete " + athlete);
        }
        String tenant = viewer.tenant();
        rows.snapshot();
        Map<UUID, AcknowledgementRow> acknowledgements = rows.acknowledgements(tenant, athlete).stream()
                .collect(Collectors.toMap(AcknowledgementRow::flagId, Function.identity()));
        List<FlagRow> raised = rows.flags(tenant, athlete);
        List<ExportedFlag> flags = raised.stream().map(f -> new ExportedFlag(f.flagId(), f.kind(), f.severity(),
                f.reason(), f.facts(), f.value(), f.threshold(), f.raisedAt(), acknowledgements.remove(f.flagId())))
                .toList();
        List<AcknowledgementRow> cleared = acknowledgements.values().stream()
                .sorted((a, b) -> a.acknowledgedAt().compareTo(b.acknowledgedAt())).toList();
        ProgressExport export = new ProgressExport(athlete, tenant, rows.profile(tenant, athlete).orElse(null),
                rows.registeredAt(tenant, athlete).orElse(null), rows.coaches(tenant, athlete),
                rows.planEvents(tenant, athlete), rows.scheduledSessions(tenant, athlete), rows.schedule(tenant, athlete),
                rows.sessions(tenant, athlete), rows.checkIns(tenant, athlete), rows.strengthTests(tenant, athlete),
                rows.recent(tenant, athlete).orElse(null), flags, cleared);
        if (export.empty()) {
            throw ProblemException.notFound("athlete " + athlete);
        }
        return export;
    }
}
