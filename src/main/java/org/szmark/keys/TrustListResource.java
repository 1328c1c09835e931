package org.szmark.keys;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Public trust anchors for offline verifiers. */
@Path("/trust-list")
@Produces(MediaType.APPLICATION_JSON)
public class TrustListResource {

    @Inject TrustListService trustList;
    @Inject KeyMaterial material;

    @GET
    public Response trustList() {
        CacheControl cc = new CacheControl();
        cc.setMaxAge(60);
        return Response.ok(trustList.current().toMap()).cacheControl(cc)
                .header("Access-Control-Allow-Origin", "*").build();
    }

    @GET
    @Path("authority")
    public Response authority() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("keyId", material.authorityKeyId());
        a.put("algorithm", "Ed25519");
        a.put("publicKey", Base64.getEncoder().encodeToString(material.authorityPublicKey()));
        a.put("certificate", Base64.getEncoder().encodeToString(material.authorityCertificateDer()));
        CacheControl cc = new CacheControl();
        cc.setMaxAge(3600);
        return Response.ok(a).cacheControl(cc).header("Access-Control-Allow-Origin", "*").build();
    }
}
