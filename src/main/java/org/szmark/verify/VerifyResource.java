package org.szmark.verify;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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
import java.util.function.UnaryOperator;
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
import org.szmark.web.Messages;
import org.szmark.web.Msg;
import org.szmark.web.Pages;

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
    @Inject Messages messages;
    @Inject KeyMaterial keys;

    @CheckedTemplate(basePath = "pages")
    static class Templates {
        static native TemplateInstance verify(Lang lang, String switchHref, VerifyPage p);
    }

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
        Msg m = messages.of(l);
        // The template is parsed once at build; a cached verification renders it and splices in the time.
        String html = verification.verifyPage(token, l.name(),
                v -> Pages.render(Templates.verify(l, null, model(v, m, l, token)), l),
                at -> times.element(at, m));
        Response r = Pages.html(html, l);
        return Response.fromResponse(r).header(HttpHeaders.CACHE_CONTROL, "no-cache, max-age=0").build();
    }

    private VerifyPage model(Verification v, Msg m, Lang l, String token) {
        String verdict = v.verdict().name();
        List<Row> bound = new ArrayList<>();
        List<HistoryRow> history = new ArrayList<>();
        CertificateView c = v.certificate();
        if (c != null) {
            bound.add(new Row(m.verifyNumber(), c.number(), "f-number"));
            bound.add(new Row(m.verifyBody(), both(c.issuer().nameZh(), c.issuer().nameEn()) + " (" + c.issuer().approvalNumber() + ")", "f-body"));
            // The holder, product and standard as signed; where the registry holds other data now, a note says so.
            Party h = c.holder();
            RegisteredNow hn = h.registeredNow() == null ? NONE : h.registeredNow();
            bound.add(names(m.verifyHolder(), h.nameZh(), h.nameEn(), "f-holder", m::signedNowName, hn));
            optional(bound, m.verifyAddress(), h.address(), "f-address", m::signedNowAddress, hn.address());
            bound.add(new Row(m.verifyCreditcode(), h.creditCode(), "f-credit-code"));
            ProductView p = c.product();
            RegisteredNow pn = p.registeredNow() == null ? NONE : p.registeredNow();
            bound.add(names(m.verifyProduct(), p.nameZh(), p.nameEn(), "f-product", m::signedNowProduct, pn));
            optional(bound, m.verifyModel(), p.model(), "f-model", m::signedNowModel, pn.model());
            optional(bound, m.verifyTrademark(), p.trademark(), "f-trademark", m::signedNowTrademark, pn.trademark());
            RegisteredNow sn = c.standard().registeredNow() == null ? NONE : c.standard().registeredNow();
            bound.add(new Row(m.verifyStandard(), c.standard().number() + " " + c.standard().titleZh(), "f-standard",
                    sn.titleZh() == null ? null : m.signedNowTitle(orDash(RegisteredNow.now(c.standard().titleZh(), sn.titleZh())))));
            bound.add(new Row(m.verifyScope(), c.scope(), "f-scope"));
            bound.add(new Row(m.verifySite(), c.productionSite().address(), "f-site"));
            bound.add(new Row(m.verifyIssued(), c.issueDate().toString(), "f-issued"));
            bound.add(new Row(m.verifyExpires(), c.expiryDate().toString(), "f-expires"));
            bound.add(new Row(m.verifyFirstissued(), c.firstIssueDate().toString(), "f-first-issued"));
            for (EventView e : c.history()) {
                history.add(new HistoryRow(times.date(e.effectiveAt()).toString(), m.event(e.event()),
                        e.reasonCode() == null ? null : Reasons.sentence(m, e.reasonCode(), null), e.reasonText()));
            }
        }
        List<Row> claims = new ArrayList<>();
        if (v.claims() != null && c == null) {
            claims.add(new Row(m.verifyNumber(), v.claims().certificateNumber(), "c-number"));
            claims.add(new Row(m.verifyCreditcode(), v.claims().creditCode(), "c-credit-code"));
            claims.add(new Row(m.verifyStandard(), v.claims().standardNumber(), "c-standard"));
            claims.add(new Row(m.verifyExpires(), v.claims().expiryDate().toString(), "c-expires"));
        }
        String logText = null;
        if (v.log() != null) {
            logText = m.verifyLogEntry() + " " + v.log().index() + ", "
                    + (v.log().inclusionVerified() ? m.verifyLogVerified()
                    : v.log().checkpointSize() == null ? m.verifyLogPending() : m.verifyLogFailed());
        }
        String shownToken = token == null ? "" : token.length() > VerificationService.MAX_TOKEN_INPUT ? "" : token;
        VerifyPage.Successor successor = null;
        if (v.successor() != null) {
            Verification.Successor n = v.successor();
            successor = new VerifyPage.Successor(n.number(), n.verdict().name(), m.verdict(n.verdict()),
                    withLang(n.url(), l));
        }
        VerifyPage.Help help = null;
        if (!v.genuine()) {
            String claimed = v.claims() == null ? null : v.claims().certificateNumber();
            help = new VerifyPage.Help(config.pages().complaintLine(), claimed,
                    claimed == null ? null : "/search?q=" + URLEncoder.encode(claimed, StandardCharsets.UTF_8) + "&lang=" + l.param());
        }
        boolean bodyStatement = v.reasonCode() != null && v.reasonCode().startsWith("BODY_");
        return new VerifyPage(verdict, m.verdict(v.verdict()), m.verdictHint(v.verdict()),
                v.verdict() == Verdict.VALID ? null : Reasons.sentence(m, v.reasonCode(), c == null ? null : c.expiryDate()),
                bodyStatement ? m.verifyStatementAuthority() : m.verifyStatement(), v.statement(),
                v.suspendedUntil() == null ? null : v.suspendedUntil().toString(), successor, help, times.element(v.asOf(), m),
                bound, bound.stream().anyMatch(r -> r.note() != null) ? m.signedDiffers() : null,
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


    private static final RegisteredNow NONE = new RegisteredNow(null, null, null, null, null, null, null);

    /** The signed Chinese and English names, with a note giving both registered names if either differs now. */
    private static Row names(String label, String zh, String en, String id, UnaryOperator<String> note, RegisteredNow now) {
        return new Row(label, both(zh, en), id, now.nameZh() == null && now.nameEn() == null ? null
                : note.apply(orDash(both(RegisteredNow.now(zh, now.nameZh()), RegisteredNow.now(en, now.nameEn())))));
    }

    /**
     * A row for a member the record may leave out: shown when the record has it or the registry holds one
     * now, with a note when the two differ ({@code now} is the {@link RegisteredNow} member; {@code note}
     * words "registered … now: …", a value removed since signing showing as a dash).
     */
    private static void optional(List<Row> rows, String label, String signed, String id, UnaryOperator<String> note, String now) {
        if (signed == null && now == null) return;
        rows.add(new Row(label, orDash(signed), id, now == null ? null : note.apply(orDash(RegisteredNow.now(signed, now)))));
    }
}
