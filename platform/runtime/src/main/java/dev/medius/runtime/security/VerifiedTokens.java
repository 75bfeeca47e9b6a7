package dev.medius.runtime.security;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Bearer tokens already verified, kept until they expire. A client sends the same token with every request
 * for the token's lifetime, and verifying it each time (decoding, parsing its JSON twice, checking the RSA
 * signature) was the largest share of what a request allocated: a third of it in a flight recording of the
 * dashboard benchmark (docs/benchmarks.md, scenario 2).
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

    private final ConcurrentHashMap<String, JsonWebToken> verified = new ConcurrentHashMap<>();
    private final JWTParser delegate;
    private final int maxTokens;
    private final Clock clock;

    @Inject
    public VerifiedTokens(DefaultJWTParser delegate,
            @ConfigProperty(name = "medius.security.verified-tokens", defaultValue = "10000") int maxTokens) {
        this(delegate, maxTokens, Clock.systemUTC());
    }

    VerifiedTokens(JWTParser delegate, int maxTokens, Clock clock) {
        this.delegate = delegate;
        this.maxTokens = maxTokens;
        this.clock = clock;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken kept = token == null ? null : verified.get(token);
        if (kept != null) {
            if (clock.instant().getEpochSecond() < kept.getExpirationTime()) {
                return kept;
            }
            verified.remove(token, kept);
        }
        JsonWebToken parsed = delegate.parse(token);
        if (maxTokens > 0 && parsed.getExpirationTime() > 0) {
            if (verified.size() >= maxTokens) {
                // a bound against a flood of distinct tokens; the clients in use come straight back
                verified.clear();
            }
            verified.put(token, parsed);
        }
        return parsed;
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
