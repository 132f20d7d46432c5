package dev.drove.controller.logs;

import com.codahale.metrics.annotation.Timed;
import dev.drove.common.errors.ApiException;
import dev.drove.common.logs.LogFileName;
import dev.drove.controller.auth.Roles;
import dev.drove.models.api.LogFileChunk;
import dev.drove.models.api.LogFileList;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /apis/v1/logfiles} (docs: apis/logs.md; contract Appendix A): the log files of application instances,
 * tasks and local service instances, read from the executor that ran them.
 * <ul>
 *     <li>{@code .../list} → {@code {files: [...]}}: {@code output.log} and its archives;</li>
 *     <li>{@code .../read/{fileName}?offset&length} → {@code {data, offset}}: offset -1 (the default) answers no data
 *     and where the file ends; then each read answers at most {@code length} bytes (default 32768, at most 1 MiB)
 *     and the offset to pass next — how a tail works;</li>
 *     <li>{@code .../download/{fileName}} → the file, with {@code Content-Disposition: attachment; filename=...}.</li>
 * </ul>
 * Answers are not wrapped in an envelope; errors are. A file name that is not a plain {@code output.*} name is a 400
 * before anything is asked of an executor; unknown ids are a 404 naming them.
 */
@Path("/apis/v1/logfiles")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.LOG_READER)
public final class LogFileResource {
    private static final long FROM_END = -1;
    private static final long DEFAULT_LENGTH = 32 * 1024;

    private final LogSources sources;
    private final ExecutorLogFiles files;

    @Inject
    LogFileResource(LogSources sources, ExecutorLogFiles files) {
        this.sources = sources;
        this.files = files;
    }

    @GET
    @Path("/applications/{appId}/{instanceId}/list")
    @Timed
    public LogFileList applicationFiles(@PathParam("appId") String appId, @PathParam("instanceId") String instanceId) {
        return files.list(sources.application(appId, instanceId));
    }

    @GET
    @Path("/applications/{appId}/{instanceId}/read/{fileName}")
    @Timed
    public LogFileChunk readApplicationFile(@PathParam("appId") String appId,
                                            @PathParam("instanceId") String instanceId,
                                            @PathParam("fileName") String fileName,
                                            @QueryParam("offset") String offset, @QueryParam("length") String length) {
        var chunk = Chunk.of(fileName, offset, length);
        return files.read(sources.application(appId, instanceId), fileName, chunk.offset(), chunk.length());
    }

    @GET
    @Path("/applications/{appId}/{instanceId}/download/{fileName}")
    @Produces({MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
    @Timed
    public Response downloadApplicationFile(@PathParam("appId") String appId,
                                            @PathParam("instanceId") String instanceId,
                                            @PathParam("fileName") String fileName) {
        checkName(fileName);
        return attachment(fileName, sources.application(appId, instanceId));
    }

    @GET
    @Path("/tasks/{sourceAppName}/{taskId}/list")
    @Timed
    public LogFileList taskFiles(@PathParam("sourceAppName") String sourceAppName,
                                 @PathParam("taskId") String taskId) {
        return files.list(sources.task(sourceAppName, taskId));
    }

    @GET
    @Path("/tasks/{sourceAppName}/{taskId}/read/{fileName}")
    @Timed
    public LogFileChunk readTaskFile(@PathParam("sourceAppName") String sourceAppName,
                                     @PathParam("taskId") String taskId, @PathParam("fileName") String fileName,
                                     @QueryParam("offset") String offset, @QueryParam("length") String length) {
        var chunk = Chunk.of(fileName, offset, length);
        return files.read(sources.task(sourceAppName, taskId), fileName, chunk.offset(), chunk.length());
    }

    @GET
    @Path("/tasks/{sourceAppName}/{taskId}/download/{fileName}")
    @Produces({MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
    @Timed
    public Response downloadTaskFile(@PathParam("sourceAppName") String sourceAppName,
                                     @PathParam("taskId") String taskId, @PathParam("fileName") String fileName) {
        checkName(fileName);
        return attachment(fileName, sources.task(sourceAppName, taskId));
    }

    @GET
    @Path("/localservices/{serviceId}/{instanceId}/list")
    @Timed
    public LogFileList localServiceFiles(@PathParam("serviceId") String serviceId,
                                        @PathParam("instanceId") String instanceId) {
        return files.list(sources.localService(serviceId, instanceId));
    }

    @GET
    @Path("/localservices/{serviceId}/{instanceId}/read/{fileName}")
    @Timed
    public LogFileChunk readLocalServiceFile(@PathParam("serviceId") String serviceId,
                                             @PathParam("instanceId") String instanceId,
                                             @PathParam("fileName") String fileName,
                                             @QueryParam("offset") String offset,
                                             @QueryParam("length") String length) {
        var chunk = Chunk.of(fileName, offset, length);
        return files.read(sources.localService(serviceId, instanceId), fileName, chunk.offset(), chunk.length());
    }

    @GET
    @Path("/localservices/{serviceId}/{instanceId}/download/{fileName}")
    @Produces({MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
    @Timed
    public Response downloadLocalServiceFile(@PathParam("serviceId") String serviceId,
                                             @PathParam("instanceId") String instanceId,
                                             @PathParam("fileName") String fileName) {
        checkName(fileName);
        return attachment(fileName, sources.localService(serviceId, instanceId));
    }

    /**
     * Checks {@code fileName} with the rule the executor applies again ({@link LogFileName}) before anything is sent
     * to an executor; a name breaking it is answered 400 with the reason.
     */
    static String checkName(String fileName) {
        try {
            return LogFileName.check(fileName);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("%s", e.getMessage());
        }
    }

    private Response attachment(String fileName, LogSource source) {
        return Response.ok(files.download(source, fileName), MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=" + fileName)
                .build();
    }

    /** A checked read request: the file name, where to start (-1: the end) and how many bytes at most. */
    record Chunk(long offset, long length) {
        static Chunk of(String fileName, String offset, String length) {
            checkName(fileName);
            long from = number("offset", offset, FROM_END);
            if (from < FROM_END) {
                throw ApiException.badRequest("offset must be -1 (the end of the file) or a position from 0, not %d",
                        from);
            }
            long size = number("length", length, DEFAULT_LENGTH);
            if (size < 1) {
                throw ApiException.badRequest("length must be a positive number of bytes, not %d", size);
            }
            return new Chunk(from, size);
        }

        private static long number(String name, String value, long absent) {
            if (value == null || value.isBlank()) {
                return absent;
            }
            try {
                return Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("%s must be a whole number, not %s", name, value);
            }
        }
    }
}
