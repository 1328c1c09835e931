package org.szmark.notice;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.szmark.common.PageRequest;

/** Notices as JSON, filterable by body code and standard number. */
@Path("/api/v1")
public class NoticeApiResource {

    @Inject NoticeService notices;

    @GET
    @Path("notices")
    @Produces(MediaType.APPLICATION_JSON)
    public Response json(@QueryParam("body") String body, @QueryParam("standard") String standard, @BeanParam PageRequest p) {
        return Response.ok(notices.list(notices.filter(body, standard), p.page(), p.size()))
                .header("Access-Control-Allow-Origin", "*").header(HttpHeaders.CACHE_CONTROL, "max-age=30").build();
    }

}
