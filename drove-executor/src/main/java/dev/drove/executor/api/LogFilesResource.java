package dev.drove.executor.api;

import com.codahale.metrics.annotation.Timed;
import dev.drove.common.auth.ClusterNodeOnly;
import dev.drove.common.errors.ApiException;
import dev.drove.executor.logs.InstanceLogFolders;
import dev.drove.executor.logs.InstanceLogId;
import dev.drove.common.logs.LogFileName;
import dev.drove.models.api.LogFileChunk;
import dev.drove.models.api.LogFileList;
import dev.drove.models.info.nodedata.NodeType;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;

/**
 * {@code /apis/v1/logs/filestream/{first}/{second}/list|read/{file}|download/{file}}: an instance's log files, for
 * the leader controller only, which serves them to users at {@code /apis/v1/logfiles/...} (docs: apis/logs.md;
 * contract §3 "Files/logs", §4). {@code first}/{@code second} name the instance's folder as its
 * {@link InstanceLogId} does: {@code appId/instanceId}, {@code sourceAppName/taskId} or {@code serviceId/instanceId}.
 *
 * <p>Answers: {@code list} → {@code {files: [...]}} (only {@code output.*}); {@code read?offset&length} →
 * {@code {data, offset}} (offset -1 by default: no data, the end of the file; length 32768 by default, at most
 * 1 MiB); {@code download} → the file as an attachment. An unsafe folder or file name, or a bad offset or length,
 * is a 400 saying why; a missing file a 404; no {@code drove} appender configured a 404 saying so.
 */
@Path("/apis/v1/logs/filestream/{first}/{second}")
@Produces(MediaType.APPLICATION_JSON)
@ClusterNodeOnly(from = NodeType.CONTROLLER)
public final class LogFilesResource {
    private static final Logger LOG = LoggerFactory.getLogger(LogFilesResource.class);

    private final InstanceLogFolders folders;

    /** @param folders where the instance logs are; null when this executor keeps none (no drove appender) */
    public LogFilesResource(InstanceLogFolders folders) {
        this.folders = folders;
    }

    @GET
    @Path("/list")
    @Timed
    public LogFileList list(@PathParam("first") String first, @PathParam("second") String second) {
        var id = instance(first, second);
        try {
            return new LogFileList(folders().list(id));
        } catch (IOException e) {
            throw unreadable(id, e);
        }
    }

    @GET
    @Path("/read/{file}")
    @Timed
    public LogFileChunk read(@PathParam("first") String first, @PathParam("second") String second,
                             @PathParam("file") String file, @QueryParam("offset") String offset,
                             @QueryParam("length") String length) {
        var id = instance(first, second);
        checkName(file);
        long from = number("offset", offset, InstanceLogFolders.FROM_END);
        long size = number("length", length, InstanceLogFolders.DEFAULT_READ_LENGTH);
        try {
            return folders().read(id, file, from, size);
        } catch (IllegalArgumentException e) {
            throw new ApiException(Response.Status.BAD_REQUEST, e.getMessage());
        } catch (NoSuchFileException e) {
            throw new ApiException(Response.Status.NOT_FOUND, e.getMessage());
        } catch (IOException e) {
            throw unreadable(id, e);
        }
    }

    @GET
    @Path("/download/{file}")
    @Produces({MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
    @Timed
    public Response download(@PathParam("first") String first, @PathParam("second") String second,
                             @PathParam("file") String file) {
        var id = instance(first, second);
        checkName(file);
        InputStream in;
        try {
            in = folders().open(id, file);
        } catch (NoSuchFileException e) {
            throw new ApiException(Response.Status.NOT_FOUND, e.getMessage());
        } catch (IOException e) {
            throw unreadable(id, e);
        }
        StreamingOutput body = out -> {
            try (in) {
                in.transferTo(out);
            }
        };
        return Response.ok(body, MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=" + file)
                .build();
    }

    private InstanceLogFolders folders() {
        if (folders == null) {
            throw new ApiException(Response.Status.NOT_FOUND, "This executor keeps no instance log files: its "
                    + "logging configuration has no appender of type drove");
        }
        return folders;
    }

    private static InstanceLogId instance(String first, String second) {
        try {
            return new InstanceLogId(first, second);
        } catch (IllegalArgumentException e) {
            throw new ApiException(Response.Status.BAD_REQUEST, e.getMessage());
        }
    }

    private static void checkName(String file) {
        try {
            LogFileName.check(file);
        } catch (IllegalArgumentException e) {
            throw new ApiException(Response.Status.BAD_REQUEST, e.getMessage());
        }
    }

    private static long number(String name, String value, long absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new ApiException(Response.Status.BAD_REQUEST, name + " must be a whole number, not " + value);
        }
    }

    private static ApiException unreadable(InstanceLogId id, IOException e) {
        LOG.warn("Could not read the log files of {}: {}", id, e.toString());
        return new ApiException(Response.Status.INTERNAL_SERVER_ERROR, "Could not read the log files of "
                + id.first() + "/" + id.second() + ": " + e.getMessage());
    }
}
