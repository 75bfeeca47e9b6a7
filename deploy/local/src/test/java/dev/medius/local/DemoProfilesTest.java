package dev.medius.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The demo's athletes have the names a coach would write, accents included, and every team a name and a sport. */
class DemoProfilesTest {

    @Test
    void athleteIdsBecomeNamesWithTheirAccents() {
        assertThat(DemoProfiles.displayName("lucia-moreno")).isEqualTo("Lucía Moreno");
        assertThat(DemoProfiles.displayName("sara-jimenez")).isEqualTo("Sara Jiménez");
        assertThat(DemoProfiles.displayName("ines-molina")).isEqualTo("Inés Molina");
        assertThat(DemoProfiles.displayName("jade-li")).isEqualTo("Jade Li");
    }

    @Test
    void everyDemoAthleteGetsAWholeProfile() {
        for (DemoOrganisation.Group group : DemoOrganisation.groups()) {
            for (String athlete : group.athletes()) {
                var profile = DemoProfiles.of(athlete, group);
                assertThat(profile.path("displayName").asText()).as(athlete).isNotBlank().doesNotContain("-");
                assertThat(profile.path("teamId").asText()).isEqualTo(group.team());
                assertThat(profile.path("teamName").asText()).as(group.team()).isNotBlank();
                assertThat(profile.path("sport").asText()).as(group.team()).isNotBlank();
            }
        }
    }

    @Test
    void theClubHasAHeadCoachWhoIsACoachToo() {
        assertThat(DemoOrganisation.people().get("MEDIUS_DEMO_CLUB_HEAD_COACH_TOKEN"))
                .isEqualTo(new DemoOrganisation.Person(DemoOrganisation.CLUB, DemoOrganisation.HEAD_COACH,
                        List.of("head-coach", "coach")));
    }
}
