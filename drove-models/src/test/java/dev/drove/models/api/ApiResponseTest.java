package dev.drove.models.api;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.drove.models.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ApiResponseTest {
    @Test
    void aValidationFailureHasTheOriginalsExactShape() throws Exception {
        var errors = List.of("name must not be blank", "resources must not be empty");

        var response = ApiResponse.validationFailure(errors);

        assertThat(Json.mapper().writeValueAsString(response)).isEqualTo(
                "{\"status\":\"FAILED\","
                        + "\"data\":{\"validationErrors\":[\"name must not be blank\",\"resources must not be empty\"]},"
                        + "\"message\":\"Command validation failure\"}");
        assertThat(response.isSuccessful()).isFalse();
    }

    @Test
    void aValidationFailureIsReadBackWithItsErrors() throws Exception {
        var json = Json.mapper().writeValueAsString(ApiResponse.validationFailure(List.of("a bad", "b worse")));

        var read = Json.mapper().readValue(json, new TypeReference<ApiResponse<ValidationErrors>>() { });

        assertThat(read).isEqualTo(ApiResponse.validationFailure(List.of("a bad", "b worse")));
    }

    static Stream<Arguments> envelopes() {
        return Stream.of(
                arguments("success with data", ApiResponse.success(OperationAccepted.forApp("TEST_APP-1")),
                        "{\"status\":\"SUCCESS\",\"data\":{\"appId\":\"TEST_APP-1\"},\"message\":\"success\"}"),
                arguments("success without data", ApiResponse.success(null),
                        "{\"status\":\"SUCCESS\",\"message\":\"success\"}"),
                arguments("failure", ApiResponse.failure("App TEST_APP-1 not found"),
                        "{\"status\":\"FAILED\",\"message\":\"App TEST_APP-1 not found\"}"),
                arguments("failure with data", ApiResponse.failure(new LogFileChunk("", 0), "Could not read"),
                        "{\"status\":\"FAILED\",\"data\":{\"data\":\"\",\"offset\":0},\"message\":\"Could not read\"}"),
                arguments("not the leader", ApiResponse.notLeader(),
                        "{\"status\":\"FAILED\",\"message\":\"This node is not the leader controller\"}"),
                arguments("task accepted", ApiResponse.success(OperationAccepted.forTask("T0012")),
                        "{\"status\":\"SUCCESS\",\"data\":{\"taskId\":\"T0012\"},\"message\":\"success\"}"),
                arguments("local service accepted", ApiResponse.success(OperationAccepted.forLocalService("LS-1")),
                        "{\"status\":\"SUCCESS\",\"data\":{\"serviceId\":\"LS-1\"},\"message\":\"success\"}"),
                arguments("valid spec", ApiResponse.validSpec(List.of()),
                        "{\"status\":\"SUCCESS\",\"data\":{\"valid\":true},\"message\":\"success\"}"),
                arguments("valid spec with warnings", ApiResponse.validSpec(List.of("has an unknown field 'x'")),
                        "{\"status\":\"SUCCESS\",\"data\":{\"valid\":true,"
                                + "\"warnings\":[\"has an unknown field 'x'\"]},\"message\":\"success\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("envelopes")
    void eachFactoryWritesTheEnvelopeTheApiPromises(String name, ApiResponse<?> response, String json)
            throws Exception {
        assertThat(Json.mapper().writeValueAsString(response)).isEqualTo(json);
    }

    @Test
    void onlySuccessCountsAsSuccessful() {
        assertThat(ApiResponse.success("pong").isSuccessful()).isTrue();
        assertThat(ApiResponse.failure("nope").isSuccessful()).isFalse();
    }
}
