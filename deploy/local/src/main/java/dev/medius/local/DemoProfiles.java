package dev.medius.local;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What the demo's athletes are called, and the name and sport of each demo team, as coaches would write them. */
final class DemoProfiles {

    /** A team's name for people and the sport its athletes play. */
    record Team(String name, String sport) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<String, Team> TEAMS = Map.of(
            "hip-health", new Team("Hip health", "general fitness"),
            "road-runners", new Team("Road runners", "running"),
            "first-team", new Team("First team", "football"),
            "fitness-class", new Team("Fitness class", "general fitness"),
            "riders", new Team("Riders", "cycling"),
            "trail", new Team("Trail runners", "trail running"),
            "sprinters", new Team("Sprinters", "athletics"),
            "jumpers", new Team("Jumpers", "athletics"));

    /** The words of the demo's athlete ids that are written with an accent. */
    private static final Map<String, String> ACCENTED = Map.of("lucia", "Lucía", "jimenez", "Jiménez", "maria", "María",
            "lopez", "López", "diaz", "Díaz", "ines", "Inés", "ivan", "Iván", "raul", "Raúl");

    private DemoProfiles() {
    }

    /** {@code lucia-moreno} is Lucía Moreno. */
    static String displayName(String athleteId) {
        return Arrays.stream(athleteId.split("-")).map(word -> ACCENTED.getOrDefault(word,
                word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1))).collect(Collectors.joining(" "));
    }

    static Team team(String teamId) {
        Team team = TEAMS.get(teamId);
        if (team == null) {
            throw new IllegalArgumentException("no name for the demo team " + teamId);
        }
        return team;
    }

    /** The whole profile of an athlete of {@code group}, as {@code PUT /api/v1/athletes/{id}/profile} takes it. */
    static ObjectNode of(String athleteId, DemoOrganisation.Group group) {
        Team team = team(group.team());
        return JSON.createObjectNode().put("displayName", displayName(athleteId)).put("teamId", group.team())
                .put("teamName", team.name()).put("sport", team.sport());
    }
}
