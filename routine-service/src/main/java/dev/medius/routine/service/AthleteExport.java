package dev.medius.routine.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

import dev.medius.routine.client.ProgressClient;
import dev.medius.routine.domain.Assignment;
import dev.medius.routine.domain.Athlete;
import dev.medius.routine.domain.PlanTemplate;
import dev.medius.routine.domain.ScheduledSession;
import dev.medius.routine.domain.SessionRecord;
import dev.medius.routine.repository.AssignmentRepository;
import dev.medius.routine.repository.AthleteRepository;
import dev.medius.routine.repository.CheckInRepository;
import dev.medius.routine.repository.ScheduledSessionRepository;
import dev.medius.routine.repository.SessionAdjustmentRepository;
import dev.medius.routine.repository.SessionRecordRepository;
import dev.medius.routine.repository.StrengthTestRepository;
import dev.medius.routine.repository.TemplateRepository;
import dev.medius.runtime.problem.ProblemException;
import dev.medius.runtime.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Everything Medius holds about an athlete of the caller's organisation, as one document (GDPR articles 15 and 20):
 * routine-service's rows and progress-service's part, asked for with the caller's token. Complete or not at all: when
 * progress-service cannot answer, the export is refused.
 */
@ApplicationScoped
public class AthleteExport {

    /** The name and version of the document's shape (docs/data-protection.md, "Export"). */
    public static final String FORMAT = "medius.athlete-export.v1";

    @Inject
    Caller caller;

    @Inject
    JsonWebToken token;

    @Inject
    AthleteRepository athletes;

    @Inject
    AssignmentRepository assignments;

    @Inject
    ScheduledSessionRepository sessions;

    @Inject
    SessionRecordRepository records;

    @Inject
    TemplateRepository templates;

    @Inject
    CheckInRepository readiness;

    @Inject
    SessionAdjustmentRepository adjustments;

    @Inject
    StrengthTestRepository strengthTests;

    @Inject
    ProgressClient progress;

    @Inject
    PlanDocuments documents;

    @Inject
    Clock clock;

    @Schema(description = "Everything Medius holds about one athlete of the caller's organisation.")
    public record Document(String athleteId, String organisation, OffsetDateTime exportedAt, String format,
            RoutinePart routine, JsonNode progress) {
    }

    @Schema(description = "What routine-service holds about the athlete.")
    public record RoutinePart(AthleteRow athlete, List<AssignmentRow> assignments, List<SessionRecordRow> sessionRecords,
            List<TemplateRow> templates, List<CheckInRow> checkIns, List<AdjustmentRow> sessionAdjustments,
            List<TestRow> strengthTests, CriteriaRow returnToPlay) {

        boolean empty() {
            return athlete == null && assignments.isEmpty() && sessionRecords.isEmpty() && templates.isEmpty()
                    && checkIns.isEmpty() && strengthTests.isEmpty();
        }
    }

    /** {@code strength_test}: the test as recorded, with its figures and findings. */
    public record TestRow(UUID testId, String kind, LocalDate testedOn, String recordedBy, String idempotencyKey,
            OffsetDateTime recordedAt, JsonNode result) {
    }

    /** {@code return_to_play}: the criteria the athlete's coach set. */
    public record CriteriaRow(JsonNode criteria, String setBy, OffsetDateTime setAt) {
    }

    /** {@code readiness_check_in}: the answers as given and the answer returned. */
    public record CheckInRow(UUID checkInId, LocalDate date, String recordedBy, String idempotencyKey,
            OffsetDateTime recordedAt, JsonNode answers, JsonNode response) {
    }

    /** {@code session_adjustment}: how a check-in changed a session, what the plan prescribed, and any override. */
    public record AdjustmentRow(UUID sessionId, UUID checkInId, String kind, String reason, JsonNode planned,
            OffsetDateTime adjustedAt, String overriddenBy, OffsetDateTime overriddenAt, String overrideNote) {
    }

    /** {@code athlete}. */
    public record AthleteRow(String displayName, String sortName, String teamId, String teamName, String sport,
            long revision, OffsetDateTime updatedAt, String updatedBy) {
    }

    /** {@code assignment}, with its {@code scheduled_session} rows. */
    public record AssignmentRow(UUID assignmentId, UUID templateId, UUID planId, String coachId, String teamId,
            String title, LocalDate startDate, String status, LocalDate cancelledFrom, OffsetDateTime createdAt,
            List<SessionRow> sessions) {
    }

    /** {@code scheduled_session}; {@code content} is the session as prescribed, adapted as reports arrived. */
    public record SessionRow(UUID sessionId, int ordinal, LocalDate scheduledDate, String title, String status,
            OffsetDateTime recordedAt, JsonNode content) {
    }

    /** {@code session_record}: the report as recorded and the answer given to it. */
    public record SessionRecordRow(UUID recordId, UUID sessionId, String kind, String recordedBy, String idempotencyKey,
            OffsetDateTime recordedAt, JsonNode report, JsonNode response) {
    }

