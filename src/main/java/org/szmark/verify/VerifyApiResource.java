package org.szmark.verify;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The verification verdict as JSON, for apps and widgets: open to every origin, never served stale. */
@Path("/api/v1")
public class VerifyApiResource {

    @Inject VerificationService verification;

    @GET
    @Path("verify/{token}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response verify(@PathParam("token") String token) {
        return Response.ok(verification.verifyJson(token), MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache, max-age=0")
                .header("Access-Control-Allow-Origin", "*")
                .build();
    }
}
