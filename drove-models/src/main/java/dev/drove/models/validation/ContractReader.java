package dev.drove.models.validation;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.drove.models.json.Json;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads a contract document (spec, operation, …) and validates it, collecting every problem instead of stopping at
 * the first.
 *
 * <p>This is the single entry point for user-supplied JSON, so every API answers bad input the same way: a list of
 * {@code "<field path> <reason>"} errors (HTTP 400 with {@code message: "Command validation failure"} at the API) and
 * warnings for unknown fields, which are otherwise ignored as the original ignores them.
 */
public final class ContractReader {
    private static final ContractReader DEFAULT = new ContractReader(Json.mapper(), defaultValidator());

    private final ObjectMapper mapper;
    private final Validator validator;

    public ContractReader(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    public static ContractReader standard() {
        return DEFAULT;
    }

    /** The project's Bean Validation validator (Hibernate Validator). */
    public static Validator defaultValidator() {
        try (var factory = Validation.buildDefaultValidatorFactory()) {
            return factory.getValidator();
        }
    }

    /** The value (when it could be read) and everything found while reading and validating it. */
    public record Reading<T>(Optional<T> value, ValidationReport report) {
        public boolean isValid() {
            return value.isPresent() && report.isValid();
        }

        /** The value of a valid document; throws with every error named otherwise. */
        public T orThrow() {
            if (!isValid()) {
                throw new IllegalArgumentException("Invalid document: " + String.join("; ", report.errors()));
            }
            return value.orElseThrow();
        }
    }

    /**
     * Reads {@code json} as a {@code type}. A key given twice in one object is an error ("Duplicate field 'x'"): which
     * value would count is not something a user should have to guess.
     */
    public <T> Reading<T> read(String json, Class<T> type) {
        var unknown = new UnknownFieldCollector();
        try {
            var value = mapper.readerFor(type).with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).withHandler(unknown)
                    .<T>readValue(json);
            return finish(value, unknown);
        } catch (IOException e) {
            return failed(e, unknown);
        }
    }

    public <T> Reading<T> read(JsonNode json, Class<T> type) {
        var unknown = new UnknownFieldCollector();
        try {
            var value = mapper.readerFor(type).withHandler(unknown).<T>readValue(json);
            return finish(value, unknown);
        } catch (IOException e) {
            return failed(e, unknown);
        }
    }

    /** Bean Validation of an object already in memory, as {@code "<path> <reason>"} lines, sorted. */
    public List<String> validate(Object value) {
        return describe(validator.validate(value));
    }

    private <T> Reading<T> finish(T value, UnknownFieldCollector unknown) {
        if (value == null) {
            return new Reading<>(Optional.empty(),
                    new ValidationReport(List.of("body is empty: a JSON document is required"), unknown.warnings));
        }
        return new Reading<>(Optional.of(value), new ValidationReport(validate(value), unknown.warnings));
    }

    private static <T> Reading<T> failed(IOException e, UnknownFieldCollector unknown) {
        return new Reading<>(Optional.empty(), new ValidationReport(List.of(describe(e)), unknown.warnings));
    }

    static List<String> describe(Collection<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(v -> join(v.getPropertyPath().toString(), v.getMessage()))
                .sorted()
                .distinct()
                .toList();
    }

