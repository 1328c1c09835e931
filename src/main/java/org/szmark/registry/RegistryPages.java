package org.szmark.registry;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
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
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.szmark.apidoc.ApiDocument;
import org.szmark.body.BodyService;
import org.szmark.body.CertificationBody;
import org.szmark.certificate.CertificateRepository;
import org.szmark.certificate.CertificateResource;
import org.szmark.certificate.CertificateService;
import org.szmark.certificate.CertificateStatus;
import org.szmark.certificate.CertificateViewer;
import org.szmark.certificate.CertificateViews.CertificateView;
import org.szmark.certificate.CertificateViews.RegisteredNow;
import org.szmark.common.InvalidInput;
import org.szmark.common.NotFound;
import org.szmark.common.PageRequest;
import org.szmark.common.PageView;
import org.szmark.config.SzmarkConfig;
import org.szmark.enterprise.Enterprise;
import org.szmark.enterprise.EnterpriseService;
import org.szmark.keys.BodyKey;
import org.szmark.keys.BodyKeyService;
import org.szmark.limits.SearchGate;
import org.szmark.standard.StandardService;
import org.szmark.standard.StandardViews.StandardView;
import org.szmark.web.Lang;
import org.szmark.web.Messages;
import org.szmark.web.Msg;
import org.szmark.web.Pages;

