package org.szmark.digitallink;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.szmark.apidoc.ApiDocument;
import org.szmark.certificate.CertificateViews.CertificateView;
import org.szmark.common.InvalidInput;
import org.szmark.common.NotFound;
import org.szmark.config.SzmarkConfig;
import org.szmark.web.Lang;
import org.szmark.enterprise.Product;
import org.szmark.web.Messages;
import org.szmark.web.Msg;
import org.szmark.web.Pages;

/**
 * GS1 Digital Link resolution ({@code /01/<GTIN>[/21/<serial>]}, docs/digital-link.md): a retailer's GS1 QR code on
 * a product leads to its Shenzhen Standard certificates. People get a page; programs get an RFC 9264 linkset
 * ({@code ?linkType=linkset} or {@code Accept: application/linkset+json}) with {@code gs1:certificationInfo} and
 * {@code gs1:verificationService} links; {@code ?linkType=gs1:certificationInfo} redirects to the certificate in
 * force, as GS1 resolvers do for a requested link type.
 */
@Path("/01/{gtin}")
@Tag(name = ApiDocument.VERIFICATION)
public class DigitalLinkResource {

    public static final String LINKSET = "application/linkset+json";
    /** GS1 Web Vocabulary link types (https://gs1.org/voc/). */
    static final String CERTIFICATION_INFO = "https://gs1.org/voc/certificationInfo";
    static final String VERIFICATION_SERVICE = "https://gs1.org/voc/verificationService";
    static final String DEFAULT_LINK = "https://gs1.org/voc/defaultLink";

    @Inject DigitalLinkService service;
    @Inject SzmarkConfig config;
    @Inject Messages messages;
    @Inject ObjectMapper json;

    @CheckedTemplate(basePath = "pages", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance digitalLink(Lang lang, String switchHref, String gtin, String serial, Product product,
                                                   List<Row> rows, String linkset);
    }

    @GET
    @Operation(operationId = "digitalLinkProduct", summary = "GS1 Digital Link: a product's certificates", description = """
            Anyone. `/01/<GTIN>` (8, 12, 13 or 14 digits with their check digit): the certificates in force of every \
            product registered with that GTIN. A page for browsers; an RFC 9264 linkset (`application/linkset+json`) \
            with `gs1:certificationInfo` and `gs1:verificationService` links for `?linkType=linkset` or that Accept \
            type; `?linkType=gs1:certificationInfo` redirects (307) to the certificate in force. Errors: 400 \
            `validation` (`gtin`, `linkType`), 404 `not-found` (docs/digital-link.md).""")
    @APIResponse(responseCode = "200", description = "The certificates", content = {@Content(mediaType = "text/html"),
            @Content(mediaType = LINKSET)})
    public Response product(@PathParam("gtin") String gtin, @QueryParam("linkType") String linkType, @QueryParam("lang") String lang,
                            @HeaderParam(HttpHeaders.ACCEPT) String accept, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return answer(gtin, null, linkType, lang, accept, acceptLanguage);
    }

    @GET
    @Path("21/{serial}")
    @Operation(operationId = "digitalLinkItem", summary = "GS1 Digital Link with a serial number", description = """
            Anyone. As `/01/<GTIN>`, with the serial (AI 21, 1 to 20 characters of GS1 character set 82) kept in the \
            linkset's anchor; it leads to the same certificates. Errors: 400 `validation` (`serial`).""")
    @APIResponse(responseCode = "200", description = "The certificates", content = {@Content(mediaType = "text/html"),
            @Content(mediaType = LINKSET)})
    public Response item(@PathParam("gtin") String gtin, @PathParam("serial") String serial, @QueryParam("linkType") String linkType,
                         @QueryParam("lang") String lang, @HeaderParam(HttpHeaders.ACCEPT) String accept,
                         @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return answer(gtin, serial, linkType, lang, accept, acceptLanguage);
    }

