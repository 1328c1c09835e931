package org.szmark.keys;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.szmark.account.Role;
import org.szmark.apidoc.ApiDocument;
import org.szmark.body.BodyService;
import org.szmark.body.CertificationBody;
import org.szmark.text.FreeText;

/** A body's signing keys: anyone reads them; the authority rotates and revokes them. */
@Path("/api/v1/bodies/{code}/keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocument.KEYS)
public class BodyKeyResource {

    @Inject BodyService bodies;
    @Inject BodyKeyService keys;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record KeyView(String keyId, String algorithm, String publicKey, String certificate, OffsetDateTime notBefore,
                          OffsetDateTime notAfter, OffsetDateTime retiredAt, OffsetDateTime revokedAt,
                          OffsetDateTime compromisedAt, String revocationReason) {
        static KeyView of(BodyKey k) {
            return new KeyView(k.keyId, "Ed25519", Base64.getEncoder().encodeToString(k.publicKey),
                    Base64.getEncoder().encodeToString(k.certificate), k.notBefore, k.notAfter, k.retiredAt,
                    k.revokedAt, k.compromisedAt, k.revocationReason);
        }
    }

    /** {@code compromisedAt} absent: the key stops being trusted from the revocation on. */
    public record RevokeRequest(OffsetDateTime compromisedAt, @NotBlank @Size(max = 500) @FreeText String reason) {}

    @GET
    @Operation(operationId = "listBodyKeys", summary = "A body's signing keys", description = """
            Anyone. Every Ed25519 key the body has signed with: public key, X.509 certificate under the authority \
            key, validity, and when it was retired, revoked or compromised. Unknown body: 404 `not-found`.""")
    public List<KeyView> list(@PathParam("code") String code) {
        return keys.ofBody(bodies.get(code).id).stream().map(KeyView::of).toList();
    }

    /** Rotation: a new key signs from now on; earlier keys are retired but stay verifiable. */
    @POST
    @RolesAllowed(Role.AUTHORITY_ROLE)
    @Operation(operationId = "rotateBodyKey", summary = "Rotate a body's signing key", description = """
            Authority only. A new key signs the body's records from now on; earlier keys are retired but \
            stay trusted for what they signed. Answers 201 with the new key. Unknown body: 404 `not-found`.""")
    @APIResponse(responseCode = "201", description = "The new key",
            content = @Content(schema = @Schema(implementation = KeyView.class)))
    public Response rotate(@PathParam("code") String code) {
        CertificationBody b = bodies.get(code);
        return Response.status(201).entity(KeyView.of(keys.issue(b))).build();
    }

    @POST
    @Path("{keyId}/revoke")
    @RolesAllowed(Role.AUTHORITY_ROLE)
    @Operation(operationId = "revokeBodyKey", summary = "Revoke a body's key", description = """
            Authority only, with a `reason`. Records signed after `compromisedAt` (default: now) by this key verify \
            as not genuine (docs/trust-model.md). Errors: 400 `validation`, 404 `not-found`, 409 `key-revoked`.""")
    public KeyView revoke(@PathParam("code") String code, @PathParam("keyId") String keyId,
                          @Valid @NotNull RevokeRequest request) {
        CertificationBody b = bodies.get(code);
        return KeyView.of(keys.revoke(b, keyId, request.compromisedAt() == null ? null : request.compromisedAt().toInstant(),
                request.reason().trim()));
    }
}
