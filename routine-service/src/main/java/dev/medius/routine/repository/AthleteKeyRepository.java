package dev.medius.routine.repository;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import dev.medius.runtime.seal.SealedData;

/** The athletes' keys ({@code athlete_key}): one per athlete of an organisation, made when first needed. */
@ApplicationScoped
public class AthleteKeyRepository {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A key, the organisation and athlete it belongs to. */
    public record AthleteKey(UUID keyId, String tenant, String athleteId, byte[] secret) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    /** The athlete's key, made in the caller's transaction if they have none yet. */
    public AthleteKey keyFor(String tenant, String athleteId) {
        // nearly every athlete has one already: one lookup, and the insert only for the first event
        Optional<AthleteKey> existing = find("tenant_id = :t AND athlete_id = :a", tenant, athleteId);
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] secret = new byte[SealedData.KEY_BYTES];
        RANDOM.nextBytes(secret);
        entityManager.createNativeQuery("INSERT INTO athlete_key (tenant_id, athlete_id, key_id, secret, created_at) "
                + "VALUES (:t, :a, :id, :secret, :at) ON CONFLICT (tenant_id, athlete_id) DO NOTHING")
                .setParameter("t", tenant).setParameter("a", athleteId).setParameter("id", UUID.randomUUID())
                .setParameter("secret", secret).setParameter("at", OffsetDateTime.now(clock)).executeUpdate();
        return find("tenant_id = :t AND athlete_id = :a", tenant, athleteId).orElseThrow();
    }

    public Optional<AthleteKey> byId(UUID keyId) {
        return find("key_id = :id", keyId, null);
    }

    /** Destroys the athlete's key; returns how many went (0 or 1). */
    public int destroy(String tenant, String athleteId) {
        return entityManager.createNativeQuery("DELETE FROM athlete_key WHERE tenant_id = :t AND athlete_id = :a")
                .setParameter("t", tenant).setParameter("a", athleteId).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private Optional<AthleteKey> find(String where, Object first, Object second) {
        var query = entityManager.createNativeQuery("SELECT key_id, tenant_id, athlete_id, secret FROM athlete_key WHERE "
                + where);
        if (second == null) {
            query.setParameter("id", first);
        } else {
            query.setParameter("t", first).setParameter("a", second);
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().findFirst().map(r -> new AthleteKey((UUID) r[0], (String) r[1], (String) r[2], (byte[]) r[3]));
    }
}
