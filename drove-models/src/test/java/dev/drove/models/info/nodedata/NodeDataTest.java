package dev.drove.models.info.nodedata;

import dev.drove.models.api.ApiResponse;
import dev.drove.models.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Date;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class NodeDataTest {
    private static final Pattern TYPE_FIELD = Pattern.compile("\"type\":\"EXECUTOR\"");

    @Test
    void executorDataWrittenAsTheDataOfAnApiAnswerNamesItsTypeOnce() throws Exception {
        var node = executor(ExecutorState.ACTIVE);

        var json = Json.mapper().writeValueAsString(ApiResponse.success(node));

        assertThat(TYPE_FIELD.matcher(json).results().count()).isEqualTo(1);
    }

    @Test
    void controllerDataIsReadBackAsAControllerWithItsLeaderFlag() throws Exception {
        var controller = new ControllerNodeData("ctl-1", 4000, NodeTransportType.HTTPS, new Date(1000), true);

        var json = Json.mapper().writeValueAsString(controller);
        var read = Json.mapper().readValue(json, NodeData.class);

        assertThat(json).contains("\"type\":\"CONTROLLER\"");
        assertThat(read).isEqualTo(controller);
    }

    @ParameterizedTest(name = "executorState {0}, blacklisted {1} -> {2}")
    @CsvSource(nullValues = "-", value = {
            "-,                   -,     ACTIVE",
            "-,                   false, ACTIVE",
            "-,                   true,  BLACKLISTED",
            "BLACKLIST_REQUESTED, -,     BLACKLIST_REQUESTED",
            "UNREADY,             true,  UNREADY",
            "BLACKLISTED,         false, BLACKLISTED"})
    void theExecutorStateWinsAndTheOlderBlacklistedFlagFillsInWhenItIsAbsent(
            String executorState, Boolean blacklisted, ExecutorState expected) throws Exception {
        var json = new StringBuilder("{\"type\":\"EXECUTOR\",\"hostname\":\"ex1\",\"port\":3000");
        if (executorState != null) {
            json.append(",\"executorState\":\"").append(executorState).append('"');
        }
        if (blacklisted != null) {
            json.append(",\"blacklisted\":").append(blacklisted);
        }
        json.append('}');

        var node = (ExecutorNodeData) Json.mapper().readValue(json.toString(), NodeData.class);

        assertThat(node.executorState()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ACTIVE, false", "BLACKLIST_REQUESTED, true", "BLACKLISTED, true", "UNREADY, false", "REMOVED, false"})
    void blacklistedIsWrittenFromTheExecutorState(ExecutorState state, boolean blacklisted) {
        var tree = Json.mapper().valueToTree(executor(state));

        assertThat(tree.path("blacklisted").asBoolean()).isEqualTo(blacklisted);
        assertThat(tree.path("blacklisted").isBoolean()).isTrue();
    }

    private static ExecutorNodeData executor(ExecutorState state) {
        return new ExecutorNodeData("ex1", 3000, NodeTransportType.HTTP, new Date(1000), null, null, null, null,
                null, null, state);
    }
}
