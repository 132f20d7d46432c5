package dev.drove.common.messages;

import dev.drove.models.info.nodedata.NodeType;
import dev.drove.models.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Answers to messages: who answers, what they name, and which count as taken on. */
class MessageResponseTest {
    private static final ExecutorMessage START = ExecutorMessage.startInstance(SampleMessages.ADDRESS,
            SampleMessages.applicationInstance());
    private static final ControllerMessage REPORT = ControllerMessage.instanceStateReport(SampleMessages.SNAPSHOT,
            SampleMessages.instanceInfo());

    static Stream<Arguments> answers() {
        return Stream.of(
                Arguments.of("HANDLED counts as taken on", MessageResponse.handled(START), MessageStatus.HANDLED, true),
                Arguments.of("ACCEPTED counts as taken on", MessageResponse.accepted(START), MessageStatus.ACCEPTED,
                        true),
                Arguments.of("REJECTED does not", MessageResponse.rejected(START, "blacklisted"),
                        MessageStatus.REJECTED, false),
                Arguments.of("FAILED does not", MessageResponse.failed(START, "docker is down"), MessageStatus.FAILED,
                        false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void anAnswerSurvivesAJsonRoundTripAndSaysWhetherTheMessageWasTakenOn(String row, MessageResponse answer,
                                                                          MessageStatus status, boolean taken)
            throws Exception {
        var read = Json.mapper().readValue(Json.mapper().writeValueAsString(answer), MessageResponse.class);

        assertThat(read).isEqualTo(answer);
        assertThat(read.status()).isEqualTo(status);
        assertThat(read.isSuccessful()).isEqualTo(taken);
    }

    @Test
    void anExecutorsAnswerIsAReplyFromTheExecutorNamingTheMessage() {
        var answer = MessageResponse.rejected(START, "executor is blacklisted");

        assertThat(answer.header().senderType()).isEqualTo(NodeType.EXECUTOR);
        assertThat(answer.header().direction()).isEqualTo(MessageHeader.Direction.REPLY);
        assertThat(answer.header().replyToId()).isEqualTo(START.header().id());
        assertThat(answer.header().id()).isNotEqualTo(START.header().id());
        assertThat(answer.message()).isEqualTo("executor is blacklisted");
    }

    @Test
    void theControllersAnswerToAReportIsAReplyFromTheController() {
        var answer = MessageResponse.accepted(REPORT);

        assertThat(answer.header().senderType()).isEqualTo(NodeType.CONTROLLER);
        assertThat(answer.header().replyToId()).isEqualTo(REPORT.header().id());
    }

    @Test
    void theJsonOfAnAnswerHasNoDerivedFields() throws Exception {
        var json = Json.mapper().valueToTree(MessageResponse.handled(START));

        assertThat(json.fieldNames()).toIterable().containsExactlyInAnyOrder("header", "status");
    }
}
