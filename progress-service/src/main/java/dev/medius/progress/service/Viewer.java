package dev.medius.progress.service;

import java.util.Set;

import dev.medius.runtime.security.Caller;
import dev.medius.runtime.security.CallerIdentity;

/** Who the caller is, for roster decisions inside and outside a request scope (the event stream). */
public record Viewer(String subject, String tenant, Set<String> roles) {

    public static Viewer of(Caller caller) {
        return new Viewer(caller.subject(), caller.tenant(), caller.roles());
    }

    public static Viewer of(CallerIdentity identity) {
        return new Viewer(identity.subject(), identity.tenant(), identity.roles());
    }

    public boolean is(String role) {
        return roles.contains(role);
    }
}
