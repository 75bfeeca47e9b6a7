package dev.medius.runtime.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.medius.runtime.problem.ProblemException;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Authenticates a request that may carry its token as {@code ?access_token=}: a browser's EventSource cannot send
 * an Authorization header. The token is verified as on every other endpoint; a bearer header wins over the query.
 */
@ApplicationScoped
public class TokenAuthentication {

    private static final String BEARER = "Bearer ";

    @Inject
    JWTParser tokens;

    /** The caller the token names; a 401 problem when there is no valid token. */
    public CallerIdentity authenticate(String authorization, String accessToken) {
        String raw = accessToken;
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            raw = authorization.substring(BEARER.length()).trim();
        }
        if (raw == null || raw.isBlank()) {
            throw new ProblemException(401, "Unauthorized", "a bearer token is required");
        }
        CallerIdentity identity;
        try {
            identity = CallerIdentity.of(tokens.parse(raw));
        } catch (ParseException e) {
            throw new ProblemException(401, "Unauthorized", "invalid or expired token");
        }
        if (identity == null) {
            throw new ProblemException(401, "Unauthorized", "token without subject or tenant");
        }
        return identity;
    }
}
