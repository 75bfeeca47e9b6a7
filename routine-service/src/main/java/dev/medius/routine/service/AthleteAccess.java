package dev.medius.routine.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.medius.routine.repository.AssignmentRepository;
import dev.medius.runtime.security.Caller;

/** Who may read and record for an athlete: the athlete, the athlete's coaches, and admins of the organisation. */
@ApplicationScoped
public class AthleteAccess {

    @Inject
    Caller caller;

    @Inject
    AssignmentRepository assignments;

    /**
     * Whether the caller may act for this athlete of the caller's organisation. A coach's athletes are those the
     * coach ever assigned a plan to, cancelled and ended ones included.
     */
    public boolean mayActFor(String athleteId) {
        if (caller.isAdmin()) {
            return true;
        }
        if (caller.is(Caller.ATHLETE) && caller.subject().equals(athleteId)) {
            return true;
        }
        // progress-service's rosters follow the same plans, so both services show a coach the same athletes
        return caller.is(Caller.COACH) && assignments.assignedBy(caller.tenant(), caller.subject(), athleteId);
    }
}
