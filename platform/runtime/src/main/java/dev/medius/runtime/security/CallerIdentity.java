package dev.medius.runtime.security;

import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who a verified token says the caller is: subject, organisation ({@code tenant} claim) and roles. */
public record CallerIdentity(String subject, String tenant, Set<String> roles) {

    /** The identity a verified token names; null when it lacks a subject or an organisation. */
    public static CallerIdentity of(JsonWebToken token) {
        String subject = token.getSubject();
        String tenant = tenantOf(token);
        if (subject == null || subject.isBlank() || tenant == null) {
            return null;
        }
        return new CallerIdentity(subject, tenant, rolesOf(token));
    }

    public boolean is(String role) {
        return roles.contains(role);
    }

    /** The token's organisation, or null when it names none. */
    static String tenantOf(JsonWebToken token) {
        Object tenant = token.getClaim("tenant");
        String value = tenant == null ? null : tenant.toString().replace("\"", "");
        return value == null || value.isBlank() ? null : value;
    }

    static Set<String> rolesOf(JsonWebToken token) {
        return token.getGroups() == null ? Set.of() : token.getGroups();
    }
}
