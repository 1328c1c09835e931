package org.szmark.notice;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseHeader;
import org.szmark.apidoc.ApiDocument;
import org.szmark.common.PageRequest;
import org.szmark.common.PageView;

/** Notices as JSON, filterable by body code and standard number. */
@Path("/api/v1")
@Tag(name = ApiDocument.NOTICES)
public class NoticeApiResource {

    @Inject NoticeService notices;

    @GET
    @Path("notices")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listNotices", summary = "Notices (公告)", description = """
            Anyone (CORS open, cached 30 s). Suspensions, revocations, cancellations and abolished standards, newest \
            first, optionally of one issuing `body` (code) or one `standard` (number); an unknown one matches nothing. \
            Errors: 400 `validation` (paging).""")
    @ResponseHeader(name = "Access-Control-Allow-Origin", value = "*")
    @ResponseHeader(name = HttpHeaders.CACHE_CONTROL, value = "max-age=30")
    public PageView<Notice> json(@QueryParam("body") String body, @QueryParam("standard") String standard,
                                 @BeanParam PageRequest p) {
        return notices.list(notices.filter(body, standard), p.page(), p.size());
    }

}
