/**
 * JSON setup of the contract: one {@link dev.drove.models.json.Json#mapper() mapper} with the original's rules
 * (NON_NULL, unknown fields ignored, case-insensitive enums, epoch-millisecond dates, strict {@code type} ids).
 */
package dev.drove.models.json;
