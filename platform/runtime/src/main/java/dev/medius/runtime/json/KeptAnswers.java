package dev.medius.runtime.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Answers kept between reads are kept as the bytes the service's own mapper writes, so a kept answer is byte for byte a fresh one. */
public final class KeptAnswers {

    private KeptAnswers() {
    }

    public static byte[] write(ObjectMapper json, Object answer) {
        try {
            return json.writeValueAsBytes(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("answer cannot be written as JSON", e);
        }
    }
}
