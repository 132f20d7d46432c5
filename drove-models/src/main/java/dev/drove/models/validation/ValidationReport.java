package dev.drove.models.validation;

import java.util.List;

/**
 * The outcome of reading and validating a document.
 *
 * @param errors   each problem that makes the document unusable, as {@code "<field path> <reason>"}
 * @param warnings things that do not stop the document but are probably mistakes, such as unknown fields
 */
public record ValidationReport(List<String> errors, List<String> warnings) {
    public static final ValidationReport CLEAN = new ValidationReport(List.of(), List.of());

    public ValidationReport {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public boolean isValid() {
        return errors.isEmpty();
    }
}
