package org.szmark.keys;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Base64;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.szmark.apidoc.ApiDocument;

/** Public trust anchors for offline verifiers. */
@Path("/trust-list")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocument.KEYS)
public class TrustListResource {

    @Inject TrustListService trustList;
    @Inject KeyMaterial material;

    @GET
    @Operation(operationId = "getTrustList", summary = "The signed trust list", description = """
            Anyone (CORS open, cached a minute). Every body key with its validity and revocation, signed by the \
            authority key (docs/records.md). Offline verifiers load it with the pinned authority key.""")
    @APIResponse(responseCode = "200", description = "The trust list",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    public Response trustList() {
        CacheControl cc = new CacheControl();
        cc.setMaxAge(60);
        return Response.ok(trustList.current().toMap()).cacheControl(cc)
                .header("Access-Control-Allow-Origin", "*").build();
    }

    /** The authority key: its id, the raw public key and its X.509 certificate (DER), base64. */
    public record AuthorityKey(String keyId, String algorithm, String publicKey, String certificate) {}

    @GET
    @Path("authority")
    @Operation(operationId = "getAuthorityKey", summary = "The authority's public key", description = """
            Anyone (CORS open, cached an hour). The Ed25519 key that signs the trust list; pin it out of band \
            (docs/trust-model.md).""")
    @APIResponse(responseCode = "200", description = "The authority key",
            content = @Content(schema = @Schema(implementation = AuthorityKey.class)))
    public Response authority() {
        AuthorityKey a = new AuthorityKey(material.authorityKeyId(), "Ed25519",
                Base64.getEncoder().encodeToString(material.authorityPublicKey()),
                Base64.getEncoder().encodeToString(material.authorityCertificateDer()));
        CacheControl cc = new CacheControl();
        cc.setMaxAge(3600);
        return Response.ok(a).cacheControl(cc).header("Access-Control-Allow-Origin", "*").build();
    }
}
