/**
 * Reading and validating contract documents.
 *
 * <pre>
 * JSON text --ContractReader.read--> value + ValidationReport{errors, warnings}
 *     parse errors  -> "spec.resources[0].type 'GPU' is not known; it must be one of [CPU, MEMORY]"
 *     Bean Validation (per field, and @CrossChecked / SelfChecking rules across fields)
 *                   -> "spec.healthcheck.mode.portName names no port in exposedPorts: admin"
 *     unknown fields -> warnings, otherwise ignored as the original ignores them
 * </pre>
 */
package dev.drove.models.validation;
