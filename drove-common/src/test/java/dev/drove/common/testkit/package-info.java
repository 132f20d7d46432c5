/**
 * The shared test kit: real ZooKeeper and a real Docker engine for the tests of every module (drove-common's
 * test-jar).
 *
 * <p>Vocabulary:
 * <ul>
 *   <li>{@link dev.drove.common.testkit.ZookeeperExtension}: one Curator {@code TestingServer} per test class;
 *       each test method gets a fresh connected {@code CuratorFramework} and starts with an empty tree.</li>
 *   <li>{@link dev.drove.common.testkit.DockerExtension}: the {@code DockerClient}, the test images built before
 *       the class runs, and removal of every container the class created (kit label {@code dev.drove.test=true}
 *       or any {@code drove.*} label, as the executor puts on its containers).</li>
 *   <li>{@link dev.drove.common.testkit.TestImage}: our two local images, {@code drove-test/app} (busybox httpd
 *       with health, readiness, pre-stop, file and env endpoints) and {@code drove-test/task} (counts, sleeps,
 *       exits with a chosen code). Their build contexts live in {@code src/test/resources/test-images/}.</li>
 *   <li>{@link dev.drove.common.testkit.TestImages}: builds those images with docker-java, once per JVM and only
 *       when the context's content hash differs from the one in the image label.</li>
 *   <li>{@link dev.drove.common.testkit.TestContainer} / {@link dev.drove.common.testkit.RunningContainer}: start a
 *       labelled kit container (env, memory, cpuset, injected files, loopback ports) and talk to it.</li>
 *   <li>{@link dev.drove.common.testkit.TestCertificates}: a throwaway CA and a server certificate for loopback,
 *       made with the JDK's keytool, as PKCS12 stores for https connectors and {@code clusterTls}.</li>
 *   <li>{@link dev.drove.common.testkit.ServicePackageContract} / {@link
 *       dev.drove.common.testkit.ProductionConfigContract}: what every service's .deb and shipped production config
 *       promise; each service's test extends them and adds its own sections.</li>
 * </ul>
 *
 * <p>Flow of a Docker test class:
 * <pre>
 * DockerExtension.beforeAll -> ping engine (fail: run scripts/ensure-docker.sh) -> TestImages.ensureBuilt
 *                           -> remember the containers that exist now
 * test -> TestContainer.of(APP).env(..).run(docker) -> RunningContainer (id, loopback host ports)
 * DockerExtension.afterAll  -> force-remove (with volumes) new containers that carry our labels
 * </pre>
 *
 * <p>Modules that use the kit need, in test scope, the libraries drove-common only has in test scope:
 * {@code curator-test}, {@code docker-java-core}, {@code docker-java-transport-httpclient5} and {@code awaitility}.
 */
package dev.drove.common.testkit;
