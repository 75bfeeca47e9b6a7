package dev.medius.progress.service;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.medius.progress.domain.StrengthTest;
import dev.medius.progress.domain.TenantKey;
import dev.medius.progress.repository.StrengthTestRepository;

/** The strength tests of an ingestion transaction, kept in strength_test. */
@ApplicationScoped
class StrengthTests extends AthleteRecords<StrengthTest> {

    @Inject
    StrengthTestRepository repository;

    @Override
    String kind() {
        return "strength test";
    }

    @Override
    Class<StrengthTest> type() {
        return StrengthTest.class;
    }

    @Override
    Map<TenantKey, String> stored(Collection<TenantKey> records) throws SQLException {
        return repository.testOwners(records);
    }

    @Override
    Set<TenantKey> save(List<StrengthTest> records) throws SQLException {
        return repository.saveTests(records);
    }

    /**
     * A checked strength-test.recorded.v1 as the row kept: only the members the contract names, the faults and
     * findings as lists of their texts, so that whatever else a producer adds is not kept about the athlete.
     */
    static StrengthTest of(InboundEvent event, int revision, OffsetDateTime eventTime) {
        JsonNode d = event.data();
        return new StrengthTest(event.tenant(), d.get("testId").asText(), d.get("athleteId").asText(),
                d.get("kind").asText(), LocalDate.parse(d.get("testedOn").asText()),
                OffsetDateTime.parse(d.get("recordedAt").asText()).withOffsetSameInstant(ZoneOffset.UTC),
                number(d, "left"), number(d, "right"), text(d, "unit"), number(d, "symmetryPercent"),
                text(d, "involvedSide"), d.hasNonNull("pain") ? d.get("pain").asInt() : null, text(d, "leftRating"),
                text(d, "rightRating"), texts(d, "faults"), texts(d, "findings"), revision, eventTime, event.source(),
                event.id());
    }

    private static Double number(JsonNode d, String field) {
        return d.hasNonNull(field) ? d.get(field).asDouble() : null;
    }

    private static String text(JsonNode d, String field) {
        return d.hasNonNull(field) ? d.get(field).asText() : null;
    }

    private static String texts(JsonNode d, String field) {
        if (!d.hasNonNull(field)) {
            return null;
        }
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        d.get(field).forEach(item -> list.add(item.asText()));
        return list.toString();
    }
}
