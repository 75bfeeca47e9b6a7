package dev.medius.progress.domain;

/** A key within one organisation: an athlete, a session, an assignment. Ordered by tenant, then id. */
public record TenantKey(String tenant, String id) implements Comparable<TenantKey> {

    @Override
    public int compareTo(TenantKey other) {
        int byTenant = tenant.compareTo(other.tenant);
        return byTenant != 0 ? byTenant : id.compareTo(other.id);
    }
}
