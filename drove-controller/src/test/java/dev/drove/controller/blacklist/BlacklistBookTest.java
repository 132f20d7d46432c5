package dev.drove.controller.blacklist;

import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.common.zookeeper.ZkJsonStore;
import dev.drove.models.info.nodedata.ExecutorState;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The controller's blacklist book over a real ZooKeeper: what one leader books, the next one reads. */
@ExtendWith(ZookeeperExtension.class)
class BlacklistBookTest {
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC);

    @Test
    void aRequestIsStoredAsBlacklistRequestedAndRepeatingItChangesNothing(CuratorFramework curator) {
        var book = loaded(curator);

        var entry = book.request("e1", "host-1", 3000).orElseThrow();

        assertThat(entry).isEqualTo(new BlacklistEntry("e1", ExecutorState.BLACKLIST_REQUESTED, "host-1", 3000,
                new Date(CLOCK.millis()), new Date(CLOCK.millis())));
        assertThat(new ZkJsonStore(curator).read("/blacklist/e1", BlacklistEntry.class)).contains(entry);
        assertThat(book.request("e1", "host-1", 3000)).isEmpty();
        assertThat(book.entries()).containsExactly(entry);
    }

    @Test
    void theSchedulerHearsTheBooksWordOnEveryExecutorOnceTheBookIsLoaded(CuratorFramework curator) {
        var book = new BlacklistBook(curator, CLOCK);
        assertThat(book.stateOf("e1")).as("no word before the first load").isEmpty();

        book.load();
        book.request("e1", "host-1", 3000);

        assertThat(book.stateOf("e1")).contains(ExecutorState.BLACKLIST_REQUESTED);
        assertThat(book.stateOf("e2")).contains(ExecutorState.ACTIVE);
        book.confirm("e1");
        assertThat(book.stateOf("e1")).contains(ExecutorState.BLACKLISTED);
        book.remove("e1");
        assertThat(book.stateOf("e1")).contains(ExecutorState.ACTIVE);
    }

    @Test
    void onlyAnExecutorBeingMovedOffIsConfirmedAndOnlyOnce(CuratorFramework curator) {
        var book = loaded(curator);
        book.request("e1", "host-1", 3000);

        assertThat(book.confirm("e1")).map(BlacklistEntry::state).contains(ExecutorState.BLACKLISTED);
        assertThat(book.confirm("e1")).as("confirmed already").isEmpty();
        assertThat(book.confirm("e2")).as("never requested").isEmpty();
        assertThat(new ZkJsonStore(curator).read("/blacklist/e1", BlacklistEntry.class))
                .map(BlacklistEntry::state).contains(ExecutorState.BLACKLISTED);
    }

    @Test
    void removingPutsTheExecutorBackAndForgetsItInZookeeper(CuratorFramework curator) {
        var book = loaded(curator);
        book.request("e1", "host-1", 3000);

        assertThat(book.remove("e1")).map(BlacklistEntry::executorId).contains("e1");
        assertThat(book.remove("e1")).isEmpty();
        assertThat(book.find("e1")).isEmpty();
        assertThat(new ZkJsonStore(curator).exists("/blacklist/e1")).isFalse();
    }

    @Test
    void aNewLeadersBookReadsWhatThePreviousLeaderBooked(CuratorFramework curator, TestingServer zookeeper) {
        var first = loaded(curator);
        first.request("e1", "host-1", 3000);
        first.request("e2", "host-2", 3000);
        first.confirm("e2");
        first.request("e3", "host-3", 3000);
        first.remove("e3");

        try (var other = ZookeeperExtension.newClient(zookeeper.getConnectString())) {
            var next = loaded(other);

            assertThat(next.entries()).isEqualTo(first.entries());
            assertThat(next.stateOf("e1")).contains(ExecutorState.BLACKLIST_REQUESTED);
            assertThat(next.stateOf("e2")).contains(ExecutorState.BLACKLISTED);
            assertThat(next.stateOf("e3")).contains(ExecutorState.ACTIVE);
        }
    }

    @Test
    void loadingAgainDropsWhatAnotherLeaderPutBackMeanwhile(CuratorFramework curator, TestingServer zookeeper) {
        var stale = loaded(curator);
        stale.request("e1", "host-1", 3000);
        try (var other = ZookeeperExtension.newClient(zookeeper.getConnectString())) {
            var leader = loaded(other);
            leader.remove("e1");
        }

        stale.load();

        assertThat(stale.entries()).isEmpty();
        assertThat(stale.stateOf("e1")).contains(ExecutorState.ACTIVE);
    }

    @Test
    void anEntryIsAlwaysOneOfTheBlacklistingStates() {
        assertThatThrownBy(() -> new BlacklistEntry("e1", ExecutorState.ACTIVE, "h", 1, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A blacklist entry is BLACKLIST_REQUESTED or BLACKLISTED, not ACTIVE (executor e1)");
    }

    private static BlacklistBook loaded(CuratorFramework curator) {
        var book = new BlacklistBook(curator, CLOCK);
        book.load();
        return book;
    }
}
