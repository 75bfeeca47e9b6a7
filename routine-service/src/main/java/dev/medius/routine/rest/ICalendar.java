package dev.medius.routine.rest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.medius.routine.domain.Plan;
import dev.medius.routine.domain.SafetyText;
import dev.medius.routine.domain.ScheduledSession;
import dev.medius.routine.service.TemplateService;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/** Renders an athlete's sessions as an iCalendar (RFC 5545) feed of all-day events. */
final class ICalendar {

    private static final int MAX_LINE_OCTETS = 75;

    private ICalendar() {
    }

    static String render(String athleteId, List<TemplateService.AssignmentView> assignments,
            Function<String, Plan.Session> reader, String language, Instant stamp) {
        String safety = String.join("\n", SafetyText.plan(language));
        Calendar calendar = new Calendar();
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(new ProdId("-//Medius//routine-service//EN"));
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new XProperty("X-WR-CALNAME", "Training plan of " + athleteId));
        for (TemplateService.AssignmentView view : assignments) {
            for (ScheduledSession session : view.sessions()) {
                if (!ScheduledSession.CANCELLED.equals(session.status)) {
                    calendar.add(event(view, session, reader.apply(session.content), safety, stamp));
                }
            }
        }
        return fold(calendar.toString());
    }

    private static VEvent event(TemplateService.AssignmentView view, ScheduledSession session, Plan.Session content,
            String safety, Instant stamp) {
        String exercises = content.items()
                .map(item -> item.name() + ": " + item.sets() + " x "
                        + (item.targetReps() != null ? item.targetReps() + " reps" : item.holdSeconds() + " s")
                        + (item.perSide() ? " per side" : "")
                        + (item.painMonitoring() == null ? "" : " (" + item.painMonitoring() + ")"))
                .collect(Collectors.joining("\n"));
        VEvent event = new VEvent(false);
        event.add(new Uid(session.id + "@medius.dev"));
        event.add(new DtStamp(stamp));
        event.add(new DtStart<>(session.scheduledDate));
        event.add(new DtEnd<>(session.scheduledDate.plusDays(1)));
        event.add(new Summary(view.assignment().title + " - " + session.title));
        event.add(new Description("About " + Math.round(content.estimatedMinutes()) + " min\n" + exercises + "\n\n"
                + safety));
        event.add(session.isRecorded() ? ImmutableStatus.VEVENT_CONFIRMED : ImmutableStatus.VEVENT_TENTATIVE);
        return event;
    }

    /**
     * Folds each content line at 75 octets, as RFC 5545 asks. ical4j's own folding counts characters, so a line of
     * accented Spanish text would run past 75 octets; its unfolded output is folded here instead.
     */
    static String fold(String unfolded) {
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 64);
        for (String line : unfolded.split("\r\n")) {
            int octets = 0;
            int limit = MAX_LINE_OCTETS;
            for (int i = 0; i < line.length(); ) {
                int codePoint = line.codePointAt(i);
                int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
                if (octets + size > limit) {
                    out.append("\r\n ");
                    octets = 0;
                    limit = MAX_LINE_OCTETS - 1; // a continuation line starts with a space
                }
                out.appendCodePoint(codePoint);
                octets += size;
                i += Character.charCount(codePoint);
            }
            out.append("\r\n");
        }
        return out.toString();
    }
}
