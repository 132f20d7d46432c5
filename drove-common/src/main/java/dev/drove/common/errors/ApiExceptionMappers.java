package dev.drove.common.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.drove.models.api.ApiResponse;
import dev.drove.models.validation.ContractReader;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.core.setup.Environment;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Comparator;

/**
 * Every error of the REST API answered in the original's envelope ({@code {status: FAILED, message, data?}}), never
 * with a stack trace. Replaces Dropwizard's default mappers, whose bodies have another shape, and Jetty's HTML error
 * pages ({@link JsonErrorHandler}), and refuses bodies over {@link RequestSizeLimit#MAX_BYTES} with 413.
 */
public final class ApiExceptionMappers {
    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionMappers.class);

    private ApiExceptionMappers() {
    }

    /** Call from {@code Application.run}: the server is built after it, so the defaults are not registered. */
    public static void install(ServerFactory serverFactory, Environment environment) {
        if (serverFactory instanceof AbstractServerFactory factory) {
            factory.setRegisterDefaultExceptionMappers(false);
        }
        var errors = new JsonErrorHandler();
        environment.getApplicationContext().setErrorHandler(errors);
        environment.lifecycle().addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle server) {
                if (server instanceof Server jetty) {
                    jetty.setErrorHandler(errors); // Dropwizard sets its HTML one while building the server
                }
            }
        });
        var jersey = environment.jersey();
        jersey.register(new RequestSizeLimit(RequestSizeLimit.MAX_BYTES));
        jersey.register(new CommandValidationMapper());
        jersey.register(new ApiExceptionMapper());
        jersey.register(new JsonMapper());
        jersey.register(new ConstraintViolationMapper());
        jersey.register(new WebApplicationMapper());
        jersey.register(new UnexpectedMapper());
    }

    static Response answer(int status, ApiResponse<?> body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    static Response validationFailure(java.util.List<String> errors) {
        return answer(400, ApiResponse.validationFailure(errors));
    }

    static final class CommandValidationMapper implements ExceptionMapper<CommandValidationException> {
        @Override
        public Response toResponse(CommandValidationException e) {
            return validationFailure(e.errors());
        }
    }

    static final class ApiExceptionMapper implements ExceptionMapper<ApiException> {
        @Override
        public Response toResponse(ApiException e) {
            return answer(e.status().getStatusCode(), ApiResponse.failure(e.getMessage()));
        }
    }

    /** A body Jackson could not read: 400 naming the field, as for any other validation failure. */
    static final class JsonMapper implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            return validationFailure(java.util.List.of(ContractReader.describeReadFailure(e)));
        }
    }

    /** Bean Validation of resource parameters ({@code @Valid}, {@code @Min} on query params, …). */
    static final class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            var errors = e.getConstraintViolations().stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(ConstraintViolationMapper::describe)
                    .distinct()
                    .toList();
            return validationFailure(errors);
        }

        /** "arg0.size must be ..." is useless to a user: name the parameter by its last path node. */
        private static String describe(ConstraintViolation<?> violation) {
            String name = null;
            for (var node : violation.getPropertyPath()) {
                name = node.getName();
            }
            return (name == null ? "" : name + " ") + violation.getMessage();
        }
    }

    /** Jersey's own refusals (404 for unknown paths, 405, 415, …) in the envelope, keeping their status. */
    static final class WebApplicationMapper implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            var status = e.getResponse().getStatus();
            var reason = Response.Status.fromStatusCode(status);
            var message = e.getMessage() != null ? e.getMessage()
                    : reason != null ? reason.getReasonPhrase() : "HTTP " + status;
            return answer(status, ApiResponse.failure(message));
        }
    }

    /** A bug: logged with its stack trace for operators, answered 500 without internals for users. */
    static final class UnexpectedMapper implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            LOG.error("Unexpected error while serving a request", e);
            return answer(500, ApiResponse.failure("Internal error: " + e.getClass().getSimpleName()
                    + "; see the server log"));
        }
    }
}
