package dev.drove.common.zookeeper;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.curator.framework.state.ConnectionState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What an operator reads when the ZooKeeper connection changes. */
class ConnectionLoggerTest {
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(ConnectionLogger.class);

    @BeforeEach
    void captureLogs() {
        logs.start();
        logger.addAppender(logs);
        logger.setLevel(Level.INFO);
    }

    @AfterEach
    void releaseLogs() {
        logger.detachAppender(logs);
    }

    static Stream<Arguments> states() {
        return Stream.of(
                Arguments.of(ConnectionState.CONNECTED, Level.INFO, "Connected to ZooKeeper at zk:2181 (namespace "
                        + "'drove')"),
                Arguments.of(ConnectionState.SUSPENDED, Level.WARN, "suspended; retrying every second. Containers "
                        + "keep running"),
                Arguments.of(ConnectionState.LOST, Level.ERROR, "Lost ZooKeeper connection; containers keep running"),
                Arguments.of(ConnectionState.RECONNECTED, Level.INFO, "Reconnected to ZooKeeper at zk:2181"),
                Arguments.of(ConnectionState.READ_ONLY, Level.WARN, "read-only"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("states")
    void everyConnectionChangeIsOneLineAnOperatorUnderstands(ConnectionState state, Level level, String text) {
        new ConnectionLogger(ZkConfig.of("zk:2181")).stateChanged(null, state);

        assertThat(logs.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(level);
            assertThat(event.getFormattedMessage()).contains(text);
        });
    }
}
