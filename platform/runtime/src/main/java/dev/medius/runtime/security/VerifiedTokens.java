package dev.medius.runtime.security;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Bearer tokens already verified, kept until they expire. A client sends the same token with every request
 * for the token's lifetime, and verifying it each time (decoding, parsing its JSON twice, checking the RSA
 * signature) was the largest share of what a request allocated (docs/benchmarks.md, scenario 2).
 *
 * <p>The key is the whole token, signature included, so a token altered in any way is a different key and
 * is verified in full; only tokens that passed verification are kept, and a kept token is handed out only
 * before its expiry (after it, it is verified again, and refused). Every other kind of parsing is passed
 * through unchanged.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    /** Null when turned off (a count of 0). */
    private final Cache<String, JsonWebToken> verified;
    private final JWTParser delegate;
    private final Clock clock;

    @Inject
    public VerifiedTokens(DefaultJWTParser delegate, SecurityConfig config) {
        this(delegate, config.verifiedTokens(), Clock.systemUTC());
    }

    VerifiedTokens(JWTParser delegate, int maxTokens, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
        // a bound against a flood of distinct tokens; each token leaves at its expiry, on the clock's time
        this.verified = maxTokens <= 0 ? null : Caffeine.newBuilder()
                .maximumSize(maxTokens)
                .ticker(() -> epochNanos(clock.instant()))
                .expireAfter(Expiry.creating((String token, JsonWebToken jwt) -> Duration.ofNanos(
                        Math.max(0, epochNanos(Instant.ofEpochSecond(jwt.getExpirationTime())) - epochNanos(clock.instant())))))
                .executor(Runnable::run)
                .build();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken kept = token == null || verified == null ? null : verified.getIfPresent(token);
        if (kept != null && clock.instant().getEpochSecond() < kept.getExpirationTime()) {
            return kept;
        }
        JsonWebToken parsed = delegate.parse(token);
        if (verified != null && parsed.getExpirationTime() > 0) {
            verified.put(token, parsed);
        }
        return parsed;
    }

    private static long epochNanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return delegate.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return delegate.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return delegate.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return delegate.parseOnly(token);
    }
}