    /** {@code plan_template}, for a template assigned to this athlete alone. */
    public record TemplateRow(UUID templateId, String coachId, String title, int version, OffsetDateTime createdAt,
            OffsetDateTime updatedAt, JsonNode plan) {
    }

    /** Whether the caller may export the athlete: the athlete themselves or an admin of the organisation. */
    public boolean mayExport(String athleteId) {
        return caller.isAdmin() || caller.is(Caller.ATHLETE) && caller.subject().equals(athleteId);
    }

    public Document export(String athleteId) {
        if (!mayExport(athleteId)) {
            throw ProblemException.notFound("athlete " + athleteId);
        }
        String tenant = caller.tenant();
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        // routine-service's rows first, in one transaction; no connection is held while progress-service answers
        RoutinePart routine = QuarkusTransaction.requiringNew().call(() -> routinePart(tenant, athleteId));
        ProgressClient.Part part = progress.export(athleteId, token.getRawToken());
        if (part.answer() == ProgressClient.Answer.UNAVAILABLE) {
            throw new ProblemException(503, "Export unavailable",
                    "progress-service cannot be reached, and an export must be complete; try again shortly");
        }
        if (routine.empty() && part.answer() == ProgressClient.Answer.NOT_FOUND) {
            throw ProblemException.notFound("athlete " + athleteId);
        }
        return new Document(athleteId, tenant, now, FORMAT, routine, part.body());
    }

    RoutinePart routinePart(String tenant, String athleteId) {
        AthleteRow athlete = athletes.of(tenant, athleteId).map(AthleteExport::athleteRow).orElse(null);
        Map<UUID, List<SessionRow>> scheduled = sessions.ofAthlete(tenant, athleteId).stream()
                .collect(Collectors.groupingBy(s -> s.assignmentId, Collectors.mapping(this::sessionRow, Collectors.toList())));
        List<AssignmentRow> plans = assignments.ofAthlete(tenant, athleteId).stream()
                .map(a -> assignmentRow(a, scheduled.getOrDefault(a.id, List.of()))).toList();
        List<SessionRecordRow> reports = records.ofAthlete(tenant, athleteId).stream().map(this::recordRow).toList();
        List<TemplateRow> own = templates.onlyFor(tenant, athleteId).stream().map(this::templateRow).toList();
        List<CheckInRow> checkIns = readiness.ofAthlete(tenant, athleteId).stream().map(c -> new CheckInRow(c.id,
                c.date, c.recordedBy, c.idempotencyKey, utc(c.recordedAt), json(c.answers), json(c.response))).toList();
        List<AdjustmentRow> adjusted = adjustments.ofAthlete(tenant, athleteId).stream().map(a -> new AdjustmentRow(
                a.sessionId, a.checkInId, a.kind, a.reason, json(a.planned), utc(a.adjustedAt), a.overriddenBy,
                utc(a.overriddenAt), a.overrideNote)).toList();
        List<TestRow> tested = strengthTests.ofAthlete(tenant, athleteId).stream().map(t -> new TestRow(t.id, t.kind,
                t.testedOn, t.recordedBy, t.idempotencyKey, utc(t.recordedAt), json(t.result))).toList();
        CriteriaRow criteria = strengthTests.criteria(tenant, athleteId)
                .map(c -> new CriteriaRow(json(c.criteria), c.setBy, utc(c.setAt))).orElse(null);
        return new RoutinePart(athlete, plans, reports, own, checkIns, adjusted, tested, criteria);
    }

    private static AthleteRow athleteRow(Athlete a) {
        return new AthleteRow(a.displayName, a.sortName, a.teamId, a.teamName, a.sport, a.revision, utc(a.updatedAt),
                a.updatedBy);
    }

    private static AssignmentRow assignmentRow(Assignment a, List<SessionRow> sessions) {
        return new AssignmentRow(a.id, a.templateId, a.planId, a.coachId, a.teamId, a.title, a.startDate, a.status,
                a.cancelledFrom, utc(a.createdAt), sessions);
    }

    private SessionRow sessionRow(ScheduledSession s) {
        return new SessionRow(s.id, s.ordinal, s.scheduledDate, s.title, s.status, utc(s.recordedAt),
                json(s.content));
    }

    private SessionRecordRow recordRow(SessionRecord r) {
        return new SessionRecordRow(r.id, r.sessionId, r.kind, r.recordedBy, r.idempotencyKey, utc(r.recordedAt),
                json(r.report), json(r.response));
    }

    private TemplateRow templateRow(PlanTemplate t) {
        return new TemplateRow(t.id, t.coachId, t.title, t.version, utc(t.createdAt), utc(t.updatedAt), json(t.plan));
    }

    private JsonNode json(String document) {
        return document == null ? null : documents.read(document, JsonNode.class);
    }

    private static OffsetDateTime utc(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
