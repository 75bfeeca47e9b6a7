package dev.medius.progress.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.medius.progress.domain.AdherenceWindow;

/** What the dashboard answers: a roster and an athlete's progress. */
public final class ProgressViews {

    private ProgressViews() {
    }

    @Schema(description = "The caller's roster: one summary per athlete, most urgent flags first.")
    public record Dashboard(LocalDate today, String coach, List<AthleteSummary> athletes) {
    }

    @Schema(description = "Adherence over the last 7, 30 and 90 days: completed ÷ scheduled, counting sessions "
            + "scheduled up to today; a scheduled session counts as completed when a completion with its session id "
            + "exists. percent is null when nothing was scheduled.")
    public record Adherence(AdherenceWindow days7, AdherenceWindow days30, AdherenceWindow days90) {
    }

    @Schema(description = "Volume of the current week (Monday to today): sets performed, reps summed over sets "
            + "(sets × reps) and hold seconds summed over sets.")
    public record WeekVolume(LocalDate weekStart, int sessions, int sets, int reps, int holdSeconds) {
    }

    public record TrendPoint(LocalDate date, Double value, String area) {
    }

    @Schema(description = "The latest completed sessions, oldest first; direction is rising or falling when the "
            + "last three values strictly rise or fall, else steady (unknown with fewer than two values).")
    public record Trend(String direction, Double latest, List<TrendPoint> points) {
    }

    @Schema(description = "A raised flag. reason says why in English; facts holds what it cites by name, under "
            + "'message' naming its wording, for a page in another language (empty for flags raised before they were "
            + "kept). snoozed: a coach acknowledged it and snoozed it until a date after today; a snoozed flag does not "
            + "count as needing attention.")
    public record Flag(UUID flagId, String kind, String severity, String reason, Map<String, String> facts, Double value,
            Double threshold, OffsetDateTime raisedAt, Acknowledgement acknowledgement, boolean snoozed) {
    }

    @Schema(description = "A coach saw the flag: who, when, their note for the athlete's other coaches, and the date "
            + "until which the flag is snoozed (none when it is not).")
    public record Acknowledgement(String acknowledgedBy, String note, LocalDate snoozedUntil,
            OffsetDateTime acknowledgedAt) {
    }

    @Schema(description = "Who the athlete is, as routine-service publishes it (athlete.updated.v1); null members "
            + "when not given.")
    public record Profile(String displayName, String teamId, String teamName, String sport) {
    }

    @Schema(description = "One athlete on the dashboard. streak: how many scheduled sessions in a row were "
            + "completed, counting back from the most recent one scheduled up to today (a session scheduled today "
            + "and not yet done does not break it).")
    public record AthleteSummary(String athleteId, Profile profile, List<String> coaches, Adherence adherence,
            OffsetDateTime lastActivity, Integer daysSinceActivity, int streak, WeekVolume weeklyVolume, Trend rpe,
            Trend pain, List<Flag> flags, MorningCheckIn checkIn) {
    }

    @Schema(description = "The athlete's latest morning check-in of today or yesterday, as the roster shows it: its day, "
            + "the worst pain (0 to 10, null when nothing hurt) and where, whether it named a red flag, and the most "
            + "cautious adjustment it made to a session due that day (see-a-clinician, rest, pain-free, lower-rung, "
            + "lighter, then as-planned; null when no session was due). Null when the athlete has not checked in since "
            + "yesterday.")
    public record MorningCheckIn(LocalDate date, Integer pain, String painArea, boolean redFlag, String adjustment) {
    }

    public record WeekPoint(LocalDate weekStart, int sets, int reps, int holdSeconds) {
    }

    @Schema(description = "Weekly volume of one exercise, muscle or movement pattern.")
    public record Series(String key, String name, List<WeekPoint> weeks) {
    }

    @Schema(description = "One week of an athlete: sessions scheduled (up to today), completed and skipped, volume, "
            + "average session RPE and highest pain.")
    public record Week(LocalDate weekStart, int scheduled, int completed, int skipped, int sets, int reps, int holdSeconds,
            Double averageRpe, Integer maxPain) {
    }

