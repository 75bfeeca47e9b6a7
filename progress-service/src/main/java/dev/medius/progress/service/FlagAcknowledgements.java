package dev.medius.progress.service;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import dev.medius.events.progress.FlagAcknowledged;
import dev.medius.progress.domain.TenantKey;
import dev.medius.progress.events.FlagEvents;
import dev.medius.progress.repository.AcknowledgementRepository;
import dev.medius.progress.repository.AcknowledgementRepository.AcknowledgementRow;
import dev.medius.progress.repository.FlagRepository;
import dev.medius.progress.repository.FlagRepository.FlagRow;
import dev.medius.progress.repository.RevisionRepository;
import dev.medius.progress.repository.RosterRepository;
import dev.medius.progress.service.ProgressViews.Acknowledgement;
import dev.medius.runtime.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A coach acknowledges a raised flag, with a note for the athlete's other coaches and an optional snooze of whole
 * days: stored, published as {@code flag.acknowledged.v1} and pushed to the dashboards that show the athlete.
 */
@ApplicationScoped
public class FlagAcknowledgements {

    @Inject
    RosterAccess access;

    @Inject
    RosterRepository roster;

    @Inject
    FlagRepository flags;

    @Inject
    AcknowledgementRepository acknowledgements;

    @Inject
    RevisionRepository revisions;

    @Inject
    FlagEvents events;

    @Inject
    DashboardEvents dashboards;

    @Inject
    Clock clock;

    /** What a coach says about a flag; no {@code snoozeDays}, or 0, acknowledges without snoozing. */
    public record AcknowledgementRequest(@Size(max = 500) String note, @Min(0) @Max(28) Integer snoozeDays) {

        int days() {
            return snoozeDays == null ? 0 : snoozeDays;
        }
    }

    public Acknowledgement acknowledge(Viewer viewer, String athlete, UUID flagId, AcknowledgementRequest request) {
        if (!access.coaches(viewer, athlete)) {
            throw ProblemException.notFound("athlete " + athlete);
        }
        String tenant = viewer.tenant();
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        // a snooze ends at the start of a date, when a kept dashboard answer is computed again anyway
        LocalDate until = request.days() == 0 ? null : LocalDate.now(clock).plusDays(request.days());
        String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        AcknowledgementRow row = QuarkusTransaction.requiringNew().call(() -> {
            FlagRow flag = flags.flags(tenant, List.of(athlete)).getOrDefault(athlete, List.of()).stream()
                    .filter(f -> f.flagId().equals(flagId)).findFirst()
                    .orElseThrow(() -> ProblemException.notFound("raised flag " + flagId + " of athlete " + athlete));
            AcknowledgementRow saved = new AcknowledgementRow(flagId, athlete, flag.kind(), viewer.subject(), note, until, now);
            acknowledgements.save(tenant, saved);
            events.acknowledged(tenant, new FlagAcknowledged(flagId, athlete, flag.kind(), viewer.subject(), note,
                    until == null ? null : until.atStartOfDay().atOffset(ZoneOffset.UTC), now));
            revise(tenant, athlete);
            return saved;
        });
        dashboards.publish(List.of(new AthleteChange(tenant, athlete, roster.coaches(tenant, List.of(athlete))
                .getOrDefault(athlete, List.of()), "acknowledged")));
        return new Acknowledgement(row.acknowledgedBy(), row.note(), row.snoozedUntil(), row.acknowledgedAt());
    }

    private void revise(String tenant, String athlete) {
        try {
            revisions.markRevised(List.of(new TenantKey(tenant, athlete)));
        } catch (SQLException e) {
            throw new IllegalStateException("could not revise " + athlete + ": " + e.getMessage(), e);
        }
    }
}
