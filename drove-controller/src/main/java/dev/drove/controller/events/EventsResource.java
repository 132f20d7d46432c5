package dev.drove.controller.events;

import dev.drove.common.errors.CommandValidationException;
import dev.drove.models.api.ApiResponse;
import dev.drove.models.api.DroveEventsList;
import dev.drove.models.api.DroveEventsSummary;
import dev.drove.models.events.DroveEvent;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code /apis/v1/cluster/events} (docs: apis/cluster.md, "Drove Cluster Events"): the events after the caller's
 * {@code lastSyncTime}, oldest first. Parameters are read here rather than by Jersey, which answers a non-number with
 * 404: a bad value is a 400 "Command validation failure" naming the parameter. Followers forward these calls to the
 * leader, which holds the events.
 */
@Path("/apis/v1/cluster/events")
@Produces(MediaType.APPLICATION_JSON)
public final class EventsResource {
    /** The largest page, and the default one (docs: "We recommend leaving this as is"). */
    static final int MAX_SIZE = 1024;

    private final EventBus events;

    @Inject
    EventsResource(EventBus events) {
        this.events = events;
    }

    /** Deprecated by the original in favour of {@code /latest}: the same events, as a bare list. */
    @GET
    @Deprecated
    public ApiResponse<List<DroveEvent>> events(@QueryParam("lastSyncTime") String lastSyncTime,
                                                @QueryParam("size") String size) {
        var query = Query.read(lastSyncTime, size);
        return ApiResponse.success(events.latest(query.lastSyncTime(), query.size()).events());
    }

    /** At most {@code size} (1..1024, default 1024) events after {@code lastSyncTime} (default 0), oldest first. */
    @GET
    @Path("/latest")
    public ApiResponse<DroveEventsList> latest(@QueryParam("lastSyncTime") String lastSyncTime,
                                               @QueryParam("size") String size) {
        var query = Query.read(lastSyncTime, size);
        return ApiResponse.success(events.latest(query.lastSyncTime(), query.size()));
    }

    /** How many events of each type came after {@code lastSyncTime} (default 0). */
    @GET
    @Path("/summary")
    public ApiResponse<DroveEventsSummary> summary(@QueryParam("lastSyncTime") String lastSyncTime) {
        return ApiResponse.success(events.summary(Query.read(lastSyncTime, null).lastSyncTime()));
    }

    /** The query of one call, checked. */
    record Query(long lastSyncTime, int size) {
        /** @throws CommandValidationException naming every bad parameter */
        static Query read(String lastSyncTimeText, String sizeText) {
            var errors = new ArrayList<String>();
            long lastSyncTime = 0;
            int size = MAX_SIZE;
            if (lastSyncTimeText != null && !lastSyncTimeText.isBlank()) {
                try {
                    lastSyncTime = Long.parseLong(lastSyncTimeText.trim());
                    if (lastSyncTime < 0) {
                        errors.add("query param lastSyncTime must be 0 or more, not " + lastSyncTime);
                    }
                } catch (NumberFormatException e) {
                    errors.add("query param lastSyncTime must be a whole number, not '%s'"
                            .formatted(lastSyncTimeText));
                }
            }
            if (sizeText != null && !sizeText.isBlank()) {
                try {
                    size = Integer.parseInt(sizeText.trim());
                    if (size < 1 || size > MAX_SIZE) {
                        errors.add("query param size must be between 1 and %d, not %d".formatted(MAX_SIZE, size));
                    }
                } catch (NumberFormatException e) {
                    errors.add("query param size must be a whole number, not '%s'".formatted(sizeText));
                }
            }
            if (!errors.isEmpty()) {
                throw new CommandValidationException(errors);
            }
            return new Query(lastSyncTime, size);
        }
    }
}
