package org.szmark.verify;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.szmark.apidoc.ApiDocument;
import org.szmark.certificate.CertificateViews.CertificateView;
import org.szmark.certificate.CertificateViews.EventView;
import org.szmark.certificate.CertificateViews.Party;
import org.szmark.certificate.CertificateViews.ProductView;
import org.szmark.certificate.CertificateViews.RegisteredNow;
import org.szmark.keys.KeyMaterial;
import org.szmark.verify.VerifyPage.HistoryRow;
import org.szmark.verify.VerifyPage.Row;
import org.szmark.config.SzmarkConfig;
import org.szmark.web.Lang;
import org.szmark.web.PageTimes;
import org.szmark.web.Pages;
import org.szmark.web.Texts;

/**
 * Where a scanned label lands. The page and the JSON give the same verdict; neither is ever cached
 * stale (a suspension shows on the very next scan), and neither answers bad tokens with an error page.
 */
@Path("/{prefix: v|V}")
@Tag(name = ApiDocument.PAGES)
public class VerifyResource {

    @Inject VerificationService verification;
    @Inject PageTimes times;
    @Inject SzmarkConfig config;
    @Inject Texts texts;
    @Inject KeyMaterial keys;
    @Inject @Location("pages/verify.html") Template page;

    /** The label URL is upper case ({@code /V/}); people typing it may use lower case. */
    @GET
    @Path("{token}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "verificationPage", summary = "Verification page a scanned label opens", description = """
            Anyone, never cached. `/V/<token>` as printed in the QR code (`/v/` also works, for people typing it): \
            the verdict on the label for a person holding the product, in Chinese or English. The same verdict as \
            JSON: GET /api/v1/verify/{token}.""")
    public Response page(@PathParam("token") String token, @QueryParam("lang") String lang,
                         @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept) {
        Lang l = Lang.choose(lang, accept);
        Map<String, String> t = texts.of(l);
        String html = verification.verifyPage(token, l.name(),
                v -> page.data("lang", l).data("t", t).data("switchHref", null).data("p", model(v, t, l, token)).render(),
                at -> times.element(at, t));
        Response r = Pages.html(html, l);
        return Response.fromResponse(r).header(HttpHeaders.CACHE_CONTROL, "no-cache, max-age=0").build();
    }

    private VerifyPage model(Verification v, Map<String, String> t, Lang l, String token) {
        String verdict = v.verdict().name();
        List<Row> bound = new ArrayList<>();
        List<HistoryRow> history = new ArrayList<>();
        CertificateView c = v.certificate();
        if (c != null) {
            bound.add(new Row(t.get("verify.number"), c.number(), "f-number"));
            bound.add(new Row(t.get("verify.body"), both(c.issuer().nameZh(), c.issuer().nameEn()) + " (" + c.issuer().approvalNumber() + ")", "f-body"));
            // The holder, product and standard as signed; where the registry holds other data now, a note says so.
            Party h = c.holder();
            RegisteredNow hn = h.registeredNow() == null ? NONE : h.registeredNow();
            bound.add(names(t, "verify.holder", h.nameZh(), h.nameEn(), "f-holder", "signed.now.name", hn));
            optional(bound, t, "verify.address", h.address(), "f-address", "signed.now.address", hn.address());
            bound.add(new Row(t.get("verify.creditcode"), h.creditCode(), "f-credit-code"));
            ProductView p = c.product();
            RegisteredNow pn = p.registeredNow() == null ? NONE : p.registeredNow();
            bound.add(names(t, "verify.product", p.nameZh(), p.nameEn(), "f-product", "signed.now.product", pn));
            optional(bound, t, "verify.model", p.model(), "f-model", "signed.now.model", pn.model());
            optional(bound, t, "verify.trademark", p.trademark(), "f-trademark", "signed.now.trademark", pn.trademark());
            RegisteredNow sn = c.standard().registeredNow() == null ? NONE : c.standard().registeredNow();
            bound.add(new Row(t.get("verify.standard"), c.standard().number() + " " + c.standard().titleZh(), "f-standard",
                    sn.titleZh() == null ? null : note(t, "signed.now.title", RegisteredNow.now(c.standard().titleZh(), sn.titleZh()))));
            bound.add(new Row(t.get("verify.scope"), c.scope(), "f-scope"));
            bound.add(new Row(t.get("verify.site"), c.productionSite().address(), "f-site"));
            bound.add(new Row(t.get("verify.issued"), c.issueDate().toString(), "f-issued"));
            bound.add(new Row(t.get("verify.expires"), c.expiryDate().toString(), "f-expires"));
            bound.add(new Row(t.get("verify.firstissued"), c.firstIssueDate().toString(), "f-first-issued"));
            for (EventView e : c.history()) {
                history.add(new HistoryRow(times.date(e.effectiveAt()).toString(), t.get("verify.event." + e.event().name()),
                        e.reasonCode() == null ? null : Reasons.sentence(t, e.reasonCode(), null), e.reasonText()));
            }
        }
        List<Row> claims = new ArrayList<>();
        if (v.claims() != null && c == null) {
            claims.add(new Row(t.get("verify.number"), v.claims().certificateNumber(), "c-number"));
            claims.add(new Row(t.get("verify.creditcode"), v.claims().creditCode(), "c-credit-code"));
            claims.add(new Row(t.get("verify.standard"), v.claims().standardNumber(), "c-standard"));
            claims.add(new Row(t.get("verify.expires"), v.claims().expiryDate().toString(), "c-expires"));
        }
        String logText = null;
        if (v.log() != null) {
            logText = t.get("verify.log.entry") + " " + v.log().index() + ", "
                    + (v.log().inclusionVerified() ? t.get("verify.log.verified")
                    : v.log().checkpointSize() == null ? t.get("verify.log.pending") : t.get("verify.log.failed"));
        }
        String shownToken = token == null ? "" : token.length() > VerificationService.MAX_TOKEN_INPUT ? "" : token;
        VerifyPage.Successor successor = null;
        if (v.successor() != null) {
            Verification.Successor n = v.successor();
            successor = new VerifyPage.Successor(n.number(), n.verdict().name(), t.get("verify.verdict." + n.verdict().name()),
                    withLang(n.url(), l));
        }
        VerifyPage.Help help = null;
        if (!v.genuine()) {
            String claimed = v.claims() == null ? null : v.claims().certificateNumber();
            help = new VerifyPage.Help(config.pages().complaintLine(), claimed,
                    claimed == null ? null : "/search?q=" + URLEncoder.encode(claimed, StandardCharsets.UTF_8) + "&lang=" + l.param());
        }
        boolean bodyStatement = v.reasonCode() != null && v.reasonCode().startsWith("BODY_");
        return new VerifyPage(verdict, t.get("verify.verdict." + verdict), t.get("verify.hint." + verdict),
                v.verdict() == Verdict.VALID ? null : Reasons.sentence(t, v.reasonCode(), c == null ? null : c.expiryDate()),
                t.get(bodyStatement ? "verify.statement.authority" : "verify.statement"), v.statement(),
                v.suspendedUntil() == null ? null : v.suspendedUntil().toString(), successor, help, times.element(v.asOf(), t),
                bound, bound.stream().anyMatch(r -> r.note() != null) ? t.get("signed.differs") : null,
                claims, history, logText, shownToken, Base64.getEncoder().encodeToString(keys.authorityPublicKey()),
                config.demo(), reportHref(token, l));
    }

    /** The report form of this label; a text that is no token's spelling gets no link built from it. */
    public static String reportHref(String token, Lang l) {
        return tokenSpelling(token) ? "/V/" + token + "/report?lang=" + l.param() : "/search?lang=" + l.param();
    }

    /** Whether a text may be a label token as printed (ASCII letters and digits, not too long): safe in a path. */
    public static boolean tokenSpelling(String token) {
        return token != null && !token.isEmpty() && token.length() <= VerificationService.MAX_TOKEN_INPUT
                && token.chars().allMatch(ch -> ch < 128 && Character.isLetterOrDigit(ch));
    }

    /** A link to another verification page in the language of this one. */
    private static String withLang(String url, Lang l) {
        if (url == null) return null;
        return url + (url.contains("?") ? "&" : "?") + "lang=" + l.param();
    }

    private static String both(String zh, String en) {
        return en == null || en.isBlank() ? zh : zh + " / " + en;
    }

    private static String orDash(String s) {
        return s == null ? "—" : s;
    }

    /** "registered name now: …" and the like; a value removed since signing shows as a dash. */
    private static String note(Map<String, String> t, String key, String now) {
        return t.get(key).replace("{0}", orDash(now));
    }

    private static final RegisteredNow NONE = new RegisteredNow(null, null, null, null, null, null, null);

    /** The signed Chinese and English names, with a note giving both registered names if either differs now. */
    private static Row names(Map<String, String> t, String label, String zh, String en, String id, String noteKey, RegisteredNow now) {
        return new Row(t.get(label), both(zh, en), id, now.nameZh() == null && now.nameEn() == null ? null
                : note(t, noteKey, both(RegisteredNow.now(zh, now.nameZh()), RegisteredNow.now(en, now.nameEn()))));
    }

    /**
     * A row for a member the record may leave out: shown when the record has it or the registry holds one
     * now, with a note when the two differ ({@code now} is the {@link RegisteredNow} member).
     */
    private static void optional(List<Row> rows, Map<String, String> t, String label, String signed, String id,
                                 String noteKey, String now) {
        if (signed == null && now == null) return;
        rows.add(new Row(t.get(label), orDash(signed), id,
                now == null ? null : note(t, noteKey, RegisteredNow.now(signed, now))));
    }
}
