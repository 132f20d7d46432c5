package dev.drove.models.api;

import java.util.List;

/** The {@code data} of a rejected command: one {@code "<field path> <reason>"} line per problem. */
public record ValidationErrors(List<String> validationErrors) {
    public ValidationErrors {
        validationErrors = validationErrors == null ? List.of() : List.copyOf(validationErrors);
    }
}
