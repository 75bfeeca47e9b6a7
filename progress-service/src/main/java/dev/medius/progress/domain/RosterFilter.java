package dev.medius.progress.domain;

/** Which athletes of a roster: a team, a flag kind ("*" for any), words of a name or id; any of them null for all. */
public record RosterFilter(String teamId, String flag, String words) {
}
