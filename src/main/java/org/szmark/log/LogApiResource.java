package org.szmark.log;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.szmark.apidoc.ApiDocument;
import org.szmark.certificate.Certificate;
import org.szmark.certificate.CertificateService;
import org.szmark.common.InvalidInput;
import org.szmark.common.NotFound;
import org.szmark.config.SzmarkConfig;
import org.szmark.log.LogStore.StoredCheckpoint;

/**
 * Proofs and checkpoints of the log as JSON, for clients that would rather not assemble proofs from
 * tiles, and the offline proof of a certificate. Hashes are standard base64 (RFC 4648 §4), as in
 * checkpoints.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocument.LOG)
public class LogApiResource {

    static final int MAX_CHECKPOINTS = 1000;

    @Inject LogService log;
    @Inject CertificateService certificates;
    @Inject EntityManager em;
    @Inject SzmarkConfig config;

    /** An inclusion proof, RFC 6962 §2.1.1: leaf sibling first. */
    public record InclusionProof(long index, long size, List<String> hashes) {}

    /** A consistency proof, RFC 6962 §2.1.2. */
    public record ConsistencyProof(long from, long to, List<String> hashes) {}

    public record CheckpointView(long size, String rootHash, String note, Instant createdAt) {}

    /** @param next the {@code from} of the next page, or null when this page is the last */
    public record CheckpointList(String origin, String key, List<CheckpointView> checkpoints, Long next) {}

    @GET
    @Path("log/inclusion")
    @Operation(operationId = "getInclusionProof", summary = "Merkle inclusion proof", description = """
            Anyone. The proof that entry `index` is in the tree of `size` entries (RFC 6962 §2.1.1), hashes in \
            standard base64, leaf sibling first. `size` is a checkpoint's size. Errors: 400 `validation` (index not \
            below size, size beyond the tree).""")
    public InclusionProof inclusion(@QueryParam("index") String index, @QueryParam("size") String size) {
        long i = count("index", index);
        long s = count("size", size);
        return new InclusionProof(i, s, base64(log.inclusionProof(i, s)));
    }

    @GET
    @Path("log/consistency")
    @Operation(operationId = "getConsistencyProof", summary = "Merkle consistency proof", description = """
            Anyone. The proof that the tree of `from` entries is a prefix of the tree of `to` entries (RFC 6962 \
            §2.1.2): an auditor's check that the log only appends. Errors: 400 `validation`.""")
    public ConsistencyProof consistency(@QueryParam("from") String from, @QueryParam("to") String to) {
        long f = count("from", from);
        long t = count("to", to);
        return new ConsistencyProof(f, t, base64(log.consistencyProof(f, t)));
    }

    /** Stored checkpoints by tree size, smallest first, for auditors and witnesses. */
    @GET
    @Path("log/checkpoints")
    @Operation(operationId = "listCheckpoints", summary = "The stored checkpoints", description = """
            Anyone (CORS open). Checkpoints by tree size from `from` (default 0), smallest first, at most `limit` \
            (1 to 1000, default 100); `next` is the `from` of the next page, absent on the last. For auditors and \
            witnesses. Errors: 400 `validation`.""")
    @APIResponse(responseCode = "200", description = "One page of checkpoints",
            content = @Content(schema = @Schema(implementation = CheckpointList.class)))
    public Response checkpoints(@QueryParam("from") String from, @QueryParam("limit") String limit) {
        long f = from == null || from.isEmpty() ? 0 : count("from", from);
        long l = limit == null || limit.isEmpty() ? 100 : count("limit", limit);
        if (l < 1 || l > MAX_CHECKPOINTS) {
            throw InvalidInput.field("limit", "must be between 1 and " + MAX_CHECKPOINTS);
        }
        List<StoredCheckpoint> page = log.checkpoints(f, (int) l);
        List<CheckpointView> views = page.stream().map(c -> new CheckpointView(c.size(),
                Base64.getEncoder().encodeToString(c.rootHash()), c.note(), c.createdAt())).toList();
        Long next = page.size() < l ? null : page.get(page.size() - 1).size() + 1;
        return Response.ok(new CheckpointList(log.origin(), log.verifierKey().toString(), views, next))
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=" + LogResource.shortCacheSeconds(config))
                .header(LogResource.CORS, "*").build();
    }

    /**
     * A c2sp.org/tlog-proof@v1 proof that the certificate's latest event is in the log, against the
     * latest checkpoint; its {@code extra} line is the log entry (docs/log.md "Offline proofs").
     */
    @GET
    @Path("certificates/{number}/proof")
    @Produces(LogResource.TEXT)
    @Operation(operationId = "getCertificateProof", summary = "Offline proof of a certificate's latest event", description = """
            Anyone (CORS open). A c2sp.org/tlog-proof@v1 text proof that the certificate's latest record is in the \
            log, against the latest checkpoint; its extra line is the log entry itself (docs/log.md "Offline \
            proofs"). Errors: 404 `not-found` (unknown, or not logged yet: try again in a second).""")
    public Response certificateProof(@PathParam("number") String number) {
        Certificate c = certificates.get(number);
        List<Long> index = em.createQuery("select e.logIndex from StatusEvent e where e.certificateId = :c and e.seq = :s", Long.class)
                .setParameter("c", c.id).setParameter("s", c.eventCount).getResultList();
        if (index.isEmpty() || index.get(0) == null) {
            throw new NotFound("Certificate " + c.number + " has no log entry yet");
        }
        String file = c.number.replaceAll("[^A-Za-z0-9.-]", "_") + ".tlog-proof";
        return Response.ok(log.offlineProof(index.get(0))).type(LogResource.TEXT)
                .header("Content-Disposition", "inline; filename=\"" + file + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=" + LogResource.shortCacheSeconds(config))
                .header(LogResource.CORS, "*").build();
    }

    /** A tree size or index: required, decimal digits only (so no sign), at most 18 of them. */
    static long count(String name, String raw) {
        if (raw == null || raw.isEmpty()) {
            throw InvalidInput.field(name, "is required");
        }
        if (raw.length() > 18 || !raw.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw InvalidInput.field(name, "must be a whole number from 0 to 999999999999999999");
        }
        return Long.parseLong(raw);
    }

    private static List<String> base64(List<byte[]> hashes) {
        return hashes.stream().map(h -> Base64.getEncoder().encodeToString(h)).toList();
    }
}
