package dev.drove.common.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.drove.models.api.ApiResponse;
import dev.drove.models.json.Json;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The errors Jetty answers itself, before a request reaches Jersey (an ambiguous or malformed URI such as
 * {@code /apps/a%2Fb}, a URI or header too long, a bad {@code Content-Length}), in the API's envelope
 * {@code {status: FAILED, message}} as JSON instead of Jetty's HTML page. The message is Jetty's reason ("Ambiguous URI
 * path separator"), or the status's reason phrase when Jetty gives none or names an exception.
 */
final class JsonErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                     Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
    }

    /** For requests Jetty could not even parse (no request object exists yet). */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(body(status, reason));
    }

    static byte[] body(int status, String message) {
        var text = message == null || message.isBlank() || message.contains("Exception")
                ? HttpStatus.getMessage(status) : message;
        try {
            return Json.mapper().writeValueAsBytes(ApiResponse.failure(text));
        } catch (JsonProcessingException e) {
            return ("{\"status\":\"FAILED\",\"message\":\"" + HttpStatus.getMessage(status) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
        }
    }
}
