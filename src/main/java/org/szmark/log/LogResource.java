package org.szmark.log;

import io.quarkus.vertx.http.Compressed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.szmark.apidoc.ApiDocument;
import org.szmark.common.InvalidInput;
import org.szmark.config.SzmarkConfig;
import org.szmark.log.merkle.EntryBundleId;
import org.szmark.log.merkle.TileId;

/**
 * The log as static resources under the prefix {@code <public-base-url>/log}, c2sp.org/tlog-tiles:
 * the checkpoint, hash tiles and entry bundles, plus the verifier key. Everything but the checkpoint
 * is immutable once served, so a plain static server or CDN can mirror it.
 */
@Path("/log")
@Tag(name = ApiDocument.LOG)
public class LogResource {

    static final String TEXT = "text/plain; charset=utf-8";
    /** Full tiles and bundles never change (c2sp.org/tlog-tiles: "immutable ... long-lived"). */
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String CORS = "Access-Control-Allow-Origin";

    @Inject LogService log;
    @Inject SzmarkConfig config;

    /** c2sp.org/tlog-tiles "Checkpoints": mutable, so cached for no longer than the signing interval. */
    @GET
    @Path("checkpoint")
    @Produces(TEXT)
    @Operation(operationId = "getLogCheckpoint", summary = "The latest signed checkpoint", description = """
            Anyone (CORS open). The log's latest checkpoint as a C2SP signed note: origin, tree size, root hash, \
            signature (c2sp.org/tlog-checkpoint). Cached no longer than szmark.log.checkpoint-interval (1 s).""")
    public Response checkpoint() {
        return Response.ok(log.currentCheckpoint().note()).type(TEXT)
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=" + shortCacheSeconds(config)).header(CORS, "*").build();
    }

    /** The log's signed-note verifier key {@code <origin>+<hex key ID>+<base64(0x01 || key)>}, one line. */
    @GET
    @Path("key")
    @Produces(TEXT)
    @Operation(operationId = "getLogKey", summary = "The log's verifier key", description = """
            Anyone (CORS open). One line, `<origin>+<key id>+<base64 key>` (c2sp.org/signed-note), to check \
            checkpoints with; pin it out of band.""")
    public Response key() {
        return Response.ok(log.verifierKey() + "\n").type(TEXT)
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=3600").header(CORS, "*").build();
    }

    /** c2sp.org/tlog-tiles "Log entries", which that spec asks to compress at the HTTP layer. */
    @GET
    @Path("tile/entries/{path: .+}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Compressed
    @Operation(operationId = "getLogEntryBundle", summary = "A bundle of log entries", description = """
            Anyone (CORS open). `tile/entries/<N>[.p/<W>]` (c2sp.org/tlog-tiles): 256 entries, or W of a partial \
            bundle, each a certificate's signed record or status event. Full bundles are cached a year. Errors: 400 \
            `validation` (a malformed path), 404 `not-found` (beyond the tree).""")
    public Response entries(@PathParam("path") String path, @Context UriInfo uri) {
        EntryBundleId id;
        try {
            id = EntryBundleId.parse("tile/entries/" + path + trailingSlash(uri));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.field("path", e.getMessage());
        }
        return octets(log.entryBundle(id), id.isFull());
    }

    /** c2sp.org/tlog-tiles "Merkle Tree": {@code tile/<L>/<N>[.p/<W>]}. */
    @GET
    @Path("tile/{path: .+}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(operationId = "getLogTile", summary = "A Merkle tree hash tile", description = """
            Anyone (CORS open). `tile/<L>/<N>[.p/<W>]` (c2sp.org/tlog-tiles): the hashes of level L, tile N. Full \
            tiles are cached a year. Errors: 400 `validation`, 404 `not-found`.""")
    public Response tile(@PathParam("path") String path, @Context UriInfo uri) {
        TileId id;
        try {
            id = TileId.parse("tile/" + path + trailingSlash(uri));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.field("path", e.getMessage());
        }
        return octets(log.tile(id), id.isFull());
    }

    /** The router matches a path with a trailing slash as without; the tile path grammar has none. */
    private static String trailingSlash(UriInfo uri) {
        return uri.getPath().endsWith("/") ? "/" : "";
    }

    private Response octets(byte[] data, boolean full) {
        // A partial tile's bytes never change either, but it is superseded once the tile fills up.
        return Response.ok(data).type(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CACHE_CONTROL, full ? IMMUTABLE : "public, max-age=3600").header(CORS, "*").build();
    }

    /** The checkpoint interval in whole seconds, at least 1. */
    static long shortCacheSeconds(SzmarkConfig config) {
        long ms = config.log().checkpointInterval().toMillis();
        return Math.max(1, (ms + 999) / 1000);
    }
}
