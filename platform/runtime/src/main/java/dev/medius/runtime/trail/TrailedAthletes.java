package dev.medius.runtime.trail;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;

/** The athletes whose data a request's answer shows, when they are not one athlete of the path (a roster, a list). */
@RequestScoped
public class TrailedAthletes {

    private final Set<String> athletes = new LinkedHashSet<>();

    public void shown(Collection<String> athleteIds) {
        athletes.addAll(athleteIds);
    }

    List<String> all() {
        return new ArrayList<>(athletes);
    }
}
