package vn.eams.model;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.eams.accounts.Access;
import vn.eams.accounts.Right;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/**
 * A model's changes as server-sent events, as they are made ({@link ChangeFeed}): one event {@code
 * change} per entry of the change log, whose id is the change's sequence number and whose data is
 * the change as {@code GET /api/models/{id}/changes} shows it. A client that reconnects with {@code
 * Last-Event-ID} (browsers' {@code EventSource} do) continues after that change, so none is lost or
 * repeated; {@code since} does the same for the first connection, and without either the stream
 * starts with the next change made.
 */
@Path("/api/models/{modelId}/events")
@Tag(name = "Models")
public class ModelEventsResource {

  private final ModelQueries queries;
  private final ChangeFeed feed;

  ModelEventsResource(ModelQueries queries, ChangeFeed feed) {
    this.queries = queries;
    this.feed = feed;
  }

  @GET
  @Access(Right.READ)
  @Blocking
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Operation(summary = "The model's changes as server-sent events, as they are made")
  public Multi<OutboundSseEvent> events(
      @PathParam("modelId") String modelId,
      @QueryParam("since") Long since,
      @HeaderParam("Last-Event-ID") String lastEventId,
      @Context Sse sse) {
    long after = after(since, lastEventId);
    ModelResource.requireChangeLog(queries, modelId);
    long start = after >= 0 ? after : queries.currentSequence();
    return feed.follow(modelId, start)
        .onItem()
        .transformToMultiAndConcatenate(changes -> events(changes, sse));
  }

  private static Multi<OutboundSseEvent> events(List<Change> changes, Sse sse) {
    if (changes.isEmpty()) {
      return Multi.createFrom().item(sse.newEventBuilder().comment("keep-alive").build());
    }
    return Multi.createFrom()
        .iterable(changes)
        .map(
            c ->
                sse.newEventBuilder()
                    .id(Long.toString(c.seq()))
                    .name("change")
                    .mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(Map.class, ModelResource.change(c))
                    .build());
  }

  /** The sequence number to follow from, or -1 for "from now". */
  private static long after(Long since, String lastEventId) {
    if (lastEventId != null && !lastEventId.isBlank()) {
      try {
        long id = Long.parseLong(lastEventId.trim());
        if (id >= 0) {
          return id;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw ProblemException.badRequest(
          "Last-Event-ID must be the id of an event of this stream (a change's sequence number).",
          List.of(
              Problem.Error.field(
                  "Last-Event-ID",
                  "invalid",
                  "Send the id of the last event received, or no Last-Event-ID to start now.")));
    }
    if (since != null && since < 0) {
      throw ProblemException.badRequest(
          "since must be ≥ 0.",
          List.of(
              Problem.Error.field(
                  "since", "out-of-range", "Use since=<the last sequence number you saw>.")));
    }
    return since == null ? -1 : since;
  }
}
