package dev.medius.progress.events;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.medius.events.EventTypes;
import dev.medius.events.Topics;
import dev.medius.events.progress.AthleteFlagged;
import dev.medius.events.progress.FlagAcknowledged;
import dev.medius.events.progress.AthleteUnflagged;
import dev.medius.progress.domain.FlagFinding;
import dev.medius.runtime.outbox.Outbox;

/**
 * Records {@code athlete.flagged.v1}, {@code athlete.unflagged.v1} and {@code flag.acknowledged.v1} on
 * {@code progress.alerts} through the outbox, in the transaction that raises, clears or acknowledges the flag.
 */
@ApplicationScoped
public class FlagEvents {

    static final String SOURCE = "/medius/progress-service";

    @Inject
    Outbox outbox;

    public void raised(String tenant, String athlete, String coach, UUID flagId, FlagFinding finding, OffsetDateTime at) {
        AthleteFlagged data = new AthleteFlagged(flagId, athlete, coach, null, finding.kind().wire(),
                finding.kind().severity().wire(), finding.reason(), finding.value(), finding.threshold(), at);
        outbox.record(Outbox.Envelope.of(tenant, Topics.PROGRESS_ALERTS, athlete, EventTypes.ATHLETE_FLAGGED, SOURCE,
                flagId.toString(), data));
    }

    /** A raised flag no longer holds; {@code reason} is what it said. */
    public void cleared(String tenant, String athlete, String coach, UUID flagId, String kind, String reason,
            OffsetDateTime at) {
        AthleteUnflagged data = new AthleteUnflagged(flagId, athlete, coach, kind, "no longer holds: " + reason, at);
        outbox.record(Outbox.Envelope.of(tenant, Topics.PROGRESS_ALERTS, athlete, EventTypes.ATHLETE_UNFLAGGED, SOURCE,
                flagId.toString(), data));
    }

    /** A coach saw the flag; {@code snoozedUntil} is null when it is not snoozed. */
    public void acknowledged(String tenant, FlagAcknowledged data) {
        outbox.record(Outbox.Envelope.of(tenant, Topics.PROGRESS_ALERTS, data.athleteId(), EventTypes.FLAG_ACKNOWLEDGED,
                SOURCE, data.flagId().toString(), data));
    }
}
