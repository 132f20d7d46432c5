package dev.drove.models.validation;

import java.util.List;

/**
 * A document whose rules span several fields (a check naming a port that must exist, names that must be unique).
 * Annotate the type with {@link CrossChecked} so Bean Validation picks the problems up.
 */
public interface SelfChecking {
    /**
     * Everything wrong across this object's fields. Must not throw on partly invalid objects (nulls where a field is
     * required): per-field constraints report those, so skip a rule whose inputs are missing.
     */
    List<Problem> problems();
}
