package dev.medius.progress.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which events of a batch may change the facts, and what becomes of the others: an identity claimed before or
 * earlier in the batch is a duplicate when it stands for the same content and a conflict when not; an athlete's
 * events count only from their own organisation (learnt from their first plan event); a session, an athlete's
 * record (a check-in, a strength test) or an assignment belongs to one athlete for good. Pure: the stored claims,
 * owners and organisations are handed in.
 */
public final class Admission<E extends Admission.Candidate> {

    /** What the rules need to know of one checked event. */
    public interface Candidate {

        /** The event's place in its batch. */
        int index();

        EventIdentity identity();

        /** Stands for the event's content: the same identity with another digest is another event. */
        String digest();

        String tenant();

        TenantKey athlete();

        /** The session, the record or the assignment the event is about, in its organisation. */
        TenantKey aggregate();

        boolean aboutSession();

        /**
         * The kind of athlete's record the event is about ({@link AthleteRecord#recordKind()}), null for none: owned
         * like a session, but each kind's ids are another space than sessions'.
         */
        default String recordKind() {
            return null;
        }

        /** A plan or profile event: the only kinds that register an athlete with an organisation. */
        default boolean aboutPlan() {
            return !aboutSession() && recordKind() == null;
        }
    }

    private final List<E> events;
    private final Map<EventIdentity, E> firsts = new LinkedHashMap<>();
    private final List<E> fresh = new ArrayList<>();
    private final Set<Integer> freshIndexes = new HashSet<>();
    private final Set<Integer> duplicates = new HashSet<>();
    private final Map<Integer, Rejection> rejections = new HashMap<>();

    public Admission(List<E> events) {
        this.events = events;
        events.forEach(event -> firsts.putIfAbsent(event.identity(), event));
    }

    /** One claim per identity, by the first event of the identity in the batch. */
    public Collection<E> toClaim() {
        return firsts.values();
    }

    /**
     * Compares every event with what its identity stands for: the claim stored before, else the identity's first
     * event in the batch. Returns the fresh events, in batch order.
     *
     * @param stored the digest each identity claimed before was claimed with ("" when unknown)
     */
    public List<E> claimed(Map<EventIdentity, String> stored) {
        for (E event : events) {
            E first = firsts.get(event.identity());
            String before = stored.get(event.identity());
            String standsFor = before != null ? before : first.digest();
            if (before == null && first == event) {
                fresh.add(event);
                freshIndexes.add(event.index());
            } else if (standsFor.isEmpty() || standsFor.equals(event.digest())) {
                duplicates.add(event.index());
            } else {
                rejections.put(event.index(), Rejection.of(Rejection.Category.CONFLICT, "event id " + event.identity().id()
                        + " from source " + event.identity().source() + " already stands for another event"));
            }
        }
        return fresh;
    }

    /** Sessions the fresh events name with two athletes: only their stored athlete can settle them. */
    public Set<TenantKey> contestedSessions() {
        Map<TenantKey, String> athleteOf = new HashMap<>();
        Set<TenantKey> contested = new LinkedHashSet<>();
        for (E event : fresh) {
            if (event.aboutSession()
                    && !event.athlete().id().equals(athleteOf.computeIfAbsent(event.aggregate(), k -> event.athlete().id()))) {
                contested.add(event.aggregate());
            }
        }
        return contested;
    }

    /** The assignments the fresh events are about. */
    public Set<TenantKey> assignments() {
        Set<TenantKey> assignments = new LinkedHashSet<>();
        fresh.stream().filter(Candidate::aboutPlan).forEach(e -> assignments.add(e.aggregate()));
        return assignments;
    }

    /** The records of a kind the fresh events are about, whose stored athlete is looked up: they are few. */
    public Set<TenantKey> records(String kind) {
        Set<TenantKey> records = new LinkedHashSet<>();
        fresh.stream().filter(e -> kind.equals(e.recordKind())).forEach(e -> records.add(e.aggregate()));
        return records;
    }

