package dev.drove.models.common;

/** The HTTP methods a call spec or an HTTP check may use; the docs allow only these three. */
public enum HTTPVerb {
    GET,
    POST,
    PUT
}
