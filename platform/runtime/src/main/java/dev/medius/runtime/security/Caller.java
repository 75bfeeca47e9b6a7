package dev.medius.runtime.security;

import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.UnauthorizedException;

/**
 * Who is calling: the token's subject, organisation ({@code tenant} claim) and roles. Every query
 * that touches an organisation's data is scoped by {@link #tenant()}.
 */
@RequestScoped
public class Caller {

    public static final String ADMIN = "admin";
    public static final String EDITOR = "editor";
    public static final String COACH = "coach";
    /** Sees and acts for every athlete of the organisation, as a coach does for their own; no admin powers. */
    public static final String HEAD_COACH = "head-coach";
    public static final String ATHLETE = "athlete";
    /**
     * Runs the platform for every organisation at once (rebuilding projections, replaying dead letters): no
     * organisation's admin may, since those operations reach organisations other than their own.
     */
    public static final String PLATFORM_OPERATOR = "platform-operator";
    /**
     * A Medius service acting for the platform: progress-service fetching the athletes' keys that open the events it
     * reads. Held by services only, never by people.
     */
    public static final String PLATFORM_SERVICE = "platform-service";

    @Inject
    JsonWebToken token;

    public String subject() {
        String subject = token.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new UnauthorizedException("token without subject");
        }
        return subject;
    }

    /** The caller's organisation; a token without one is not a Medius token. */
    public String tenant() {
        String value = CallerIdentity.tenantOf(token);
        if (value == null) {
            throw new UnauthorizedException("token without tenant");
        }
        return value;
    }

    public Set<String> roles() {
        return CallerIdentity.rolesOf(token);
    }

    public boolean is(String role) {
        return roles().contains(role);
    }

    public boolean isAdmin() {
        return is(ADMIN);
    }
}
