package dev.medius.routine.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.medius.events.routine.StrengthTestRecorded;
import dev.medius.routine.domain.Assignment;
import dev.medius.routine.domain.AthleteProfile;
import dev.medius.routine.domain.PlanGenerator;
import dev.medius.routine.domain.ReturnToPlay;
import dev.medius.routine.domain.StrengthTest;
import dev.medius.routine.domain.StrengthTesting;
import dev.medius.routine.events.RoutineEvents;
import dev.medius.routine.repository.AssignmentRepository;
import dev.medius.routine.repository.AthleteRepository;
import dev.medius.routine.repository.StrengthTestRepository;
import dev.medius.routine.repository.TemplateRepository;
import dev.medius.runtime.problem.ProblemException;
import dev.medius.runtime.security.Caller;

/**
 * Records an athlete's strength and control tests, says when the next is due (one each training block, at its
 * lighter week's pace), and judges the latest against the return-to-play criteria their coach set.
 */
@ApplicationScoped
public class StrengthTestService {

    /** A block's length when the athlete's plan says nothing of their level: the shortest block of any level. */
    static final int DEFAULT_BLOCK_WEEKS = 4;

    @Inject
    StrengthTestRepository tests;

    @Inject
    AssignmentRepository assignments;

    @Inject
    AthleteRepository athletes;

    @Inject
    TemplateRepository templates;

    @Inject
    PlanDocuments documents;

    @Inject
    RoutineEvents events;

    @Inject
    AthleteAccess access;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /** The answer to a recorded test. */
    public record Recorded(UUID testId, UUID eventId, StrengthTesting.Result result) {
    }

    /** The stored answer and whether this request repeated an earlier one. */
    public record Outcome(Recorded recorded, boolean replayed) {
    }

    /** When the next test is due: every block of the athlete's plan, counted from the last test. */
    public record Due(boolean due, LocalDate lastTested, int blockWeeks, LocalDate dueOn) {
    }

    /** What the criteria are and what the latest tests make of them; no criteria, no verdict. */
    public record ReturnToPlayView(StrengthTesting.Criteria criteria, String setBy, OffsetDateTime setAt,
            StrengthTesting.Verdict verdict) {
    }

    /** Every test, oldest first, when the next is due, and the return-to-play verdict. */
    public record TestsView(String athleteId, List<Recorded> tests, Due next, ReturnToPlayView returnToPlay) {
    }

    /** Today on the service's clock: the day a test without a date was done. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    @Transactional
    public Outcome record(String athleteId, StrengthTesting.Result result, String idempotencyKey) {
        requireKnown(athleteId, access.mayCoach(athleteId));
        if (idempotencyKey != null) {
            Optional<StrengthTest> previous = tests.byIdempotencyKey(caller.tenant(), athleteId, idempotencyKey);
            if (previous.isPresent()) {
                return new Outcome(documents.read(previous.get().result, Recorded.class), true);
            }
        }
        if (result.testedOn().isAfter(LocalDate.now(clock).plusDays(1))) {
            throw ProblemException.invalidField("testedOn", "a test is recorded once done, not ahead");
        }
        StrengthTest test = new StrengthTest();
        test.id = UUID.randomUUID();
        test.tenantId = caller.tenant();
        test.athleteId = athleteId;
        test.kind = result.kind();
        test.testedOn = result.testedOn();
        test.idempotencyKey = idempotencyKey;
        test.recordedBy = caller.subject();
        test.recordedAt = OffsetDateTime.now(clock);
        UUID eventId = events.strengthTestRecorded(test.tenantId, new StrengthTestRecorded(test.id, athleteId,
                result.kind(), result.testedOn(), test.recordedAt, result.left(), result.right(), result.unit(),
                result.symmetryPercent(), result.involvedSide(), result.pain(), result.leftRating(),
                result.rightRating(), result.faults(), result.findings()));
        Recorded recorded = new Recorded(test.id, eventId, result);
        test.result = documents.write(recorded);
        tests.persist(test);
        return new Outcome(recorded, false);
    }

    @Transactional
    public TestsView of(String athleteId) {
        requireKnown(athleteId, access.mayActFor(athleteId));
        List<Recorded> all = tests.ofAthlete(caller.tenant(), athleteId).stream()
                .map(t -> documents.read(t.result, Recorded.class)).toList();
        Optional<ReturnToPlay> criteria = tests.criteria(caller.tenant(), athleteId);
        ReturnToPlayView returnToPlay = criteria.map(c -> {
            StrengthTesting.Criteria wanted = documents.read(c.criteria, StrengthTesting.Criteria.class);
            return new ReturnToPlayView(wanted, c.setBy, c.setAt,
                    StrengthTesting.judge(wanted, all.stream().map(Recorded::result).toList()));
        }).orElse(null);
        return new TestsView(athleteId, all, due(athleteId, all), returnToPlay);
    }

    @Transactional
    public TestsView setCriteria(String athleteId, StrengthTesting.Criteria criteria) {
        requireKnown(athleteId, access.mayCoach(athleteId));
        ReturnToPlay kept = tests.criteria(caller.tenant(), athleteId).orElseGet(() -> {
            ReturnToPlay created = new ReturnToPlay();
            created.tenantId = caller.tenant();
            created.athleteId = athleteId;
            return created;
        });
        boolean created = kept.criteria == null;
        kept.criteria = documents.write(criteria);
        kept.setBy = caller.subject();
        kept.setAt = OffsetDateTime.now(clock);
        if (created) {
            tests.keep(kept);
        }
        return of(athleteId);
    }

    private Due due(String athleteId, List<Recorded> all) {
        int block = blockWeeks(athleteId);
        LocalDate today = LocalDate.now(clock);
        LocalDate last = all.stream().map(r -> r.result().testedOn()).max(Comparator.naturalOrder()).orElse(null);
        LocalDate dueOn = last == null ? today : last.plusWeeks(block);
        return new Due(!today.isBefore(dueOn), last, block, dueOn);
    }

    /** The length of a block of the athlete's latest generated plan, from its level. */
    private int blockWeeks(String athleteId) {
        List<Assignment> theirs = new ArrayList<>(assignments.ofAthlete(caller.tenant(), athleteId));
        theirs.sort(Comparator.comparing((Assignment a) -> a.startDate).reversed());
        for (Assignment assignment : theirs) {
            if (assignment.templateId == null) {
                continue;
            }
            Optional<String> level = templates.findByIdOptional(assignment.templateId)
                    .map(t -> documents.plan(t.plan).limits()).map(l -> l == null ? null : l.level());
            if (level.isPresent()) {
                try {
                    return PlanGenerator.deloadEvery(AthleteProfile.Level.of(level.get()));
                } catch (IllegalArgumentException e) {
                    return DEFAULT_BLOCK_WEEKS;
                }
            }
        }
        return DEFAULT_BLOCK_WEEKS;
    }

    /** Refused as an unknown athlete is: no reach, or nothing the organisation holds about them. */
    private void requireKnown(String athleteId, boolean reach) {
        if (!reach || !athletes.known(caller.tenant(), athleteId)) {
            throw ProblemException.notFound("athlete " + athleteId);
        }
    }
}
