package dev.medius.routine.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.medius.routine.repository.AssignmentRepository;
import dev.medius.routine.repository.AthleteRepository;
import dev.medius.runtime.security.Caller;

/**
 * Who may read and record for an athlete: the athlete, the athlete's coaches, and the head coaches and admins of
 * the organisation. Every query the answers lead to is scoped by the caller's organisation.
 */
@ApplicationScoped
public class AthleteAccess {

    @Inject
    Caller caller;

    @Inject
    AssignmentRepository assignments;

    @Inject
    AthleteRepository athletes;

    /**
     * Whether the caller may act for this athlete of the caller's organisation. A coach's athletes are those the
     * coach ever assigned a plan to, cancelled and ended ones included.
     */
    public boolean mayActFor(String athleteId) {
        if (caller.is(Caller.ATHLETE) && caller.subject().equals(athleteId)) {
            return true;
        }
        return mayCoach(athleteId);
    }

    /**
     * Whether the caller may act for this athlete and the organisation knows them (a profile or a plan): what
     * recording for an athlete needs. A coach's own athletes are known by their plan, so that costs one lookup.
     */
    public boolean mayActForKnown(String athleteId) {
        if (caller.is(Caller.ATHLETE) && caller.subject().equals(athleteId) || caller.isAdmin()
                || caller.is(Caller.HEAD_COACH)) {
            return athletes.known(caller.tenant(), athleteId);
        }
        return caller.is(Caller.COACH) && assignments.assignedBy(caller.tenant(), caller.subject(), athleteId);
    }

    /** Whether the caller may act for the athlete as a coach does: change their profile, not just read it. */
    public boolean mayCoach(String athleteId) {
        if (caller.isAdmin() || caller.is(Caller.HEAD_COACH)) {
            return true;
        }
        // progress-service's rosters follow the same plans, so both services show a coach the same athletes
        return caller.is(Caller.COACH) && assignments.assignedBy(caller.tenant(), caller.subject(), athleteId);
    }

    /**
     * Whether the caller may register the athlete or change their profile: who may coach them, or any coach while
     * the athlete has neither a profile nor a plan in the organisation (a coach registering a new athlete).
     */
    public boolean mayChangeProfile(String athleteId) {
        return mayCoach(athleteId) || caller.is(Caller.COACH) && !athletes.known(caller.tenant(), athleteId);
    }

    /** The athletes a listing shows the caller. */
    public AthleteRepository.Visible visible() {
        if (caller.isAdmin() || caller.is(Caller.HEAD_COACH)) {
            return new AthleteRepository.Visible(true, null, null);
        }
        return new AthleteRepository.Visible(false, caller.is(Caller.COACH) ? caller.subject() : null,
                caller.is(Caller.ATHLETE) ? caller.subject() : null);
    }
}
