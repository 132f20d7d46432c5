package dev.drove.controller.leadership;

import dev.drove.common.discovery.NodeDataStore;
import dev.drove.common.http.NodeEndpoint;
import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.models.info.nodedata.ControllerNodeData;
import dev.drove.models.info.nodedata.NodeTransportType;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Two controllers competing for leadership through a real ZooKeeper. */
@ExtendWith(ZookeeperExtension.class)
class LeaderElectionTest {
    private static final Duration A_COUPLE_OF_SECONDS = Duration.ofSeconds(3);
    private static final Duration SESSION_LOSS = Duration.ofSeconds(15);

    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    @Test
    void exactlyOneOfTwoControllersLeads(TestingServer server) throws Exception {
        var one = controller(server, "controller-1");
        var two = controller(server, "controller-2");
        one.election().start();
        two.election().start();

        await().atMost(A_COUPLE_OF_SECONDS).until(() -> leaders(one, two) == 1);
        assertThat(events(one.events(), two.events())).containsExactly("acquired");
    }

    @Test
    void closingTheLeaderHandsLeadershipToTheOtherWithinSeconds(TestingServer server) throws Exception {
        var one = controller(server, "controller-1");
        one.election().start();
        await().atMost(A_COUPLE_OF_SECONDS).until(() -> one.election().isLeader());
        var two = controller(server, "controller-2");
        two.election().start();

        one.election().close();

        assertThat(one.election().isLeader()).isFalse();
        assertThat(one.events()).containsExactly("acquired", "lost");
        await().atMost(A_COUPLE_OF_SECONDS).until(() -> two.election().isLeader());
        assertThat(two.events()).containsExactly("acquired");
    }

    @Test
    void losingZooKeeperMeansLosingLeadershipAndItsReturnElectsOneLeaderAgain(TestingServer server) throws Exception {
        var one = controller(server, "controller-1");
        var two = controller(server, "controller-2");
        one.election().start();
        two.election().start();
        await().atMost(A_COUPLE_OF_SECONDS).until(() -> leaders(one, two) == 1);
        var leader = one.election().isLeader() ? one : two;

        server.stop();
        await().atMost(SESSION_LOSS).until(() -> leaders(one, two) == 0);
        assertThat(leader.events()).containsExactly("acquired", "lost");

        server.restart();
        await().atMost(SESSION_LOSS).until(() -> leaders(one, two) == 1);
        assertThat(one.election().isLeader() ? one.events() : two.events()).endsWith("acquired");
        assertThat(events(one.events(), two.events())).containsOnly("acquired", "lost");
        await().atMost(A_COUPLE_OF_SECONDS).untilAsserted(() -> assertFlagsAgree(server, one, two));
    }

    @Test
    void theLeaderFlagInEveryControllersNodeDataAgreesWithIsLeader(TestingServer server) throws Exception {
        var one = controller(server, "controller-1");
        var two = controller(server, "controller-2");
        one.election().start();
        two.election().start();
        await().atMost(A_COUPLE_OF_SECONDS).untilAsserted(() -> assertFlagsAgree(server, one, two));

        var leader = one.election().isLeader() ? one : two;
        var follower = leader == one ? two : one;
        leader.election().close();

        await().atMost(A_COUPLE_OF_SECONDS).until(() -> follower.election().isLeader());
        await().atMost(A_COUPLE_OF_SECONDS).untilAsserted(() -> {
            var published = published(server);
            assertThat(published).containsOnlyKeys(follower.name());
            assertThat(published.get(follower.name()).leader()).isTrue();
        });
    }

    @Test
    void aListenerAddedToTheLeaderIsToldAtOnceAndAFailingListenerStopsNoOther(TestingServer server)
            throws Exception {
        var one = controller(server, "controller-1");
        one.election().addListener(new LeadershipListener() {
            @Override
            public void leadershipAcquired() {
                throw new IllegalStateException("broken listener");
            }

            @Override
            public void leadershipLost() {
                throw new IllegalStateException("broken listener");
            }
        });
        one.election().start();
        await().atMost(A_COUPLE_OF_SECONDS).until(() -> one.election().isLeader());
        assertThat(one.events()).containsExactly("acquired");

        var late = new CopyOnWriteArrayList<String>();
        one.election().addListener(recorder(late));
        await().atMost(A_COUPLE_OF_SECONDS).until(() -> late.equals(List.of("acquired")));

        one.election().close();
        assertThat(one.events()).containsExactly("acquired", "lost");
        assertThat(late).containsExactly("acquired", "lost");
    }

    @Test
    void anElectionStartsOnceAndClosesIdempotently(TestingServer server) throws Exception {
        var one = controller(server, "controller-1");
        one.election().start();

        assertThatThrownBy(() -> one.election().start()).isInstanceOf(IllegalStateException.class);
        one.election().close();
        one.election().close();
        assertThat(one.election().isLeader()).isFalse();
        await().atMost(A_COUPLE_OF_SECONDS).until(() -> published(server).isEmpty());
    }

    private Controller controller(TestingServer server, String hostname) {
        var curator = ZookeeperExtension.newClient(server.getConnectString());
        opened.add(curator);
        var election = new LeaderElection(curator, new NodeEndpoint(NodeTransportType.HTTP, hostname, 4000));
        opened.add(election);
        var events = new CopyOnWriteArrayList<String>();
        election.addListener(recorder(events));
        return new Controller(hostname, election, events);
    }

    private void assertFlagsAgree(TestingServer server, Controller... controllers) {
        var published = published(server);
        for (var controller : controllers) {
            assertThat(published).containsKey(controller.name());
            assertThat(published.get(controller.name()).leader()).as("leader flag of %s", controller.name())
                    .isEqualTo(controller.election().isLeader());
        }
    }

    private Map<String, ControllerNodeData> published(TestingServer server) {
        try (var reader = ZookeeperExtension.newClient(server.getConnectString())) {
            return new NodeDataStore(reader).controllers().stream()
                    .collect(Collectors.toMap(ControllerNodeData::hostname, node -> node));
        }
    }

    private static long leaders(Controller... controllers) {
        return List.of(controllers).stream().filter(controller -> controller.election().isLeader()).count();
    }

    @SafeVarargs
    private static List<String> events(List<String>... perController) {
        return List.of(perController).stream().flatMap(List::stream).toList();
    }

    private static LeadershipListener recorder(List<String> events) {
        return new LeadershipListener() {
            @Override
            public void leadershipAcquired() {
                events.add("acquired");
            }

            @Override
            public void leadershipLost() {
                events.add("lost");
            }
        };
    }

    private record Controller(String name, LeaderElection election, List<String> events) {
    }
}
