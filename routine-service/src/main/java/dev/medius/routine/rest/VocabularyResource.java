package dev.medius.routine.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.medius.routine.domain.SafetyText;
import dev.medius.routine.domain.Terms;
import dev.medius.runtime.security.Caller;

@Path("/api/v1/vocabularies")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Caller.COACH, Caller.HEAD_COACH, Caller.ADMIN, Caller.ATHLETE, Caller.EDITOR })
public class VocabularyResource {

    /** One accepted value with its label in the asked language and the words that mean the same. */
    public record Entry(String value, String label, List<String> synonyms) {
    }

    @GET
    @Operation(summary = "The words an athlete profile accepts",
            description = "Levels, sports, goals, equipment, pain areas, pain onsets and red flags: each canonical value, its label (Accept-Language: en or es) and its synonyms.")
    public Map<String, List<Entry>> vocabularies(@HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        String language = SafetyText.language(acceptLanguage);
        Map<String, List<Entry>> answer = new LinkedHashMap<>();
        answer.put("levels", entries(Terms.Kind.LEVEL, language));
        answer.put("sports", entries(Terms.Kind.SPORT, language));
        answer.put("goals", entries(Terms.Kind.GOAL, language));
        answer.put("equipment", entries(Terms.Kind.EQUIPMENT, language));
        answer.put("painAreas", entries(Terms.Kind.PAIN_AREA, language));
        answer.put("painOnsets", entries(Terms.Kind.ONSET, language));
        answer.put("redFlags", entries(Terms.Kind.RED_FLAG, language));
        return answer;
    }

    private static List<Entry> entries(Terms.Kind kind, String language) {
        return Terms.terms(kind).stream().map(t -> new Entry(t.value(), t.label(language), t.synonyms())).toList();
    }
}