/** The public registry's pages: search, enterprise pages, the catalogue, the bodies and statistics. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Tag(name = ApiDocument.PAGES)
public class RegistryPages {

    @Inject CertificateService certificates;
    @Inject CertificateViewer viewer;
    @Inject EnterpriseService enterprises;
    @Inject BodyService bodies;
    @Inject BodyKeyService keys;
    @Inject StandardService standards;
    @Inject StatsService stats;
    @Inject SzmarkConfig config;
    @Inject SearchGate searches;
    @Inject Messages messages;

    @CheckedTemplate(basePath = "pages")
    static class Templates {
        static native TemplateInstance search(Lang lang, String switchHref, String q, String status, String body,
                                              List<CertificationBody> bodies, PageView<CertRow> results, List<Option> statuses,
                                              String resultsText, String prevHref, String nextHref);

        static native TemplateInstance enterprise(Lang lang, String switchHref, Enterprise enterprise, List<CertRow> rows);

        static native TemplateInstance standards(Lang lang, String switchHref, List<StandardView> standards);

        static native TemplateInstance bodies(Lang lang, String switchHref, List<BodyRow> rows);

        static native TemplateInstance stats(Lang lang, String switchHref, long total, String statusChart, String bodyChart,
                                             String standardChart, String monthChart, String changeChart,
                                             List<String> changeKinds, List<ChangeRow> changeRows);

        static native TemplateInstance notfound(Lang lang, String switchHref, String message, String hint, String value);
    }

    /**
     * A certificate as a row of a page. {@code c} shows the holder, product and standard as signed;
     * {@code holderNote} is set only where the holder's registered name now differs from the signed one:
     * on search results it gives the registered name, on the enterprise page (headed by the registered name)
     * the name on the certificate.
     */
    @TemplateData
    public record CertRow(CertificateView c, String statusText, String verifyHref, String enterpriseHref, String badgeSnippet,
                          String holderNote) {}

    @TemplateData
    public record BodyRow(CertificationBody body, String statusText, long total, long valid, List<KeyRow> keys) {}

    @TemplateData
    public record Option(String value, String label) {}

    @TemplateData
    public record KeyRow(String keyId, String from, String until, String state) {}

    @GET
    @Path("search")
    @Operation(operationId = "searchPage", summary = "Search page", description = """
            Anyone. Certificates found by number, enterprise name (Chinese or English, partial), credit code, product \
            or model, filterable by status and body; the JSON equivalent is GET /api/v1/certificates.""")
    public Response search(@QueryParam("q") String q, @QueryParam("status") String status, @QueryParam("body") String body,
                           @QueryParam("lang") String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept,
                           @BeanParam PageRequest p) {
        Lang l = Lang.choose(lang, accept);
        Msg m = messages.of(l);
        int pageNo = p.page();
        int pageSize = p.size();
        String text = q == null ? "" : q.trim();
        // A page never answers with an error for a search box: over-long text is cut, an unknown status ignored.
        if (text.length() > 200) text = text.substring(0, 200);
        CertificateStatus st;
        try {
            st = CertificateResource.parseStatus(status);
        } catch (InvalidInput e) {
            st = null;
        }
        Long bodyId = org.szmark.common.FilterIds.of(body, c -> bodies.get(c).id);
        PageView<CertRow> results = null;
        if (!text.isEmpty() || st != null || bodyId != null) {
            var filter = new CertificateRepository.Filter(st, bodyId, null, null, text, null);
            results = searches.run(() -> certificates.search(filter, pageNo, pageSize).map(c -> row(viewer.view(c, false), m, false)));
        }
        String query = "q=" + enc(text) + (st == null ? "" : "&status=" + st) + (body == null ? "" : "&body=" + enc(body));
        List<Option> statuses = java.util.Arrays.stream(CertificateStatus.values()).map(x -> new Option(x.name(), m.status(x))).toList();
        return Pages.html(Templates.search(l, "?" + query + "&lang=" + l.other().param(), text, st == null ? "" : st.name(),
                body == null ? "" : body, bodies.list(), results, statuses, results == null ? "" : m.searchResults(results.total()),
                results != null && pageNo > 0 ? "/search?" + query + "&page=" + (pageNo - 1) + "&lang=" + l.param() : null,
                results != null && (long) (pageNo + 1) * pageSize < results.total()
                        ? "/search?" + query + "&page=" + (pageNo + 1) + "&lang=" + l.param() : null), l);
    }

    @GET
    @Path("e/{creditCode}")
    @Operation(operationId = "enterprisePage", summary = "An enterprise's page", description = """
            Anyone. An enterprise's certificates with live status, their mark labels and a badge snippet to embed.""")
    public Response enterprise(@PathParam("creditCode") String code, @QueryParam("lang") String lang,
                               @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept) {
        Lang l = Lang.choose(lang, accept);
        Msg m = messages.of(l);
        Enterprise e;
        try {
            e = enterprises.get(code);
        } catch (NotFound nf) {
            return Response.fromResponse(Pages.html(Templates.notfound(l, null, m.enterpriseNotfound(), m.enterpriseNotfoundHint(), code), l))
                    .status(404).build();
        }
        List<CertRow> rows = certificates.search(new CertificateRepository.Filter(null, null, e.id, null, null,
                        CertificateResource.parseSort("-issueDate")), 0, 200).items().stream()
                .map(c -> row(viewer.view(c, false), m, true)).toList();
        return Pages.html(Templates.enterprise(l, null, e, rows), l);
    }

    @GET
    @Path("standards")
    @Operation(operationId = "standardsPage", summary = "Catalogue page", description = """
            Anyone. The standards eligible for the mark.""")
    public Response standards(@QueryParam("lang") String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept) {
        Lang l = Lang.choose(lang, accept);
        List<StandardView> eligible = new ArrayList<>();
        for (int pg = 0; ; pg++) {
            var batch = standards.search(null, null, null, true, pg, PageRequest.MAX_SIZE);
            batch.items().forEach(s -> eligible.add(StandardView.of(s, standards.today())));
            if ((long) (pg + 1) * PageRequest.MAX_SIZE >= batch.total()) break;
        }
        return Pages.html(Templates.standards(l, null, eligible), l);
    }

    @GET
    @Path("bodies")
    @Operation(operationId = "bodiesPage", summary = "Certification bodies page", description = """
            Anyone. The certification bodies with their keys and certificate counts.""")
    public Response bodies(@QueryParam("lang") String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept) {
        Lang l = Lang.choose(lang, accept);
        Msg m = messages.of(l);
        // One grouped count for all bodies and one read of all keys, not two counts and a key query per body
        // (two counts per body, each over that body's certificates, took 7 s at 200,000 certificates on H2).
        Map<Long, StatsService.BodyCounts> counts = searches.run(stats::countsByBody);
        Map<Long, List<BodyKey>> keysOf = new java.util.HashMap<>();
        for (BodyKey k : keys.all()) keysOf.computeIfAbsent(k.bodyId, id -> new ArrayList<>()).add(k);
        List<BodyRow> rows = new ArrayList<>();
        for (CertificationBody b : bodies.list()) {
            StatsService.BodyCounts c = counts.getOrDefault(b.id, StatsService.BodyCounts.NONE);
            List<KeyRow> keyRows = new ArrayList<>();
            for (BodyKey k : keysOf.getOrDefault(b.id, List.of())) {
                String state = k.compromisedAt != null ? m.bodiesKeyCompromised() + " " + k.compromisedAt.toLocalDate()
                        : k.revokedAt != null ? m.bodiesKeyRevoked()
                        : k.retiredAt != null ? m.bodiesKeyRetired() : m.bodiesKeyActive();
                keyRows.add(new KeyRow(k.keyId, k.notBefore.toLocalDate().toString(), k.notAfter.toLocalDate().toString(), state));
            }
            rows.add(new BodyRow(b, m.bodyStatus(b.status), c.total(), c.valid(), keyRows));
        }
        return Pages.html(Templates.bodies(l, null, rows), l);
    }

    @GET
    @Path("stats")
    @Operation(operationId = "statsPage", summary = "Statistics page", description = """
            Anyone. Certificates by status, body and month, with charts.""")
    public Response stats(@QueryParam("lang") String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept) {
        Lang l = Lang.choose(lang, accept);
        Msg m = messages.of(l);
        StatsService.Summary summary = searches.run(stats::summary);
        List<BarCharts.Bar> status = new ArrayList<>();
        long total = 0;
        for (var e : summary.byStatus().entrySet()) {
            status.add(new BarCharts.Bar(m.status(e.getKey()), e.getValue(), Badges.colour(e.getKey())));
            total += e.getValue();
        }
        List<BarCharts.Bar> byBody = summary.byBody().stream()
                .map(c -> new BarCharts.Bar(c.name(), c.count(), "#0a5cad")).toList();
        List<BarCharts.Bar> byStandard = summary.byStandard().stream().map(c -> new BarCharts.Bar(c.key(), c.count(), "#0a5cad")).toList();
        List<BarCharts.Bar> months = summary.issuedPerMonth().entrySet().stream()
                .map(e -> new BarCharts.Bar(e.getKey().toString(), e.getValue(), "#0a5cad")).toList();
        List<BarCharts.Bar> changes = summary.changesPerMonth().entrySet().stream()
                .map(e -> new BarCharts.Bar(e.getKey().toString(), e.getValue().values().stream().mapToLong(Long::longValue).sum(), "#59636e"))
                .toList();
        // The table details the months that had changes; the chart above shows every month, empty ones too.
        List<ChangeRow> changeRows = summary.changesPerMonth().entrySet().stream()
                .filter(e -> e.getValue().values().stream().anyMatch(v -> v > 0))
                .map(e -> new ChangeRow(e.getKey().toString(), List.copyOf(e.getValue().values()))).toList();
        List<String> kinds = java.util.Arrays.stream(org.szmark.certificate.StatusChange.values())
                .map(m::event).toList();
        return Pages.html(Templates.stats(l, null, total, BarCharts.render(m.statsBystatus(), status),
                BarCharts.render(m.statsBybody(), byBody), BarCharts.render(m.statsBystandard(), byStandard),
                BarCharts.render(m.statsBymonth(), months), BarCharts.render(m.statsChanges(), changes), kinds, changeRows), l);
    }

    /** One month of the changes table: the count of each kind of status event, in StatusChange order. */
    @io.quarkus.qute.TemplateData
    public record ChangeRow(String month, List<Long> counts) {}

    private CertRow row(CertificateView v, Msg m, boolean onEnterprisePage) {
        String base = config.publicBaseUrl().replaceAll("/+$", "");
        String verify = v.qrUrl() == null ? "/api/v1/certificates/" + v.number() : v.qrUrl();
        String snippet = "<a href=\"" + verify + "\"><img src=\"" + base + "/badge/" + v.number() + ".svg\" alt=\"深圳标准 Shenzhen Standard "
                + v.number() + "\" height=\"22\"></a>";
        RegisteredNow now = v.holder().registeredNow();
        String note = null;
        if (now != null && (now.nameZh() != null || now.nameEn() != null)) {
            note = onEnterprisePage ? m.signedOnCertificate(both(v.holder().nameZh(), v.holder().nameEn()))
                    : m.signedNowName(both(RegisteredNow.now(v.holder().nameZh(), now.nameZh()),
                            RegisteredNow.now(v.holder().nameEn(), now.nameEn())));
        }
        return new CertRow(v, m.status(v.status()), verify, "/e/" + v.holder().creditCode(), snippet, note);
    }

    private static String both(String zh, String en) {
        return en == null ? zh : zh + " / " + en;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