    private Response answer(String gtin, String serial, String linkType, String lang, String accept, String acceptLanguage) {
        DigitalLinkPath path;
        try {
            path = DigitalLinkPath.parse(gtin, serial);
        } catch (DigitalLinkPath.Invalid e) {
            throw InvalidInput.field(serial != null && e.getMessage().startsWith("a serial") ? "serial" : "gtin", e.getMessage());
        }
        DigitalLinkService.Resolved r = service.resolve(path);
        if (r.products().isEmpty()) throw new NotFound("No product with GTIN " + path.gtin14() + " is registered");
        String base = config.publicBaseUrl().replaceAll("/+$", "");
        String anchor = base + path.path();
        String linksetLink = "<" + anchor + "?linkType=linkset>; rel=\"linkset\"; type=\"" + LINKSET + "\"";
        boolean wantsLinkset = "linkset".equals(linkType) || "all".equals(linkType)
                || (linkType == null && accept != null && (accept.contains(LINKSET) || accept.startsWith("application/json")));
        if (wantsLinkset) {
            return Response.ok(linkset(anchor, r.certificates()), LINKSET).header("Link", linksetLink)
                    .header(HttpHeaders.CACHE_CONTROL, "no-cache").build();
        }
        if ("gs1:certificationInfo".equals(linkType) || CERTIFICATION_INFO.equals(linkType)) {
            CertificateView current = r.certificates().stream().filter(CertificateView::markUsable).findFirst()
                    .orElse(r.certificates().isEmpty() ? null : r.certificates().get(0));
            if (current == null || current.qrUrl() == null) throw new NotFound("No certificate for GTIN " + path.gtin14());
            // 307 keeps the method, as GS1 resolvers answer a request for one link type (Digital Link 1.4 §7.4).
            return Response.temporaryRedirect(URI.create(current.qrUrl())).header("Link", linksetLink).build();
        }
        if (linkType != null) throw InvalidInput.field("linkType", "must be linkset, all or gs1:certificationInfo");
        Lang l = Lang.choose(lang, acceptLanguage);
        Msg m = messages.of(l);
        List<Row> rows = r.certificates().stream().map(c -> new Row(c, m.status(c.status()),
                c.qrUrl() == null ? null : c.qrUrl() + "?lang=" + l.param())).toList();
        TemplateInstance html = Templates.digitalLink(l, null, path.gtin14(), path.serialNumber().orElse(null),
                r.products().get(0), rows, anchor + "?linkType=linkset");
        return Response.fromResponse(Pages.html(html, l)).header("Link", linksetLink).header(HttpHeaders.CACHE_CONTROL, "no-cache").build();
    }

    /** One certificate on the page. */
    @io.quarkus.qute.TemplateData
    public record Row(CertificateView c, String statusText, String verifyHref) {}

    /** RFC 9264 §4.2: one link context object, its link relations keyed by relation type URI. */
    private String linkset(String anchor, List<CertificateView> certs) {
        List<Map<String, Object>> info = new ArrayList<>();
        List<Map<String, Object>> verify = new ArrayList<>();
        String base = config.publicBaseUrl().replaceAll("/+$", "");
        for (CertificateView c : certs) {
            if (c.qrUrl() == null) continue;
            String token = c.qrUrl().substring(c.qrUrl().lastIndexOf('/') + 1);
            Map<String, Object> page = new LinkedHashMap<>();
            page.put("href", c.qrUrl());
            page.put("title", "深圳标准认证证书 " + c.number() + " (" + c.status().name().toLowerCase(java.util.Locale.ROOT) + ")");
            page.put("type", "text/html");
            page.put("hreflang", List.of("zh-CN", "en"));
            info.add(page);
            Map<String, Object> api = new LinkedHashMap<>();
            api.put("href", base + "/api/v1/verify/" + token);
            api.put("title", "Verification of certificate " + c.number());
            api.put("type", "application/json");
            verify.add(api);
        }
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("anchor", anchor);
        context.put(CERTIFICATION_INFO, info);
        context.put(VERIFICATION_SERVICE, verify);
        if (!info.isEmpty()) context.put(DEFAULT_LINK, List.of(info.get(0)));
        try {
            return json.writeValueAsString(Map.of("linkset", List.of(context)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the linkset", e);
        }
    }
}
