package dev.medius.routine.service;

import dev.medius.runtime.problem.ProblemException;
import dev.medius.runtime.security.Caller;

/** Who may see and record for an athlete: the athlete, and the coaches and admins of their organisation. */
final class AthleteAccess {

    private AthleteAccess() {
    }

    static boolean actsForOthers(Caller caller) {
        return caller.isAdmin() || caller.is(Caller.COACH);
    }

    static void requireReadable(Caller caller, String athleteId) {
        if (!actsForOthers(caller) && !caller.subject().equals(athleteId)) {
            throw new ProblemException(403, "Forbidden", "athletes see only their own plan");
        }
    }

    static void requireRecordable(Caller caller, String athleteId) {
        if (!actsForOthers(caller) && !caller.subject().equals(athleteId)) {
            throw new ProblemException(403, "Forbidden", "athletes record only their own sessions");
        }
    }
}
