package dev.medi.queue.rest;

import dev.medi.queue.service.QueueSnapshotService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * The waiting-room display: ticket numbers, status and room only — no names, no patient ids, no complaints —
 * so it needs no sign-in. The gateway streams its updates.
 */
@Path("/api/v1/public/boards/{departmentId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Public board")
@PermitAll
public class PublicBoardResource {

    private final QueueSnapshotService snapshots;

    PublicBoardResource(QueueSnapshotService snapshots) {
        this.snapshots = snapshots;
    }

    @GET
    public Uni<QueueSnapshotService.Board> board(@PathParam("departmentId") UUID departmentId) {
        return snapshots.board(departmentId);
    }
}
