package dev.drove.controller.console;

import io.dropwizard.core.Configuration;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's page and files as the controller serves them, over real HTTP. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ConsoleAssetsTest {
    private static final DropwizardAppExtension<Configuration> APP = new DropwizardAppExtension<>(
            ConsoleServer.WithoutUserAuth.class, ResourceHelpers.resourceFilePath("console/test-server.yml"));
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** A name, not an address: SVG files declare it, and nothing is fetched from it. */
    private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";
    /** {@code import ... from './x.js'} and {@code import './x.js'} in a module. */
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+(?:[^'\"]*?\\s+from\\s+)?'([^']+)'");
    /** src= and href= of the page that point at console files. */
    private static final Pattern PAGE_LINK = Pattern.compile("(?:src|href)=\"(console/[^\"]+)\"");

    @Test
    void theRootServesThePageWhichLoadsTheConsoleModuleAndAllowsOnlyItsOwnOrigin() {
        var page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/html"));
        assertThat(page.body()).contains("<script type=\"module\" src=\"console/js/app.js\"></script>");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .contains("default-src 'self'", "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void everyFileThePageAndItsModulesReferToIsServedWithItsTypeAndNoneComesFromTheInternet() {
        var seen = new LinkedHashSet<String>();
        var toVisit = new ArrayDeque<String>();
        var matcher = PAGE_LINK.matcher(get("/").body());
        while (matcher.find()) {
            toVisit.add(matcher.group(1));
        }
        while (!toVisit.isEmpty()) {
            var path = toVisit.poll();
            if (!seen.add(path)) {
                continue;
            }
            var file = get("/" + path);
            assertThat(file.statusCode()).as(path).isEqualTo(200);
            assertThat(file.body().replace(SVG_NAMESPACE, "")).as(path + " refers to no other site")
                    .doesNotContainPattern("(?i)(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}");
            var type = file.headers().firstValue("Content-Type").orElse("");
            if (path.endsWith(".js")) {
                assertThat(type).as(path).startsWith("text/javascript");
                var imports = IMPORT.matcher(file.body());
                while (imports.find()) {
                    toVisit.add(URI.create("/" + path).resolve(imports.group(1)).getPath().substring(1));
                }
            } else if (path.endsWith(".css")) {
                assertThat(type).as(path).startsWith("text/css");
            } else if (path.endsWith(".svg")) {
                assertThat(type).as(path).startsWith("image/svg+xml");
            }
        }
        assertThat(seen).as("the page, its style, icon and every module reached from app.js")
                .contains("console/js/app.js", "console/console.css", "console/icon.svg", "console/js/pages/home.js",
                        "console/js/pages/app.js", "console/js/pages/instance.js", "console/js/pages/task.js",
                        "console/js/pages/executor.js", "console/js/pages/events.js",
                        "console/js/pages/localservice.js", "console/js/logtail.js", "console/js/numa.js");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            # case                                   path (Jetty itself refuses encoded dots and slashes: 400)
            a class of the jar,                      /console/../dev/drove/controller/console/ConsoleAssets.class
            an encoded climb out of the folder,      /console/%2e%2e/logback.xml
            an encoded slash climb,                  /console/js%2f..%2f..%2fbanner.txt
            a file type the console does not serve,  /console/index.html
            upper case,                              /console/JS/APP.JS
            a name with two dots,                    /console/js/app.min.js
            a script that does not exist,            /console/js/nothing-here.js
            a hidden file,                           /console/.secret.js
            """)
    void namesOutsideTheConsoleFilesAreRefused(String name, String path) {
        var answer = get(path);

        assertThat(answer.statusCode()).as(path).isIn(400, 404);
        assertThat(answer.body()).doesNotContain("CAFEBABE", "\u00ca\u00fe", "<configuration", "package dev.drove");
    }

    @Test
    void aBrowserThatHasTheFileRevalidatesItCheaply() throws Exception {
        var first = get("/console/js/app.js");
        var tag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control")).hasValueSatisfying(cache -> assertThat(cache)
                .contains("no-cache"));

        var again = HTTP.send(HttpRequest.newBuilder(uri("/console/js/app.js")).header("If-None-Match", tag).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(get("/console/console.css").headers().firstValue("ETag"))
                .hasValueSatisfying(other -> assertThat(other).isNotEqualTo(tag));
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + APP.getLocalPort() + path);
    }

    private static HttpResponse<String> get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
