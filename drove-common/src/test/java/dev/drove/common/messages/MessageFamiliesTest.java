package dev.drove.common.messages;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import dev.drove.models.info.nodedata.NodeType;
import dev.drove.models.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Both message families: what Jackson writes and reads, and that permits, subtypes and type names agree. */
class MessageFamiliesTest {

    static Stream<Arguments> everyMessage() {
        return new TreeMap<>(SampleMessages.everyMessage()).entrySet().stream()
                .map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyMessage")
    void aMessageReadBackAsItsFamilyEqualsTheMessageSent(String type, Message message) throws Exception {
        var json = Json.mapper().writeValueAsString(message);
        var family = message instanceof ExecutorMessage ? ExecutorMessage.class : ControllerMessage.class;

        Message read = Json.mapper().readValue(json, family);

        assertThat(read).isEqualTo(message);
        assertThat(Json.mapper().readTree(json).get("type").asText()).isEqualTo(type);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyMessage")
    void aMessageCarriesARequestHeaderFromTheOtherKindOfNode(String type, Message message) throws Exception {
        JsonNode header = Json.mapper().valueToTree(message).get("header");

        var sender = message.recipientType() == NodeType.EXECUTOR ? "CONTROLLER" : "EXECUTOR";
        assertThat(header.get("senderType").asText()).isEqualTo(sender);
        assertThat(header.get("direction").asText()).isEqualTo("REQUEST");
        assertThat(header.has("replyToId")).isFalse();
        assertThat(header.get("messageTime").isNumber()).isTrue();
        assertThat(header.get("id").asText()).isEqualTo(message.header().id().toString());
    }

    @Test
    void everyExecutorMessageIsNamedInJsonSubTypesByItsType() {
        assertThat(subtypeNames(ExecutorMessage.class)).isEqualTo(permittedTypeNames(ExecutorMessage.class));
        assertThat(subtypeNames(ExecutorMessage.class).keySet()).containsExactlyInAnyOrder(
                Arrays.stream(ExecutorMessageType.values()).map(Enum::name).toArray(String[]::new));
    }

    @Test
    void everyControllerMessageIsNamedInJsonSubTypesByItsType() {
        assertThat(subtypeNames(ControllerMessage.class)).isEqualTo(permittedTypeNames(ControllerMessage.class));
        assertThat(subtypeNames(ControllerMessage.class).keySet()).containsExactlyInAnyOrder(
                Arrays.stream(ControllerMessageType.values()).map(Enum::name).toArray(String[]::new));
    }

    @Test
    void theSamplesCoverEveryPermittedMessage() {
        var sampled = SampleMessages.everyMessage().values().stream().map(Object::getClass)
                .collect(Collectors.toSet());
        var permitted = Stream.of(ExecutorMessage.class, ControllerMessage.class)
                .flatMap(family -> Arrays.stream(family.getPermittedSubclasses()))
                .collect(Collectors.toSet());

        assertThat(sampled).isEqualTo(permitted);
        assertThat(Message.class.getPermittedSubclasses())
                .containsExactlyInAnyOrder(ExecutorMessage.class, ControllerMessage.class);
    }

    @Test
    void anExecutorMessageCarriesTheExecutorsAddress() throws Exception {
        var json = Json.mapper().valueToTree(ExecutorMessage.blacklist(SampleMessages.ADDRESS));

        assertThat(json.get("address").get("executorId").asText()).isEqualTo(SampleMessages.ADDRESS.executorId());
        assertThat(json.get("address").get("hostname").asText()).isEqualTo("executor-1.internal");
        assertThat(json.get("address").get("port").asInt()).isEqualTo(3000);
        assertThat(json.get("address").get("transportType").asText()).isEqualTo("HTTP");
    }

    @Test
    void anUnknownMessageTypeIsRejected() {
        var json = "{\"type\": \"SELF_DESTRUCT\", \"header\": {}}";

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Json.mapper().readValue(json, ExecutorMessage.class))
                .hasMessageContaining("SELF_DESTRUCT");
    }

    /** Type name -> class, as listed in the family's @JsonSubTypes. */
    private static Map<String, Class<?>> subtypeNames(Class<?> family) {
        return Arrays.stream(family.getAnnotation(JsonSubTypes.class).value())
                .collect(Collectors.toMap(JsonSubTypes.Type::name, JsonSubTypes.Type::value));
    }

    /** Type name -> class, from each permitted class's own type(). */
    private static Map<String, Class<?>> permittedTypeNames(Class<?> family) {
        return SampleMessages.everyMessage().values().stream()
                .filter(family::isInstance)
                .collect(Collectors.toMap(MessageFamiliesTest::typeName, Object::getClass));
    }

    private static String typeName(Message message) {
        if (message instanceof ExecutorMessage executorMessage) {
            return executorMessage.type().name();
        }
        if (message instanceof ControllerMessage controllerMessage) {
            return controllerMessage.type().name();
        }
        throw new IllegalArgumentException("Not a message family member: " + message);
    }
}
