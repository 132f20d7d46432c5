package dev.drove.controller.logs;

import dev.drove.common.auth.ClusterNodeOnly;
import dev.drove.common.errors.ApiException;
import dev.drove.models.api.LogFileChunk;
import dev.drove.models.api.LogFileList;
import dev.drove.models.info.nodedata.NodeType;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An executor's log file API as the controller sees it: for the controller only (cluster secret), answering canned
 * files and recording every call as "{first}/{second} {what}".
 */
@Path("/apis/v1/logs/filestream/{first}/{second}")
@Produces(MediaType.APPLICATION_JSON)
@ClusterNodeOnly(from = NodeType.CONTROLLER)
public final class FakeExecutorLogs {
    static final String MISSING = "output.log-1999-01-01";
    final List<String> calls = new CopyOnWriteArrayList<>();

    @GET
    @Path("/list")
    public LogFileList list(@PathParam("first") String first, @PathParam("second") String second) {
        calls.add(first + "/" + second + " list");
        return new LogFileList(List.of("output.log-2024-07-04", "output.log"));
    }

    @GET
    @Path("/read/{file}")
    public LogFileChunk read(@PathParam("first") String first, @PathParam("second") String second,
                             @PathParam("file") String file, @QueryParam("offset") long offset,
                             @QueryParam("length") long length) {
        calls.add(first + "/" + second + " read " + file + " offset=" + offset + " length=" + length);
        if (MISSING.equals(file)) {
            throw ApiException.notFound("There is no log file %s of %s/%s on this executor", file, first, second);
        }
        return new LogFileChunk("line\n", offset < 0 ? 120 : offset + 5);
    }

    @GET
    @Path("/download/{file}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public Response download(@PathParam("first") String first, @PathParam("second") String second,
                             @PathParam("file") String file) {
        calls.add(first + "/" + second + " download " + file);
        return Response.ok(("whole " + file + "\n").getBytes(StandardCharsets.UTF_8)).build();
    }
}
