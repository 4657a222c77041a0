package org.uclg.learning.shared;

import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import io.micronaut.serde.exceptions.InvalidFormatException;
import io.micronaut.serde.exceptions.InvalidPropertyFormatException;
import io.micronaut.serde.exceptions.SerdeException;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON values are taken as what they are, never coerced: an integer field takes only a JSON
 * integer ({@code 1.5}, {@code true} and {@code "10"} are refused rather than stored as 1, 1 and
 * 10), a boolean only {@code true}/{@code false}, a date only a {@code "YYYY-MM-DD"} string within
 * {@link PlausibleDates}. The decoding error names the property (see {@code ProblemBodyProvider}).
 */
final class StrictJson {
    private StrictJson() {
    }

    /** Names the property being decoded (the argument carries its name), as serde does for a wrong enum value. */
    private static SerdeException refused(String message, Argument<?> property) {
        InvalidFormatException e = new InvalidFormatException(message, null, null);
        return property.getName() == null || property.getName().isEmpty() ? e : new InvalidPropertyFormatException(e, property);
    }

    @Singleton
    static final class Integers implements Deserializer<Integer> {
        @Override
        public Integer deserialize(Decoder decoder, DecoderContext context, Argument<? super Integer> type) throws IOException {
            JsonNode node = decoder.decodeNode();
            if (node.isNumber()) {
                Number n = node.getNumberValue();
                if ((n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte || n instanceof BigInteger)
                        && node.getBigIntegerValue().bitLength() < 32) {
                    return node.getIntValue();
                }
            }
            throw refused("must be a whole number (a JSON integer)", type);
        }

        @Override
        public Integer deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super Integer> type) throws IOException {
            return decoder.decodeNull() ? null : deserialize(decoder, context, type);
        }
    }

    @Singleton
    static final class Booleans implements Deserializer<Boolean> {
        @Override
        public Boolean deserialize(Decoder decoder, DecoderContext context, Argument<? super Boolean> type) throws IOException {
            JsonNode node = decoder.decodeNode();
            if (node.isBoolean()) {
                return node.getBooleanValue();
            }
            throw refused("must be true or false", type);
        }

        @Override
        public Boolean deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super Boolean> type) throws IOException {
            return decoder.decodeNull() ? null : deserialize(decoder, context, type);
        }
    }

    @Singleton
    static final class Dates implements Deserializer<LocalDate> {
        @Override
        public LocalDate deserialize(Decoder decoder, DecoderContext context, Argument<? super LocalDate> type) throws IOException {
            JsonNode node = decoder.decodeNode();
            if (!node.isString()) {
                throw refused(PlausibleDates.DATE_MESSAGE, type);
            }
            List<ProblemException.FieldError> errors = new ArrayList<>();
            LocalDate date = PlausibleDates.date(node.getStringValue(), "", errors);
            if (date == null) {
                throw refused(errors.get(0).message(), type);
            }
            return date;
        }

        @Override
        public LocalDate deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super LocalDate> type) throws IOException {
            return decoder.decodeNull() ? null : deserialize(decoder, context, type);
        }
    }
}
