package dev.medius.routine.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.medius.routine.domain.Assignment;
import dev.medius.routine.domain.Plan;
import dev.medius.routine.domain.SafetyText;
import dev.medius.routine.domain.ScheduledSession;
import dev.medius.routine.service.TemplateService.AssignmentView;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;

/** The athlete's calendar feed as RFC 5545 has it: folded lines, escaped text, one dated event per session. */
class ICalendarTest {

    private static final Instant STAMP = Instant.parse("2026-12-07T10:11:12.345Z");
    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);

    @Test
    void everySessionStillDueIsAnAllDayEventWithItsIdAndTheTimeOfTheFeed() {
        ScheduledSession first = session(MONDAY, ScheduledSession.SCHEDULED);
        ScheduledSession done = session(MONDAY.plusDays(2), ScheduledSession.COMPLETED);
        ScheduledSession cancelled = session(MONDAY.plusDays(4), ScheduledSession.CANCELLED);

        String feed = render("athlete-1", List.of(first, done, cancelled), "en");

        assertThat(feed).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Medius//routine-service//EN\r\n")
                .endsWith("END:VEVENT\r\nEND:VCALENDAR\r\n");
        String unfolded = unfold(feed);
        assertThat(unfolded.split("BEGIN:VEVENT", -1)).hasSize(3);
        assertThat(unfolded).contains("UID:" + first.id + "@medius.dev\r\n", "UID:" + done.id + "@medius.dev\r\n")
                .doesNotContain(cancelled.id.toString())
                .contains("DTSTAMP:20261207T101112Z\r\n")
                .contains("DTSTART;VALUE=DATE:20261207\r\nDTEND;VALUE=DATE:20261208\r\n")
                .contains("DTSTART;VALUE=DATE:20261209\r\nDTEND;VALUE=DATE:20261210\r\n")
                .contains("STATUS:TENTATIVE\r\n", "STATUS:CONFIRMED\r\n");
    }

    @Test
    void textIsEscapedAndLinesAreFoldedAtSeventyFiveOctetsEvenInSpanish() {
        String feed = render("athlete; with, commas\\", List.of(session(MONDAY, ScheduledSession.SCHEDULED)), "es");

        for (String line : feed.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        String unfolded = unfold(feed);
        assertThat(unfolded).contains("X-WR-CALNAME:Training plan of athlete\\; with\\, commas\\\\\r\n")
                .contains("SUMMARY:Hips\\, by hand - Day 1\\; easy\r\n")
                .contains("DESCRIPTION:About 12 min\\nLateral band walk: 2 x 10 reps per side ("
                        + SafetyText.item(null, "es").replace(",", "\\,").replace(";", "\\;") + ")\\n\\n");
        assertThat(unfolded).contains(SafetyText.plan("es").get(0).replace(",", "\\,").replace(";", "\\;"));
        assertThat(feed).contains("\r\n ");
    }

    @Test
    void theFeedReadsBackAsAValidCalendar() throws Exception {
        String feed = render("athlete-1", List.of(session(MONDAY, ScheduledSession.SCHEDULED),
                session(MONDAY.plusDays(3), ScheduledSession.SKIPPED)), "es");

        Calendar calendar = new CalendarBuilder().build(new StringReader(feed));

        calendar.validate();
        assertThat(calendar.getComponents("VEVENT")).hasSize(2);
        assertThat(calendar.getComponents("VEVENT").get(0).getProperty("SUMMARY").orElseThrow().getValue())
                .isEqualTo("Hips, by hand - Day 1; easy");
    }

    @Test
    void foldingKeepsCharactersWholeAndUnfoldsToTheSameLine() {
        String line = "DESCRIPTION:" + "añadir más ÁÉÍÓÚ 💪 ".repeat(12);

        String folded = ICalendar.fold(line + "\r\n");

        assertThat(Arrays.stream(folded.split("\r\n")).mapToInt(l -> l.getBytes(StandardCharsets.UTF_8).length).max()
                .orElseThrow()).isLessThanOrEqualTo(75);
        assertThat(unfold(folded)).isEqualTo(line + "\r\n");
    }

    private static String render(String athleteId, List<ScheduledSession> sessions, String language) {
        Assignment assignment = new Assignment();
        assignment.id = UUID.randomUUID();
        assignment.title = "Hips, by hand";
        Map<String, Plan.Session> contents = Map.of("content",
                new Plan.Session(1, 0, MONDAY, "Day 1; easy", 12.4, List.of(new Plan.Block("activation", List.of(item())))));
        return ICalendar.render(athleteId, List.of(new AssignmentView(assignment, sessions)), contents::get, language,
                STAMP);
    }

    private static Plan.Item item() {
        return new Plan.Item(UUID.randomUUID().toString(), "lateral-band-walk", "Lateral band walk", "abduction",
                List.of(), 2, 10, 12, 10, null, true, 45, null, null, "light", null, null, "warm-up", List.of(), null,
                4.0, SafetyText.item(null, "es"));
    }

    private static ScheduledSession session(LocalDate date, String status) {
        ScheduledSession session = new ScheduledSession();
        session.id = UUID.randomUUID();
        session.scheduledDate = date;
        session.title = "Day 1; easy";
        session.status = status;
        session.content = "content";
        return session;
    }

    private static String unfold(String feed) {
        return feed.replace("\r\n ", "");
    }
}
