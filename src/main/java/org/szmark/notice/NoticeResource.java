package org.szmark.notice;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.szmark.apidoc.ApiDocument;
import org.szmark.body.BodyService;
import org.szmark.common.NotFound;
import org.szmark.common.PageRequest;
import org.szmark.common.PageView;
import org.szmark.standard.StandardService;
import org.szmark.web.Lang;
import org.szmark.web.Pages;
import org.szmark.web.Texts;

/** Notices (公告) as a page, as JSON and as an Atom feed; filterable by body and standard. */
@Path("/")
public class NoticeResource {

    @Inject NoticeService notices;
    @Inject BodyService bodies;
    @Inject StandardService standards;
    @Inject AtomFeed atom;
    @Inject Texts texts;
    @Inject @Location("pages/notices.html") Template page;

    @GET
    @Path("notices.atom")
    @Produces("application/atom+xml")
    @Operation(operationId = "getNoticeFeed", summary = "Notices as an Atom feed", description = """
            Anyone (cached a minute). The latest 100 notices as an Atom feed (RFC 4287), filtered like the JSON \
            listing by `body` and `standard`, for feed readers.""")
    @Tag(name = ApiDocument.NOTICES)
    public Response feed(@QueryParam("body") String body, @QueryParam("standard") String standard) {
        PageView<Notice> list = notices.list(notices.filter(body, standard), 0, 100);
        return Response.ok(atom.write(list.items(), body, standard), "application/atom+xml; charset=utf-8")
                .header(HttpHeaders.CACHE_CONTROL, "max-age=60").build();
    }

    @GET
    @Path("notices")
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "noticesPage", summary = "Notices page", description = """
            Anyone. The notices as an HTML page, filterable by body and standard.""")
    @Tag(name = ApiDocument.PAGES)
    public Response page(@QueryParam("body") String body, @QueryParam("standard") String standard,
                         @QueryParam("lang") String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept,
                         @BeanParam PageRequest p) {
        Lang l = Lang.choose(lang, accept);
        Map<String, String> t = texts.of(l);
        PageView<Notice> list = notices.list(notices.filter(body, standard), p.page(), p.size());
        // "registered name now: …" beside a holder renamed since its certificate was signed, by notice id.
        Map<String, String> renamed = new java.util.HashMap<>();
        for (Notice n : list.items()) {
            if (n.registeredHolderName() != null) renamed.put(n.id(), t.get("signed.now.name").replace("{0}", n.registeredHolderName()));
        }
        // Each notice's reason in the page's language, never its raw code.
        Map<String, String> reasons = new java.util.HashMap<>();
        for (Notice n : list.items()) {
            if (n.reasonCode() != null) reasons.put(n.id(), org.szmark.verify.Reasons.sentence(t, n.reasonCode(), null));
        }
        return Pages.html(page.data("lang", l).data("t", t).data("switchHref", null).data("notices", list).data("renamed", renamed).data("reasons", reasons)
                .data("body", body == null ? "" : body).data("standard", standard == null ? "" : standard)
                .data("bodies", bodies.list())
                .data("kinds", java.util.Arrays.stream(Notice.Kind.values()).collect(java.util.stream.Collectors.toMap(
                        k -> k, k -> t.get("notices.kind." + k.name())))), l);
    }
}