    @Schema(description = "One page of an organisation's athletes (those on a coach's roster), with how many need "
            + "attention across the whole organisation. A flag snoozed past today does not count.")
    public record OrganisationRoster(LocalDate today, int page, int size, long total, long totalPages,
            Attention attention, List<Team> teams, List<AthleteSummary> athletes) {
    }

    @Schema(description = "A team of the organisation and how many of its athletes are on a roster.")
    public record Team(String teamId, String teamName, long athletes) {
    }

    @Schema(description = "How many of the organisation's athletes need attention: in all, and per flag kind, most "
            + "urgent kind first.")
    public record Attention(long athletes, long flagged, List<FlagCount> flags) {
    }

    public record FlagCount(String kind, String severity, long athletes) {
    }

    @Schema(description = "One day of the adherence calendar: sessions scheduled that day, how many of them were "
            + "completed (whenever), skipped, and completions recorded that day, scheduled or not. Only days with "
            + "something scheduled or done are listed.")
    public record Day(LocalDate date, int scheduled, int completed, int skipped, int performed) {
    }

    @Schema(description = "The flag thresholds a chart of session RPE and pain is read against: pain at or above "
            + "painCeiling raises pain-high; effortSessions sessions in a row at or above effortRpe raise effort-high.")
    public record Thresholds(int painCeiling, double effortRpe, int effortSessions) {
    }

    @Schema(description = "A session of the plan against what was done: completed, skipped, missed (its day passed), "
            + "due (today) or upcoming.")
    public record PlannedSession(LocalDate date, String sessionId, String title, String status) {
    }

    @Schema(description = "What the athlete wrote: a completion's notes or a skip's reason, newest first.")
    public record AthleteNote(LocalDate date, String sessionId, String status, String text) {
    }

    @Schema(description = "Pain in one area on a check-in's morning, from 0 (none) to 10.")
    public record PainArea(String area, int score) {
    }

    @Schema(description = "What a check-in made of a session due that day: as-planned, lighter, pain-free, lower-rung, "
            + "rest or see-a-clinician, and why.")
    public record SessionAdjustment(String sessionId, String kind, String reason) {
    }

    @Schema(description = "A morning check-in (wellness.checked-in.v1): sleep quality, energy, soreness, stress and "
            + "mood from 1 to 5 where 5 is the best state (null when not answered), hours slept (null when not given), "
            + "pain by area, red flags and the adjustments it made to the day's sessions (empty when none).")
    public record CheckIn(String checkInId, LocalDate date, OffsetDateTime recordedAt, Integer sleepQuality,
            Integer energy, Integer soreness, Integer stress, Integer mood, Double sleepHours, List<PainArea> pain,
            List<String> redFlags, List<SessionAdjustment> adjustments) {
    }

    @Schema(description = "The athlete's check-ins dated from 'from' on (the last 28 days), newest first.")
    public record Readiness(LocalDate from, List<CheckIn> checkIns) {
    }

    @Schema(description = "A strength or control test (strength-test.recorded.v1): hip-abduction, side-bridge or "
            + "single-leg-squat; the figure of each side in unit (N·m/kg or s), the limb symmetry in percent, the "
            + "involved side, pain during the test from 0 to 10, the squat quality of each side (good, fair or poor), "
            + "each null when not measured; the faults and findings (empty when none).")
    public record StrengthTestResult(String testId, String kind, LocalDate testedOn, Double left, Double right,
            String unit, Double symmetryPercent, String involvedSide, Integer pain, String leftRating,
            String rightRating, List<String> faults, List<String> findings) {
    }

    @Schema(description = "An athlete's progress: the dashboard summary, weekly series per exercise, muscle and "
            + "movement pattern (oldest week first), the adherence calendar, the flag thresholds, the athlete's notes, "
            + "the plan's sessions from two weeks ago to a week ahead against what was done, and their readiness "
            + "check-ins of the last 28 days, and tests: the latest strength test of each kind and every one of the last 365 "
            + "days, newest first; planLink opens the athlete's plan where the platform keeps it (null when "
            + "none is configured).")
    public record AthleteProgress(AthleteSummary summary, List<Week> weeks, List<Series> exercises,
            List<Series> muscles, List<Series> patterns, List<Day> days, Thresholds thresholds, List<AthleteNote> notes,
            List<PlannedSession> plan, Readiness readiness, List<StrengthTestResult> tests, String planLink) {
    }
}
