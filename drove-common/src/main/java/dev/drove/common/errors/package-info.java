/**
 * How the REST APIs of both services answer errors: always the original's envelope
 * {@code {status: FAILED, message, data?}}, with 400 and {@code data.validationErrors} for bad input
 * ({@link dev.drove.common.errors.CommandValidationException}, unreadable JSON, failed Bean Validation), the status of
 * an {@link dev.drove.common.errors.ApiException} for refusals (404, 409), and 500 without a stack trace for bugs.
 * Bodies over 4 MiB get 413 ({@link dev.drove.common.errors.RequestSizeLimit}), and what Jetty refuses before Jersey
 * (an ambiguous URI, a URI too long) gets the envelope as JSON too ({@link dev.drove.common.errors.JsonErrorHandler}).
 */
package dev.drove.common.errors;
