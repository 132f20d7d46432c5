package dev.drove.models.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Turns the {@link Problem}s of a {@link SelfChecking} object into constraint violations at their paths. */
public final class CrossCheckValidator implements ConstraintValidator<CrossChecked, SelfChecking> {

    @Override
    public boolean isValid(SelfChecking value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        var problems = value.problems();
        if (problems.isEmpty()) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        for (var problem : problems) {
            var builder = context.buildConstraintViolationWithTemplate(escape(problem.message()));
            if (problem.path() == null || problem.path().isEmpty()) {
                builder.addConstraintViolation();
                continue;
            }
            var node = builder.addPropertyNode(problem.path());
            node.addConstraintViolation();
        }
        return false;
    }

    /** Messages are literal text, not templates: keep user data such as "${x}" from being interpolated. */
    private static String escape(String message) {
        return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }
}
