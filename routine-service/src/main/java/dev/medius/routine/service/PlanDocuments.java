package dev.medius.routine.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.medius.routine.domain.Plan;

/** Reads and writes the plan documents kept in templates and scheduled sessions. */
@ApplicationScoped
public class PlanDocuments {

    @Inject
    ObjectMapper json;

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Plan plan(String document) {
        return read(document, Plan.class);
    }

    public Plan.Session session(String document) {
        return read(document, Plan.Session.class);
    }

    public <T> T read(String document, Class<T> type) {
        try {
            return json.readValue(document, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored document unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
