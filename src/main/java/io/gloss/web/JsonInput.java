package io.gloss.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * The checks every JSON body gets, once for every field (API bodies and JSON Lines imports read
 * through this mapper): strings must be Unicode text ({@link Texts}), decimals bounded
 * ({@link Numbers}), whole numbers whole ({@code "start": 0.5} is refused, not truncated), and
 * number literals short.
 */
@Singleton
public class JsonInput implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNumberLength(Numbers.MAX_CHARS).build());
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.registerModule(new SimpleModule("gloss-input")
                .addDeserializer(String.class, new UnicodeString())
                .addDeserializer(BigDecimal.class, new BoundedDecimal()));
    }

    static final class UnicodeString extends StdScalarDeserializer<String> {

        UnicodeString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            String problem = Texts.problem(value, false);
            if (problem != null) {
                String field = RefusedInputException.field(p);
                throw new RefusedInputException(p, field, field + " contains " + problem
                        + ". Remove it and send the text again.", String.class);
            }
            return value;
        }
    }

    static final class BoundedDecimal extends StdScalarDeserializer<BigDecimal> {

        BoundedDecimal() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            try {
                BigDecimal value = NumberDeserializers.BigDecimalDeserializer.instance.deserialize(p, ctxt);
                if (value == null || Numbers.bounded(value)) {
                    return value;
                }
            } catch (MismatchedInputException e) {
                // "NaN", "abc", an object: the same answer as for a number out of bounds
            }
            String field = RefusedInputException.field(p);
            throw new RefusedInputException(p, field, Numbers.decimalRule(field), BigDecimal.class);
        }
    }
}
