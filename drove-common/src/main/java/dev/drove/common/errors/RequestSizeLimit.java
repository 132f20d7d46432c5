package dev.drove.common.errors;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses a request body larger than the limit with HTTP 413 in the API's envelope, before it is held in memory: a
 * body whose {@code Content-Length} is over the limit is refused at once, and one sent without a length (chunked) is
 * counted as it is read and refused at the first byte past the limit; no part of either is kept. It runs before every
 * other filter, so leader forwarding (which reads the body to relay it) and authentication see only bodies within the
 * limit.
 *
 * <p>A refused body is still read and dropped, up to {@value #DRAIN_BYTES} bytes (64 MiB), unless the client asked
 * {@code Expect: 100-continue} (it then never sends the body): a server that answers and closes while the client is
 * still sending makes the client's network stack discard the answer, so the client would see a reset connection
 * instead of the 413. Beyond 64 MiB the connection is closed without reading further.
 *
 * <p>The limit is {@value #MAX_BYTES} bytes (4 MiB). The largest body a user sends is a spec with inline configs,
 * which is stored whole in one ZooKeeper node: the docs raise ZooKeeper's {@code jute.maxbuffer} to about 10 MB for
 * that, so 4 MiB of spec fits with room for what the controller stores around it. Executors' messages to the
 * controller (reports, snapshots) are far smaller.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
public final class RequestSizeLimit implements ContainerRequestFilter {
    public static final long MAX_BYTES = 4L * 1024 * 1024;
    static final long DRAIN_BYTES = 64L * 1024 * 1024;
    private static final String CONTINUE = "100-continue";

    private final long maxBytes;

    public RequestSizeLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        var length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null && declaredLength(length) > maxBytes) {
            if (!CONTINUE.equalsIgnoreCase(request.getHeaderString("Expect"))
                    && declaredLength(length) <= DRAIN_BYTES) {
                drain(request.getEntityStream());
            }
            throw tooLarge();
        }
        if (request.hasEntity()) {
            request.setEntityStream(new CappedStream(request.getEntityStream()));
        }
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1; // the server refuses a malformed length before this runs
        }
    }

    /** Reads and drops the rest of a refused body, up to {@link #DRAIN_BYTES}. */
    private static void drain(InputStream body) {
        var buffer = new byte[64 * 1024];
        long dropped = 0;
        try {
            int count;
            while (dropped < DRAIN_BYTES && (count = body.read(buffer)) >= 0) {
                dropped += count;
            }
        } catch (IOException e) {
            // the client went away: nobody is left to answer
        }
    }

    private WebApplicationException tooLarge() {
        return new WebApplicationException("Request body is larger than " + maxBytes + " bytes ("
                + maxBytes / (1024 * 1024) + " MiB), the most this API accepts", 413);
    }

    /** The body as read, refused at the first byte past the limit. */
    private final class CappedStream extends FilterInputStream {
        private long read;

        CappedStream(InputStream body) {
            super(body);
        }

        @Override
        public int read() throws IOException {
            var next = super.read();
            if (next >= 0) {
                count(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            var count = super.read(buffer, offset, length);
            if (count > 0) {
                count(count);
            }
            return count;
        }

        @Override
        public long skip(long n) throws IOException {
            var skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long bytes) {
            read += bytes;
            if (read > maxBytes) {
                drain(in);
                throw tooLarge();
            }
        }
    }
}
