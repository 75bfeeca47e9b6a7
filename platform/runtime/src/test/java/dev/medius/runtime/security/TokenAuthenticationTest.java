package dev.medius.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import dev.medius.runtime.problem.ProblemException;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

class TokenAuthenticationTest {

    /** Accepts "coach-token" and "no-tenant", refuses every other token. */
    static final class Verifier extends DefaultJWTParser {
        @Override
        public JsonWebToken parse(String token) throws ParseException {
            Map<String, Object> claims = switch (token) {
                case "coach-token" -> Map.of("sub", "ana", "tenant", "\"club\"", "groups", Set.of("coach"));
                case "no-tenant" -> Map.of("sub", "ana");
                default -> throw new ParseException("bad signature");
            };
            return new JsonWebToken() {
                @Override
                public String getName() {
                    return (String) claims.get("sub");
                }

                @Override
                public Set<String> getClaimNames() {
                    return claims.keySet();
                }

                @Override
                @SuppressWarnings("unchecked")
                public <T> T getClaim(String claimName) {
                    return (T) claims.get(claimName);
                }
            };
        }
    }

    final TokenAuthentication authentication = new TokenAuthentication();

    TokenAuthenticationTest() {
        authentication.tokens = new Verifier();
    }

    @Test
    void aBearerHeaderOrTheQueryTokenNamesTheCaller() {
        CallerIdentity fromHeader = authentication.authenticate("Bearer coach-token", null);
        assertThat(fromHeader).isEqualTo(new CallerIdentity("ana", "club", Set.of("coach")));
        assertThat(fromHeader.is("coach")).isTrue();
        assertThat(authentication.authenticate(null, "coach-token")).isEqualTo(fromHeader);
        assertThat(authentication.authenticate("bearer coach-token", "forged")).isEqualTo(fromHeader);
    }

    @Test
    void noTokenAForgedOneOrOneWithoutTenantIsA401() {
        assertThatThrownBy(() -> authentication.authenticate(null, " ")).isInstanceOf(ProblemException.class)
                .hasMessageContaining("a bearer token is required");
        assertThatThrownBy(() -> authentication.authenticate(null, "forged")).isInstanceOf(ProblemException.class)
                .hasMessageContaining("invalid or expired token");
        assertThatThrownBy(() -> authentication.authenticate("Bearer no-tenant", null)).isInstanceOf(ProblemException.class)
                .hasMessageContaining("token without subject or tenant");
    }
}
