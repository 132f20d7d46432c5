package dev.drove.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.DockerClient;
import dev.drove.common.testkit.DockerExtension;
import dev.drove.common.testkit.TestImage;
import dev.drove.common.testkit.TestImages;
import dev.drove.models.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 8's web console in headless Chromium against a real cluster (two controllers with user auth, one executor
 * running an application, a task and a local service from the kit's images): what an operator sees and does on each
 * page, and what a guest may not do. Every page is saved as a screenshot in {@code target/screenshots}.
 */
@ExtendWith(DockerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {
    private static final String APP_ID = "TEST_APP-1";
    private static final String TASK_ID = "T0042";
    private static final String SERVICE_ID = "TEST_LS-1";
    private static final Duration LONG = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @RegisterExtension
    static final ClusterExtension cluster = ClusterExtension.builder().perClass().withUserAuth().build();

    private ServiceProcess leader;
    private ServiceProcess follower;
    private DroveApi api;
    private final List<ConsoleBrowser> browsers = new ArrayList<>();

    @BeforeAll
    void startAClusterRunningAnAppAndATask(DockerClient docker) throws Exception {
        ConsoleBrowser.clearScreenshots();
        var appImage = TestImages.unpullable(docker, TestImage.APP);
        var taskImage = TestImages.unpullable(docker, TestImage.TASK);
        leader = cluster.addController();
        cluster.addExecutor();
        api = cluster.awaitReady(1);
        follower = cluster.addController();
        await("the follower answers").atMost(LONG).until(() -> cluster.api(follower).get("/apis/v1/ping").status() == 400);

        var created = api.post("/apis/v1/applications/operations", createApp(appImage));
        assertThat(created.status()).as(created::toString).isEqualTo(200);
        await("1 healthy instance").atMost(LONG).until(() -> healthyInstances().size() == 1);
        var task = api.post("/apis/v1/tasks/operations", createTask(taskImage));
        assertThat(task.status()).as(task::toString).isEqualTo(200);
        await("the task runs").atMost(LONG).until(() -> "RUNNING".equals(
                api.get("/apis/v1/tasks/TEST_APP/instances/" + TASK_ID).data().path("state").asText()));
        var service = api.post("/apis/v1/localservices/operations", createService(appImage));
        assertThat(service.status()).as(service::toString).isEqualTo(200);
        assertThat(api.post("/apis/v1/localservices/operations", Map.of("type", "ACTIVATE", "serviceId", SERVICE_ID))
                .status()).isEqualTo(200);
        await("the local service runs").atMost(LONG).until(() -> StreamSupport.stream(
                api.get("/apis/v1/localservices/" + SERVICE_ID + "/instances").data().spliterator(), false)
                .anyMatch(i -> "HEALTHY".equals(i.get("state").asText())));
    }

    @AfterEach
    void noPageFailedToLoadAScript() {
        for (var browser : browsers) {
            assertThat(browser.severeLogs().lines()
                    .filter(line -> !line.contains("Failed to load resource")))
                    .as("errors logged by the page").isEmpty();
            browser.close();
        }
        browsers.clear();
    }

    @Test
    @Order(1)
    void theHomePageShowsTheRunningAppWithItsHealthyCountTheTaskAndTheExecutor() {
        var browser = open(leader, TestCluster.ADMIN, TestCluster.ADMIN_PASSWORD);

        var app = By.cssSelector("[data-table=applications] tr[data-id='" + APP_ID + "']");
        browser.awaitTrue("the app's row says RUNNING", () -> browser.text(app).contains("RUNNING"));
        assertThat(browser.text(cell("applications", APP_ID, "healthyInstances"))).isEqualTo("1");
        assertThat(browser.text(cell("applications", APP_ID, "requiredInstances"))).isEqualTo("1");
        assertThat(browser.text(cell("applications", APP_ID, "name"))).isEqualTo("TEST_APP");
        var executors = browser.all(By.cssSelector("[data-table=executors] tbody tr[data-id]"));
        assertThat(executors).hasSize(1);
        assertThat(executors.get(0).getText()).contains(TestCluster.EXECUTOR_HOST, "ACTIVE");
        assertThat(browser.text(By.cssSelector("[data-stat=executors] .stat-value"))).isEqualTo("1");
        assertThat(browser.text(By.cssSelector("[data-tab=tasks] .tab-count"))).isEqualTo("1");
        assertThat(browser.text(By.id("whoami"))).contains(TestCluster.ADMIN, "root");
        assertThat(browser.text(By.id("topstatus"))).contains("NORMAL", ":" + leader.port());
        browser.screenshot("01-home");

        browser.driver().findElement(By.cssSelector("[data-tab=tasks]")).click();
        browser.awaitTrue("the task's row", () -> browser.text(By.cssSelector(
                "[data-table=tasks] tr[data-id='TEST_APP/" + TASK_ID + "']")).contains("RUNNING"));
        browser.screenshot("02-home-tasks");
    }

    @Test
    @Order(2)
    void scalingFromTheAppPageToTwoShowsTwoHealthyInstancesWithoutAReload() {
        var browser = open(leader, TestCluster.ADMIN, TestCluster.ADMIN_PASSWORD);
        browser.go("#/apps/" + APP_ID);
        browser.awaitTrue("one HEALTHY instance listed", () -> healthyRows(browser) == 1);
        browser.script("window.notReloaded = true");

        browser.awaitShown(By.cssSelector("[data-action=scale]")).click();
        var instances = browser.awaitShown(By.cssSelector("dialog input[name=instances]"));
        instances.sendKeys(Keys.chord(Keys.CONTROL, "a"), "2");
        browser.driver().findElement(By.cssSelector("dialog [data-action=confirm]")).click();

        browser.awaitTrue("the progress panel follows the scale", () -> browser.text(
                By.cssSelector("[data-progress]")).contains("Scaling to 2 instances"));
        browser.awaitTrue("two HEALTHY instances listed", () -> healthyRows(browser) == 2);
        browser.awaitTrue("the operation is shown done", () -> !browser.all(
                By.cssSelector("[data-progress=done]")).isEmpty());
        assertThat(browser.script("return window.notReloaded === true")).as("the page was not reloaded")
                .isEqualTo(true);
        assertThat(healthyInstances()).hasSize(2);
        browser.awaitTrue("the recent events list the new instance", () -> browser.text(
                By.cssSelector("[data-section=events]")).contains("HEALTHY"));
        browser.screenshot("03-app");
    }

    @Test
    @Order(3)
    void theInstanceLogTailShowsALineTheContainerPrintedAfterThePageOpened() throws Exception {
        var instance = healthyInstances().get(0);
        var browser = open(leader, TestCluster.ADMIN, TestCluster.ADMIN_PASSWORD);
        browser.go("#/apps/" + APP_ID + "/instances/" + instance.get("instanceId").asText());
        browser.awaitTrue("the tail follows output.log", () -> browser.text(By.cssSelector(".log-status"))
                .contains("following"));
        browser.awaitTrue("the instance's ports", () -> browser.text(By.cssSelector("[data-section=ports]"))
                .contains("main"));

        var marker = "console-marker-" + UUID.randomUUID();
        var hostPort = instance.at("/localInfo/ports/main/hostPort").asInt();
        var answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hostPort
                + "/cgi-bin/env?" + marker)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);

        browser.awaitTrue("the marker line in the tail", () -> browser.text(By.cssSelector("pre[data-log]"))
                .contains("GET /cgi-bin/env?" + marker));
        assertThat(browser.all(By.cssSelector("[data-log-files] a[download='output.log']"))).hasSize(1);
        browser.screenshot("04-instance");
    }

    @Test
    @Order(4)
    void theTaskPageShowsTheTaskAndTailsWhatItPrints() {
        var browser = open(leader, TestCluster.ADMIN, TestCluster.ADMIN_PASSWORD);
        browser.go("#/tasks/TEST_APP/" + TASK_ID);

        browser.awaitTrue("the task is RUNNING", () -> browser.text(By.cssSelector("h1 .head-state"))
                .equals("RUNNING"));
        browser.awaitTrue("the task's output in the tail", () -> browser.text(By.cssSelector("pre[data-log]"))
                .contains("iteration"));
        assertThat(browser.all(By.cssSelector("[data-action=kill]"))).hasSize(1);
        browser.screenshot("05-task");
    }

    @Test
    @Order(5)
    void theExecutorPageShowsItsNumaLayoutAndWhatRunsOnIt() {
        var executorId = api.get("/apis/v1/cluster/executors").data().get(0).get("executorId").asText();
        var browser = open(leader, TestCluster.ADMIN, TestCluster.ADMIN_PASSWORD);
        browser.go("#/executors/" + executorId);

        browser.awaitTrue("cores used by the app, the task and the local service", () -> browser.all(
                By.cssSelector("[data-numa-node] [data-state=used]")).size() >= 4);
        assertThat(browser.all(By.cssSelector("[data-numa-node] [data-state=free]"))).isNotEmpty();
        browser.awaitTrue("both app instances, the task and the service instance listed", () -> browser.all(
                By.cssSelector("[data-table=executor-instances] tbody tr[data-id]")).size() == 4);
        assertThat(browser.text(By.cssSelector("[data-table=executor-instances] tbody")))
                .contains("Application", "Task", "Local service");
        assertThat(browser.all(By.cssSelector("[data-action=blacklist]"))).as("root may blacklist").hasSize(1);
        browser.screenshot("06-executor");
    }

    @Test
    @Order(6)
    void theLocalServicePageShowsItsInstanceWhosePageTailsItsLog() {
        var browser = open(leader, TestCluster.ADMIN, TestCluster.ADMIN_PASSWORD);
        browser.go("#/localservices/" + SERVICE_ID);

        browser.awaitTrue("one HEALTHY instance listed", () -> healthyRows(browser) == 1);
        assertThat(browser.text(By.cssSelector("[data-stat=activation]"))).contains("ACTIVE");
        assertThat(browser.all(By.cssSelector("[data-action=deactivate]"))).hasSize(1);
        browser.screenshot("07-localservice");

        browser.driver().findElement(By.cssSelector("[data-table=instances] td[data-col=instanceId] a")).click();
        browser.awaitTrue("the service instance's start in its log", () -> browser.text(
                By.cssSelector("pre[data-log]")).contains("drove-test-app listening on"));
        assertThat(browser.text(By.cssSelector("h1 .head-state"))).isEqualTo("HEALTHY");
        browser.screenshot("08-localservice-instance");
    }

    @Test
    @Order(7)
    void theEventsPageAddsNewEventsWithoutAReload() {
        var browser = open(leader, TestCluster.ADMIN, TestCluster.ADMIN_PASSWORD);
        browser.go("#/events");
        browser.awaitTrue("instance events listed", () -> !browser.all(
                By.cssSelector("li[data-type=INSTANCE_STATE_CHANGE]")).isEmpty());
        browser.script("window.notReloaded = true");

        assertThat(api.post("/apis/v1/cluster/maintenance/set", "").status()).isEqualTo(200);
        assertThat(api.post("/apis/v1/cluster/maintenance/unset", "").status()).isEqualTo(200);

        browser.awaitTrue("maintenance events appear", () -> !browser.all(
                By.cssSelector("li[data-type=MAINTENANCE_MODE_REMOVED]")).isEmpty()
                && !browser.all(By.cssSelector("li[data-type=MAINTENANCE_MODE_SET]")).isEmpty());
        assertThat(browser.script("return window.notReloaded === true")).isEqualTo(true);
        browser.screenshot("09-events");
    }

    @Test
    @Order(8)
    void aGuestSeesTheAppButNoWriteButtonAndTheApiRefusesTheirWrites() {
        var browser = open(leader, TestCluster.GUEST, TestCluster.GUEST_PASSWORD);
        browser.go("#/apps/" + APP_ID);
        browser.awaitTrue("HEALTHY instances listed", () -> healthyRows(browser) >= 1);

        assertThat(browser.text(By.id("whoami"))).contains(TestCluster.GUEST, "read-only");
        assertThat(browser.all(By.cssSelector("[data-action]"))).as("write buttons").isEmpty();
        assertThat(browser.all(By.cssSelector("[data-action=scale]"))).isEmpty();
        var refused = browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(new URL('/apis/v1/applications/operations', location.origin), {method: 'POST',
                    headers: {'Content-Type': 'application/json'},
                    body: JSON.stringify({type: 'SCALE', appId: arguments[0], requiredInstances: 0,
                        opSpec: {timeout: '1m', parallelism: 1, failureStrategy: 'STOP'}})})
                    .then((r) => done(r.status), (e) => done(String(e)));
                """, APP_ID);
        assertThat(refused).as("the guest's own scale call").isEqualTo(403L);
        browser.screenshot("10-app-as-guest");
    }

    @Test
    @Order(9)
    void theConsoleOfAFollowerShowsTheLeadersData() {
        var browser = open(follower, TestCluster.ADMIN, TestCluster.ADMIN_PASSWORD);

        browser.awaitTrue("the app's row", () -> browser.text(cell("applications", APP_ID, "state"))
                .equals("RUNNING"));
        assertThat(browser.text(cell("applications", APP_ID, "healthyInstances")))
                .isEqualTo(Integer.toString(healthyInstances().size()));
        assertThat(browser.text(By.id("topstatus"))).as("the leader named").contains(":" + leader.port());
        browser.screenshot("11-home-via-follower");
    }

    private ConsoleBrowser open(ServiceProcess controller, String user, String password) {
        var browser = new ConsoleBrowser(controller.port(), user, password);
        browsers.add(browser);
        return browser;
    }

    private static By cell(String table, String rowId, String column) {
        return By.cssSelector("[data-table=" + table + "] tr[data-id='" + rowId + "'] td[data-col=" + column + "]");
    }

    private static long healthyRows(ConsoleBrowser browser) {
        return browser.all(By.cssSelector("[data-table=instances] td[data-col=state]")).stream()
                .filter(cell -> cell.getText().equals("HEALTHY"))
                .count();
    }

    private List<JsonNode> healthyInstances() {
        var answer = api.get("/apis/v1/applications/" + APP_ID + "/instances");
        if (answer.status() != 200 || answer.data() == null) {
            return List.of();
        }
        return StreamSupport.stream(answer.data().spliterator(), false)
                .filter(i -> "HEALTHY".equals(i.get("state").asText()))
                .toList();
    }

    private JsonNode createApp(String image) {
        try (var in = getClass().getResourceAsStream("/test-app.json")) {
            var spec = (ObjectNode) Json.mapper().readTree(in);
            ((ObjectNode) spec.get("executable")).put("url", image);
            var op = Json.mapper().createObjectNode();
            op.put("type", "CREATE");
            op.set("spec", spec);
            op.put("instances", 1);
            op.set("opSpec", Json.mapper().valueToTree(opSpec()));
            return op;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode createTask(String image) throws IOException {
        var spec = (ObjectNode) Json.mapper().readTree("""
                {
                    "sourceAppName": "TEST_APP",
                    "taskId": "T0042",
                    "executable": {"type": "DOCKER", "url": "replaced", "dockerPullTimeout": "100 seconds"},
                    "resources": [{"type": "CPU", "count": 1}, {"type": "MEMORY", "sizeInMB": 16}],
                    "placementPolicy": {"type": "ANY"},
                    "env": {"ITERATIONS": "100000", "SLEEP_SECONDS": "1", "EXIT_CODE": "0"},
                    "logging": {"type": "LOCAL", "maxSize": "10m", "maxFiles": 3, "compress": true}
                }""");
        ((ObjectNode) spec.get("executable")).put("url", image);
        var op = Json.mapper().createObjectNode();
        op.put("type", "CREATE");
        op.set("spec", spec);
        op.set("opSpec", Json.mapper().valueToTree(opSpec()));
        return op;
    }

    private JsonNode createService(String image) {
        var op = (ObjectNode) createApp(image);
        var spec = (ObjectNode) op.get("spec");
        spec.remove("exposureSpec");
        spec.put("name", "TEST_LS");
        spec.put("type", "LOCAL_SERVICE");
        spec.set("placementPolicy", Json.mapper().valueToTree(Map.of("type", "LOCAL", "hostLevel", false)));
        op.remove("instances");
        op.remove("opSpec");
        op.put("instancesPerHost", 1);
        return op;
    }

    private static Map<String, Object> opSpec() {
        return Map.of("timeout", "2m", "parallelism", 2, "failureStrategy", "STOP");
    }
}
