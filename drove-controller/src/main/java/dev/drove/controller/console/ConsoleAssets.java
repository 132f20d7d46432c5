package dev.drove.controller.console;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Serves the console from the classpath folder {@value #FOLDER}: {@code GET /} answers {@code index.html}, and
 * {@code GET /console/{asset}} a script, style sheet or icon below it. Nothing is fetched from the internet: the page
 * allows only its own origin (Content-Security-Policy). Asset names are plain lower-case paths ending in
 * {@code .js}, {@code .css} or {@code .svg}; anything else (dots, {@code ..}, other types) is a 404, so no other file
 * of the jar can be read through here.
 *
 * <p>Every answer carries an ETag and {@code Cache-Control: no-cache}: browsers revalidate (a cheap 304) and see a new
 * console right after an upgrade. Files are read once and kept, since the jar does not change while it runs.
 */
@Path("/")
public final class ConsoleAssets {
    static final String FOLDER = "/console/";
    static final String PAGE = "index.html";
    static final String POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
    private static final Pattern ASSET = Pattern.compile("[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*\\.(js|css|svg)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml");

    /** Files found so far; misses are not kept, so requests for made-up names cannot fill the memory. */
    private final Map<String, Asset> loaded = new ConcurrentHashMap<>();

    /** One file of the console: its bytes, its media type and a tag of its content. */
    record Asset(byte[] content, String type, EntityTag tag) {
    }

    @GET
    public Response page(@Context Request request) {
        return serve(PAGE, request);
    }

    @GET
    @Path("console/{asset: .+}")
    public Response asset(@PathParam("asset") String name, @Context Request request) {
        if (!ASSET.matcher(name).matches()) {
            return notFound();
        }
        return serve(name, request);
    }

    private Response serve(String name, Request request) {
        var asset = loaded.get(name);
        if (asset == null) {
            var found = load(name);
            if (found.isEmpty()) {
                return notFound();
            }
            asset = found.get();
            loaded.put(name, asset);
        }
        var cache = new CacheControl();
        cache.setNoCache(true);
        var unchanged = request.evaluatePreconditions(asset.tag());
        var response = unchanged != null ? unchanged : Response.ok(asset.content(), asset.type());
        return response.tag(asset.tag())
                .cacheControl(cache)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", POLICY)
                .header("Referrer-Policy", "same-origin")
                .build();
    }

    private static Response notFound() {
        return Response.status(Response.Status.NOT_FOUND)
                .type("text/plain; charset=utf-8")
                .entity("The console has no such file.\n")
                .build();
    }

    private static Optional<Asset> load(String name) {
        try (var in = ConsoleAssets.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                return Optional.empty();
            }
            var content = in.readAllBytes();
            var extension = name.substring(name.lastIndexOf('.') + 1);
            return Optional.of(new Asset(content, TYPES.get(extension), new EntityTag(digest(content))));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the console file " + name + " from the jar", e);
        }
    }

    private static String digest(byte[] content) {
        try {
            var sha = MessageDigest.getInstance("SHA-256").digest(content);
            return HexFormat.of().formatHex(sha, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
