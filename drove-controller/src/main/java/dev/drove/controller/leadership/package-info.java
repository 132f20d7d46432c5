/**
 * Leadership: which controller decides for the cluster. Only one controller leads at a time; the others wait and
 * take over when it goes (docs: cluster/setup/controller.md; drove-contract.md §4 "Leader election recipe").
 *
 * <p>Vocabulary: {@link dev.drove.controller.leadership.LeaderElection} competes through a Curator LeaderLatch on
 * {@code /leaderselection} and answers {@code isLeader()}; a
 * {@link dev.drove.controller.leadership.LeadershipListener} is told "acquired" and "lost", only on real changes;
 * the controller's node data ({@code /controller/{hostname}-{port}}) carries {@code leader: true|false} so executors
 * can find the leader.
 *
 * <pre>
 * start() -> node data {leader:false} -> latch joins /leaderselection
 * latch: leader  + connection up  -> node data {leader:true}  -> listeners.leadershipAcquired()
 * latch: not leader, or ZooKeeper SUSPENDED/LOST -> {leader:false} -> listeners.leadershipLost()
 * ZooKeeper RECONNECTED -> latch competes again -> maybe acquired again (the process never exits)
 * close() -> leadershipLost() if leading -> latch released at once -> node data removed
 * </pre>
 * All decisions run on the election's single thread; listeners must return quickly.
 */
package dev.drove.controller.leadership;