    /** One sentence for a document Jackson could not read, naming the field path. */
    static String describe(IOException e) {
        if (e instanceof JsonParseException parse) {
            var where = parse.getLocation();
            return String.format("body is not valid JSON (line %d, column %d): %s",
                    where.getLineNr(), where.getColumnNr(), parse.getOriginalMessage());
        }
        if (!(e instanceof JsonMappingException mapping)) {
            return "body could not be read: " + e.getMessage();
        }
        if (mapping.getCause() instanceof JsonParseException parse) {
            return describe(parse);
        }
        var path = path(mapping.getPath());
        if (e instanceof InvalidTypeIdException typeId) {
            var allowed = subtypeNames(typeId.getBaseType().getRawClass());
            var field = path.isEmpty() ? "type" : path + ".type";
            return typeId.getTypeId() == null
                    ? field + " is missing; it must be one of " + allowed
                    : field + " '" + typeId.getTypeId() + "' is not known; it must be one of " + allowed;
        }
        if (e instanceof InvalidFormatException format) {
            var target = format.getTargetType();
            if (target != null && target.isEnum()) {
                return join(path, "'" + format.getValue() + "' is not one of "
                        + Arrays.toString(target.getEnumConstants()));
            }
            if (target == byte[].class) {
                return join(path, "is not valid base64 text");
            }
            return join(path, "'" + format.getValue() + "' is not a valid " + friendlyName(target));
        }
        if (e instanceof ValueInstantiationException instantiation && instantiation.getCause() != null) {
            var cause = instantiation.getCause();
            return join(path, cause instanceof NullPointerException && cause.getMessage() == null
                    ? "must not be null or contain null entries" : cause.getMessage());
        }
        if (e instanceof MismatchedInputException && mapping.getPath().isEmpty()
                && e.getMessage().startsWith("No content to map")) {
            return "body is empty: a JSON document is required";
        }
        if (e instanceof MismatchedInputException mismatch) {
            return join(path, "has the wrong shape: expected " + friendlyName(mismatch.getTargetType()));
        }
        var cause = mapping.getCause();
        return join(path, cause != null && cause.getMessage() != null ? cause.getMessage() : mapping.getOriginalMessage());
    }

    private static String friendlyName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (java.util.Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean (true or false)";
        }
        if (type == String.class) {
            return "string";
        }
        return type.getSimpleName().isEmpty() ? "value" : type.getSimpleName();
    }

    private static List<String> subtypeNames(Class<?> base) {
        var subtypes = base.getAnnotation(JsonSubTypes.class);
        if (subtypes == null) {
            return List.of();
        }
        var names = new ArrayList<String>();
        for (var subtype : subtypes.value()) {
            if (!subtype.name().isEmpty()) {
                names.add(subtype.name());
            }
            names.addAll(Arrays.asList(subtype.names()));
        }
        return names;
    }

    static String path(List<JsonMappingException.Reference> references) {
        var out = new StringBuilder();
        for (var reference : references) {
            if (reference.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                out.append('[').append(reference.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String join(String path, String message) {
        return path == null || path.isEmpty() ? message : path + " " + message;
    }

    /** Records unknown fields (with their paths) and lets Jackson skip them, as the original does. */
    private static final class UnknownFieldCollector extends DeserializationProblemHandler {
        private final List<String> warnings = new ArrayList<>();

        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
                                             JsonDeserializer<?> deserializer, Object beanOrClass,
                                             String propertyName) throws IOException {
            var context = p.getParsingContext();
            if (p.currentToken() == JsonToken.START_OBJECT || p.currentToken() == JsonToken.START_ARRAY) {
                context = context.getParent(); // the parser already stands inside the unknown object or array
            }
            var parent = pointerToPath(context.getParent() == null
                    ? "" : context.getParent().pathAsPointer().toString());
            warnings.add(join(parent, "has an unknown field '" + propertyName + "'; it is ignored"));
            p.skipChildren();
            return true;
        }

        private static String pointerToPath(String pointer) {
            return Arrays.stream(pointer.split("/"))
                    .filter(s -> !s.isEmpty())
                    .map(s -> s.chars().allMatch(Character::isDigit) ? "[" + s + "]" : "." + s)
                    .collect(Collectors.joining())
                    .replaceFirst("^\\.", "")
                    .replace(".[", "[");
        }
    }

    /** For callers that map exceptions themselves (the API's exception mappers). */
    public static String describeReadFailure(JsonProcessingException e) {
        return describe(e);
    }
}
