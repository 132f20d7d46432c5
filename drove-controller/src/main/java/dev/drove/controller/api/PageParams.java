package dev.drove.controller.api;

import dev.drove.common.errors.CommandValidationException;

import java.util.ArrayList;
import java.util.List;

/**
 * One page of a listing from two query parameters ({@code from}/{@code size}, {@code start}/{@code size}). They are
 * read here rather than by Jersey, which answers a non-number with 404: a bad value is a 400 naming the parameter.
 *
 * @param start entries to skip, 0 or more (default 0)
 * @param size  entries at most, 0 to {@value #MAX_SIZE} (default {@value #MAX_SIZE})
 */
record PageParams(int start, int size) {
    static final int MAX_SIZE = 1024;

    /** @throws CommandValidationException naming every bad parameter, e.g. "query param size must be …" */
    static PageParams read(String startName, String startText, String sizeName, String sizeText) {
        var errors = new ArrayList<String>();
        var start = number(startName, startText, 0, Integer.MAX_VALUE, 0, errors);
        var size = number(sizeName, sizeText, 0, MAX_SIZE, MAX_SIZE, errors);
        if (!errors.isEmpty()) {
            throw new CommandValidationException(errors);
        }
        return new PageParams(start, size);
    }

    private static int number(String name, String text, int min, int max, int absent, List<String> errors) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            var value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
            errors.add(max == Integer.MAX_VALUE
                    ? "query param %s must be %d or more, not %d".formatted(name, min, value)
                    : "query param %s must be between %d and %d, not %d".formatted(name, min, max, value));
        } catch (NumberFormatException e) {
            errors.add("query param %s must be a whole number, not '%s'".formatted(name, text));
        }
        return absent;
    }
}
