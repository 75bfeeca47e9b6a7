package dev.medius.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.medius.progress.domain.Admission;
import dev.medius.progress.domain.EventIdentity;
import dev.medius.progress.domain.Rejection;
import dev.medius.progress.domain.TenantKey;

class AdmissionTest {

    record Event(int index, EventIdentity identity, String digest, String tenant, TenantKey athlete, TenantKey aggregate,
            boolean aboutSession) implements Admission.Candidate {

        static Event session(int index, String id, String digest, String tenant, String athlete, String session) {
            return new Event(index, new EventIdentity("/app", id), digest, tenant, new TenantKey(tenant, athlete),
                    new TenantKey(tenant, session), true);
        }

        static Event plan(int index, String id, String tenant, String athlete, String assignment) {
            return new Event(index, new EventIdentity("/app", id), "d" + id, tenant, new TenantKey(tenant, athlete),
                    new TenantKey(tenant, assignment), false);
        }
    }

    @Test
    void theSameEventAgainIsADuplicateAndAnIdReusedForOtherContentAConflict() {
        Event first = Event.session(0, "e1", "same", "club", "lucia", "s1");
        Event again = Event.session(1, "e1", "same", "club", "lucia", "s1");
        Event reused = Event.session(2, "e1", "other", "club", "lucia", "s1");
        Event storedBefore = Event.session(3, "e0", "new", "club", "lucia", "s2");
        Admission<Event> admission = new Admission<>(List.of(first, again, reused, storedBefore));

        List<Event> fresh = admission.claimed(Map.of(new EventIdentity("/app", "e0"), "old"));

        assertThat(fresh).containsExactly(first);
        assertThat(admission.duplicates()).containsExactly(1);
        assertThat(admission.rejections()).containsOnlyKeys(2, 3);
        assertThat(admission.rejections().get(2).category()).isEqualTo(Rejection.Category.CONFLICT);
    }

    @Test
    void anAthleteCountsOnlyInTheirOrganisationAndASessionStaysWithItsAthlete() {
        Event elsewhere = Event.session(0, "e1", "a", "other-club", "lucia", "s1");
        Event taken = Event.session(1, "e2", "b", "club", "marta", "s2");
        Event fine = Event.session(2, "e3", "c", "club", "lucia", "s3");
        Admission<Event> admission = new Admission<>(List.of(elsewhere, taken, fine));
        admission.claimed(Map.of());

        List<Event> admitted = admission.admit(Map.of("lucia", "club"), Map.of(new TenantKey("club", "s2"), "lucia"),
                Map.of());

        assertThat(admitted).containsExactly(fine);
        assertThat(admission.rejections().get(0).category()).isEqualTo(Rejection.Category.ORGANISATION);
        assertThat(admission.rejections().get(1).reason()).isEqualTo("session s2 belongs to another athlete than marta");
    }

    @Test
    void anAthleteJoinsTheOrganisationOfTheirFirstPlanAndTwoAthletesOnOneSessionAreContested() {
        Event plan = Event.plan(0, "p1", "club", "lucia", "a1");
        Event someoneElsesPlan = Event.plan(1, "p2", "club", "marta", "a2");
        Event one = Event.session(2, "e1", "a", "club", "lucia", "s1");
        Event other = Event.session(3, "e2", "b", "club", "marta", "s1");
        Admission<Event> admission = new Admission<>(List.of(plan, someoneElsesPlan, one, other));
        admission.claimed(Map.of());

        assertThat(admission.registrations(Map.of(new TenantKey("club", "a2"), "lucia"))).containsExactly(
                Map.entry("lucia", "club"));
        assertThat(admission.contestedSessions()).containsExactly(new TenantKey("club", "s1"));
        assertThat(admission.assignments()).containsExactly(new TenantKey("club", "a1"), new TenantKey("club", "a2"));
    }

    @Test
    void aCopyOfARejectedEventSharesItsFate() {
        Event first = Event.session(0, "e1", "same", "other-club", "lucia", "s1");
        Event copy = Event.session(1, "e1", "same", "other-club", "lucia", "s1");
        Admission<Event> admission = new Admission<>(List.of(first, copy));
        admission.claimed(Map.of());
        admission.admit(Map.of("lucia", "club"), Map.of(), Map.of());

        admission.settleCopies();

        assertThat(admission.duplicates()).isEmpty();
        assertThat(admission.rejections()).containsOnlyKeys(0, 1);
        assertThat(admission.rejections().get(1)).isEqualTo(admission.rejections().get(0));
    }
}