    /**
     * The organisation each athlete joins unless they belong to one already (athlete id to tenant): that of their
     * first plan event for an assignment that is theirs or nobody's yet.
     */
    public Map<String, String> registrations(Map<TenantKey, String> assignmentOwners) {
        Map<String, String> register = new LinkedHashMap<>();
        for (E event : fresh) {
            String owner = assignmentOwners.get(event.aggregate());
            if (event.aboutPlan() && (owner == null || owner.equals(event.athlete().id()))) {
                register.putIfAbsent(event.athlete().id(), event.tenant());
            }
        }
        return register;
    }

    /** The athletes the fresh events name. */
    public Set<String> athleteIds() {
        Set<String> ids = new LinkedHashSet<>();
        fresh.forEach(e -> ids.add(e.athlete().id()));
        return ids;
    }

    /**
     * The fresh events that may change what they name, in batch order; the others are rejected.
     *
     * @param organisations  each athlete's organisation, for those who have one
     * @param sessionOwners  the stored athlete of each contested session
     * @param assignmentOwners the stored athlete of each assignment
     */
    public List<E> admit(Map<String, String> organisations, Map<TenantKey, String> sessionOwners,
            Map<TenantKey, String> assignmentOwners) {
        return admit(organisations, sessionOwners, assignmentOwners, Map.of());
    }

    /** As {@link #admit(Map, Map, Map)}, with the stored athlete of each of the {@link #records}, by kind. */
    public List<E> admit(Map<String, String> organisations, Map<TenantKey, String> sessionOwners,
            Map<TenantKey, String> assignmentOwners, Map<String, Map<TenantKey, String>> recordOwners) {
        Map<TenantKey, String> sessions = new HashMap<>(sessionOwners);
        Map<TenantKey, String> assignments = new HashMap<>(assignmentOwners);
        Map<String, Map<TenantKey, String>> records = new HashMap<>();
        recordOwners.forEach((kind, owners) -> records.put(kind, new HashMap<>(owners)));
        List<E> admitted = new ArrayList<>();
        for (E event : fresh) {
            String organisation = organisations.get(event.athlete().id());
            String kind = event.recordKind();
            Map<TenantKey, String> owners = event.aboutSession() ? sessions
                    : kind != null ? records.computeIfAbsent(kind, k -> new HashMap<>()) : assignments;
            String owner = owners.putIfAbsent(event.aggregate(), event.athlete().id());
            if (organisation != null && !organisation.equals(event.tenant())) {
                reject(event, Rejection.of(Rejection.Category.ORGANISATION, "athlete " + event.athlete().id()
                        + " belongs to another organisation than " + event.tenant()));
            } else if (owner != null && !owner.equals(event.athlete().id())) {
                reject(event, ownedByAnother(event.aboutSession() ? "session " : kind != null ? kind + " "
                        : "assignment ", event.aggregate().id(), event.athlete().id()));
            } else {
                admitted.add(event);
            }
        }
        return admitted;
    }

    /** A session, a record or an assignment stays with its athlete: naming another athlete for it is a conflict. */
    public static Rejection ownedByAnother(String what, String id, String athleteId) {
        return Rejection.of(Rejection.Category.CONFLICT, what + id + " belongs to another athlete than " + athleteId);
    }

    public void reject(E event, Rejection rejection) {
        rejections.put(event.index(), rejection);
    }

    /** A copy of an event first claimed in this batch shares its fate: rejected with it, or a duplicate. */
    public void settleCopies() {
        for (E event : events) {
            E first = firsts.get(event.identity());
            Rejection fate = first == event ? null : rejections.get(first.index());
            if (fate != null && freshIndexes.contains(first.index()) && duplicates.remove(event.index())) {
                rejections.put(event.index(), fate);
            }
        }
    }

    public boolean rejected(E event) {
        return rejections.containsKey(event.index());
    }

    /** The batch indexes of events already applied before. */
    public Set<Integer> duplicates() {
        return duplicates;
    }

    /** Why each rejected event, by batch index, is rejected. */
    public Map<Integer, Rejection> rejections() {
        return rejections;
    }
}
