package dev.drove.controller.api;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * OpenAPI schemas of the contract's Java types, derived from the types themselves so they cannot drift: the JSON
 * property names come from Jackson's own introspection of the shared mapper, a sealed family with
 * {@code @JsonSubTypes} becomes {@code oneOf} with a {@code type} discriminator, enums list their constants, a
 * record component marked {@code @NotNull}, {@code @NotEmpty} or {@code @NotBlank} is {@code required}, and its
 * {@code @Min} and {@code @Max} become {@code minimum} and {@code maximum}.
 *
 * <p>Each class becomes one named schema, referenced as {@code #/components/schemas/<SimpleName>}. Durations are
 * strings such as {@code "30 seconds"}, dates are epoch milliseconds, {@code byte[]} is base64.
 */
final class ModelSchemas {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String PREFIX = "#/components/schemas/";

    private final ObjectMapper mapper;
    private final Map<String, ObjectNode> schemas = new TreeMap<>();

    ModelSchemas(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A reference to {@code type}'s named schema, adding it (and everything it uses) when first seen. */
    ObjectNode reference(Class<?> type) {
        var name = type.getSimpleName();
        if (!schemas.containsKey(name)) {
            schemas.put(name, NODES.objectNode()); // placeholder: stops recursion on cyclic types
            schemas.put(name, define(type));
        }
        return NODES.objectNode().put("$ref", PREFIX + name);
    }

    /** Every named schema added so far, by name. */
    Map<String, ObjectNode> all() {
        return schemas;
    }

    /** The inline schema of a value of {@code type}: a reference for contract classes, a plain schema otherwise. */
    ObjectNode of(JavaType type) {
        var raw = type.getRawClass();
        if (raw == String.class || raw == Character.class || raw == char.class) {
            return simple("string");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return simple("boolean");
        }
        if (raw == int.class || raw == Integer.class || raw == short.class || raw == Short.class) {
            return simple("integer").put("format", "int32");
        }
        if (raw == long.class || raw == Long.class) {
            return simple("integer").put("format", "int64");
        }
        if (Number.class.isAssignableFrom(raw) || raw == double.class || raw == float.class) {
            return simple("number");
        }
        if (Date.class.isAssignableFrom(raw)) {
            return simple("integer").put("format", "int64").put("description", "epoch milliseconds");
        }
        if (raw == io.dropwizard.util.Duration.class) {
            return simple("string").put("example", "30 seconds");
        }
        if (raw == byte[].class) {
            return simple("string").put("format", "byte");
        }
        if (raw.isEnum()) {
            var values = simple("string");
            var constants = values.putArray("enum");
            for (var constant : raw.getEnumConstants()) {
                constants.add(((Enum<?>) constant).name());
            }
            return values;
        }
        if (raw == Optional.class) {
            return of(type.containedTypeOrUnknown(0));
        }
        if (type.isArrayType() || type.isCollectionLikeType()) {
            var array = simple("array");
            array.set("items", of(type.getContentType()));
            if (java.util.Set.class.isAssignableFrom(raw)) {
                array.put("uniqueItems", true);
            }
            return array;
        }
        if (type.isMapLikeType()) {
            var map = simple("object");
            map.set("additionalProperties", of(type.getContentType()));
            return map;
        }
        if (raw == Object.class || JsonNode.class.isAssignableFrom(raw) || Collection.class.isAssignableFrom(raw)) {
            return NODES.objectNode();
        }
        return reference(raw);
    }

    private ObjectNode define(Class<?> type) {
        var subtypes = type.getAnnotation(JsonSubTypes.class);
        if (subtypes != null && type.isInterface()) {
            return family(subtypes);
        }
        return object(type, null);
    }

    private ObjectNode family(JsonSubTypes subtypes) {
        var schema = NODES.objectNode();
        var oneOf = schema.putArray("oneOf");
        var discriminator = schema.putObject("discriminator").put("propertyName", "type");
        var mapping = discriminator.putObject("mapping");
        for (var subtype : subtypes.value()) {
            var name = subtype.value().getSimpleName();
            schemas.putIfAbsent(name, NODES.objectNode());
            schemas.put(name, object(subtype.value(), subtype.name()));
            oneOf.addObject().put("$ref", PREFIX + name);
            mapping.put(subtype.name(), PREFIX + name);
            for (var alias : subtype.names()) {
                mapping.put(alias, PREFIX + name);
            }
        }
        return schema;
    }

    /** An object schema of {@code type}'s JSON properties; with {@code typeId}, also its {@code type} field. */
    private ObjectNode object(Class<?> type, String typeId) {
        var schema = simple("object");
        var properties = schema.putObject("properties");
        var required = NODES.arrayNode();
        if (typeId != null) {
            properties.putObject("type").put("type", "string").putArray("enum").add(typeId);
            required.add("type");
        }
        var description = mapper.getSerializationConfig().introspect(mapper.constructType(type));
        for (var property : description.findProperties()) {
            if (typeId != null && property.getName().equals("type")) {
                continue;
            }
            var value = of(property.getPrimaryType());
            bounds(type, property.getInternalName(), value);
            properties.set(property.getName(), value);
            if (isRequired(type, property.getInternalName())) {
                required.add(property.getName());
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        return schema;
    }

    /** A record component's {@code @Min} and {@code @Max} as {@code minimum} and {@code maximum}. */
    private static void bounds(Class<?> type, String component, ObjectNode schema) {
        var accessor = accessor(type, component);
        if (accessor == null || schema.has("$ref")) {
            return;
        }
        var min = accessor.getAnnotation(Min.class);
        if (min != null) {
            schema.put("minimum", min.value());
        }
        var max = accessor.getAnnotation(Max.class);
        if (max != null) {
            schema.put("maximum", max.value());
        }
    }

    private static java.lang.reflect.Method accessor(Class<?> type, String component) {
        if (!type.isRecord()) {
            return null;
        }
        for (var recordComponent : type.getRecordComponents()) {
            if (recordComponent.getName().equals(component)) {
                return recordComponent.getAccessor(); // where the annotations of a component land
            }
        }
        return null;
    }

    private static boolean isRequired(Class<?> type, String component) {
        var accessor = accessor(type, component);
        return accessor != null && (accessor.isAnnotationPresent(NotNull.class)
                || accessor.isAnnotationPresent(NotEmpty.class) || accessor.isAnnotationPresent(NotBlank.class));
    }

    private static ObjectNode simple(String type) {
        return NODES.objectNode().put("type", type);
    }
}
