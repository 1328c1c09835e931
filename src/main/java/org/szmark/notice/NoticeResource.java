package org.szmark.notice;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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
import java.util.List;
import java.util.Map;
import org.szmark.body.CertificationBody;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.szmark.apidoc.ApiDocument;
import org.szmark.body.BodyService;
import org.szmark.common.NotFound;
import org.szmark.common.PageRequest;
import org.szmark.common.PageView;
import org.szmark.standard.StandardService;
import org.szmark.web.Lang;
import org.szmark.web.Messages;
import org.szmark.web.Msg;
import org.szmark.web.Pages;

/** Notices (公告) as a page, as JSON and as an Atom feed; filterable by body and standard. */
@Path("/")
public class NoticeResource {

    @Inject NoticeService notices;
    @Inject BodyService bodies;
    @Inject StandardService standards;
    @Inject AtomFeed atom;
    @Inject Messages messages;

    @CheckedTemplate(basePath = "pages")
    static class Templates {
        static native TemplateInstance notices(Lang lang, String switchHref, PageView<Notice> notices, Map<String, String> renamed,
                                               Map<String, String> reasons, String body, String standard,
                                               List<CertificationBody> bodies, Map<Notice.Kind, String> kinds);
    }

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
        Msg m = messages.of(l);
        PageView<Notice> list = notices.list(notices.filter(body, standard), p.page(), p.size());
        // "registered name now: …" beside a holder renamed since its certificate was signed, by notice id.
        Map<String, String> renamed = new java.util.HashMap<>();
        for (Notice n : list.items()) {
            if (n.registeredHolderName() != null) renamed.put(n.id(), m.signedNowName(n.registeredHolderName()));
        }
        // Each notice's reason in the page's language, never its raw code.
        Map<String, String> reasons = new java.util.HashMap<>();
        for (Notice n : list.items()) {
            if (n.reasonCode() != null) reasons.put(n.id(), org.szmark.verify.Reasons.sentence(m, n.reasonCode(), null));
        }
        Map<Notice.Kind, String> kinds = new java.util.EnumMap<>(Notice.Kind.class);
        for (Notice.Kind k : Notice.Kind.values()) kinds.put(k, m.noticeKind(k));
        return Pages.html(Templates.notices(l, null, list, renamed, reasons, body == null ? "" : body,
                standard == null ? "" : standard, bodies.list(), kinds), l);
    }
}
