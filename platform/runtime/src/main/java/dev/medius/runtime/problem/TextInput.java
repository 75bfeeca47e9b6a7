package dev.medius.runtime.problem;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Refuses text that PostgreSQL cannot store: the NUL character. Without this a NUL in a search
 * term, an id or a body field reaches the database and fails there, as a 500; here it is a 400
 * that names the parameter or field.
 */
@Singleton
public class TextInput implements ObjectMapperCustomizer {

    static final String NUL_MESSAGE = "must not contain the NUL character";

    /** Query and path parameters, before the resource method runs. */
    @ServerRequestFilter
    public void refuseNulInParameters(UriInfo uri) {
        refuse(uri.getQueryParameters());
        refuse(uri.getPathParameters());
    }

    private static void refuse(Map<String, List<String>> parameters) {
        parameters.forEach((name, values) -> {
            for (String value : values) {
                if (value != null && value.indexOf('\0') >= 0) {
                    throw ProblemException.invalidField(name, NUL_MESSAGE);
                }
            }
        });
    }

    /** Every string field of every JSON body (and of every event read into a record). */
    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("medius-text-input");
        module.addDeserializer(String.class, new NulFreeStrings());
        mapper.registerModule(module);
    }

    static final class NulFreeStrings extends StdScalarDeserializer<String> {

        NulFreeStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && value.indexOf('\0') >= 0) {
                throw context.weirdStringException(value, String.class, NUL_MESSAGE);
            }
            return value;
        }
    }
}
