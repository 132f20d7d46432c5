package dev.drove.common.testkit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Turns down the chatter of docker-java, its HTTP client, ZooKeeper, Curator and the kit itself in tests. Without
 * a logback configuration logback logs everything at DEBUG, which buries the lines of the code under test. A logger
 * that a test configuration has already given a level keeps it.
 */
final class QuietLogging {
    private static final Map<String, Level> NOISY = Map.of(
            "com.github.dockerjava", Level.WARN,
            "org.apache.hc", Level.WARN,
            "org.apache.curator", Level.WARN,
            // ZooKeeper warns about every dropped connection, which session-loss tests cause on purpose.
            "org.apache.zookeeper", Level.ERROR,
            // The kit itself: image builds at INFO, per-container clean-up at DEBUG.
            "dev.drove.common.testkit", Level.INFO);
    private static boolean applied;

    private QuietLogging() {
    }

    static synchronized void apply() {
        if (applied) {
            return;
        }
        applied = true;
        try {
            NOISY.forEach((name, level) -> {
                if (LoggerFactory.getLogger(name) instanceof Logger logger && logger.getLevel() == null) {
                    logger.setLevel(level);
                }
            });
        } catch (LinkageError noLogback) {
            // Another slf4j binding is in use; its own configuration decides.
        }
    }
}
