package dev.medius.routine.rest;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.medius.routine.domain.Plan;
import dev.medius.routine.domain.SafetyText;
import dev.medius.routine.domain.ScheduledSession;
import dev.medius.routine.service.TemplateService;

/** Renders an athlete's sessions as an iCalendar (RFC 5545) feed of all-day events. */
final class ICalendar {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private ICalendar() {
    }

    static String render(String athleteId, List<TemplateService.AssignmentView> assignments,
            Function<String, Plan.Session> reader, String language) {
        String safety = String.join("\n", SafetyText.plan(language));
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Medius//routine-service//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "X-WR-CALNAME:" + escape("Training plan of " + athleteId));
        String stamp = OffsetDateTime.now(ZoneOffset.UTC).format(STAMP);
        for (TemplateService.AssignmentView view : assignments) {
            for (ScheduledSession session : view.sessions()) {
                if (ScheduledSession.CANCELLED.equals(session.status)) {
                    continue;
                }
                Plan.Session content = reader.apply(session.content);
                String exercises = content.items()
                        .map(item -> item.name() + ": " + item.sets() + " x "
                                + (item.targetReps() != null ? item.targetReps() + " reps" : item.holdSeconds() + " s")
                                + (item.perSide() ? " per side" : "")
                                + (item.painMonitoring() == null ? "" : " (" + item.painMonitoring() + ")"))
                        .collect(Collectors.joining("\n"));
                line(out, "BEGIN:VEVENT");
                line(out, "UID:" + session.id + "@medius.dev");
                line(out, "DTSTAMP:" + stamp);
                line(out, "DTSTART;VALUE=DATE:" + session.scheduledDate.format(DATE));
                line(out, "DTEND;VALUE=DATE:" + session.scheduledDate.plusDays(1).format(DATE));
                line(out, "SUMMARY:" + escape(view.assignment().title + " - " + session.title));
                line(out, "DESCRIPTION:" + escape("About " + Math.round(content.estimatedMinutes()) + " min\n" + exercises
                        + "\n\n" + safety));
                line(out, "STATUS:" + (session.isRecorded() ? "CONFIRMED" : "TENTATIVE"));
                line(out, "END:VEVENT");
            }
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
    }

    /** Writes a content line folded at 75 octets, as the format requires. */
    private static void line(StringBuilder out, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= 75) {
            out.append(content).append("\r\n");
            return;
        }
        StringBuilder current = new StringBuilder();
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            String ch = new String(Character.toChars(codePoint));
            int size = ch.getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append(current).append("\r\n ");
                current.setLength(0);
                octets = 0;
                limit = 74; // continuation lines start with a space
            }
            current.append(ch);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append(current).append("\r\n");
    }
}
