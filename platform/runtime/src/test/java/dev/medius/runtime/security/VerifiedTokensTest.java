package dev.medius.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

class VerifiedTokensTest {

    static final Instant NOW = Instant.parse("2026-06-17T08:00:00Z");

    /** Accepts tokens named "valid-<exp>", refuses every other, and counts what it verified. */
    static final class Verifier extends DefaultJWTParser {
        final AtomicInteger verified = new AtomicInteger();

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            verified.incrementAndGet();
            if (!token.startsWith("valid-")) {
                throw new ParseException("bad signature");
            }
            long exp = Long.parseLong(token.substring("valid-".length()));
            return new JsonWebToken() {
                @Override
                public String getName() {
                    return "coach-1";
                }

                @Override
                public Set<String> getClaimNames() {
                    return Set.of("exp");
                }

                @Override
                @SuppressWarnings("unchecked")
                public <T> T getClaim(String claimName) {
                    return "exp".equals(claimName) ? (T) Long.valueOf(exp) : null;
                }
            };
        }
    }

    final Verifier verifier = new Verifier();

    VerifiedTokens at(Instant now, int max) {
        return new VerifiedTokens(verifier, max, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aValidTokenIsVerifiedOnceUntilItExpires() throws ParseException {
        String token = "valid-" + NOW.plusSeconds(60).getEpochSecond();
        VerifiedTokens tokens = at(NOW, 100);
        JsonWebToken first = tokens.parse(token);
        assertThat(tokens.parse(token)).isSameAs(first);
        assertThat(verifier.verified).hasValue(1);
    }

    @Test
    void aKeptTokenPastItsExpiryIsVerifiedAgain() throws ParseException {
        String token = "valid-" + NOW.plusSeconds(60).getEpochSecond();
        Instant[] now = { NOW };
        Clock moving = new Clock() {
            @Override
            public Instant instant() {
                return now[0];
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        VerifiedTokens tokens = new VerifiedTokens(verifier, 100, moving);
        tokens.parse(token);
        now[0] = NOW.plusSeconds(59);
        tokens.parse(token);
        assertThat(verifier.verified).hasValue(1);
        // expired: handed to the verifier every time, which decides (the real one refuses it)
        now[0] = NOW.plusSeconds(60);
        tokens.parse(token);
        assertThat(verifier.verified).hasValue(2);
    }

    @Test
    void refusedTokensAreNeverKept() {
        VerifiedTokens tokens = at(NOW, 100);
        assertThatThrownBy(() -> tokens.parse("forged")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> tokens.parse("forged")).isInstanceOf(ParseException.class);
        assertThat(verifier.verified).hasValue(2);
    }

    @Test
    void turnedOffWithZero() throws ParseException {
        String token = "valid-" + NOW.plusSeconds(60).getEpochSecond();
        VerifiedTokens tokens = at(NOW, 0);
        tokens.parse(token);
        tokens.parse(token);
        assertThat(verifier.verified).hasValue(2);
    }
}
