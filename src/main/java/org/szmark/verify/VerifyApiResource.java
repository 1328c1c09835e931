package org.szmark.verify;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.szmark.apidoc.ApiDocument;

/** The verification verdict as JSON, for apps and widgets: open to every origin, never served stale. */
@Path("/api/v1")
@Tag(name = ApiDocument.VERIFICATION)
public class VerifyApiResource {

    @Inject VerificationService verification;

    @GET
    @Path("verify/{token}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "verifyToken", summary = "Verify a scanned label", description = """
            Anyone (CORS open, never cached). `token` is the part of a label URL after `/V/`. The verdict: VALID \
            (genuine, and the mark may be used now), SUSPENDED, REVOKED, CANCELLED, EXPIRED, or NOT_GENUINE (a token \
            that does not decode, is not signed by a trusted body key, or does not match the registry), with \
            `reasonCode` and `reason`, the certificate as registered, and its log entry. Every answer is 200 with a \
            verdict, also for a malformed token: a scanner always has something to show (docs/verification.md).""")
    @APIResponse(responseCode = "200", description = "The verdict",
            content = @Content(schema = @Schema(implementation = Verification.class)))
    public Response verify(@PathParam("token") String token) {
        return Response.ok(verification.verifyJson(token), MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache, max-age=0")
                .header("Access-Control-Allow-Origin", "*")
                .build();
    }
}
