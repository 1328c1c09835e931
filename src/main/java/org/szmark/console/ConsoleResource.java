package org.szmark.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.szmark.account.Actor;
import org.szmark.account.CurrentActor;
import org.szmark.account.Role;
import org.szmark.apidoc.ApiDocument;
import org.szmark.certificate.CertificateStatus;
import org.szmark.certificate.CertificateViews.CertificateView;
import org.szmark.certificate.CertificateViews.EventView;
import org.szmark.certificate.StatusChange;
import org.szmark.common.DomainException;
import org.szmark.common.PageView;
import org.szmark.console.ConsoleForms.IssueForm;
import org.szmark.console.ConsoleForms.StatusForm;
import org.szmark.surveillance.AuditResult;
import org.szmark.surveillance.SurveillanceViews.Action;
import org.szmark.surveillance.SurveillanceViews.ActionItem;
import org.szmark.surveillance.SurveillanceViews.ApplyResult;
import org.szmark.surveillance.SurveillanceViews.SurveillanceAuditView;
import org.szmark.web.Lang;
import org.szmark.web.Pages;

/**
 * The certification body's console: the pages a body's staff use instead of the API. Every page is the
 * caller's own body only; every write goes through the same services as the API (signed, logged, audited),
 * and every form carries a key of its own so that submitting it twice changes nothing twice.
 */
// Rooted at "/" like the other page resources: a root of "/console" would be the best match for /console/account
// too and hide the sign-in's account pages there (JAX-RS matches the root path first).
@Path("/")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.CERTIFIER_ROLE)
@Tag(name = ApiDocument.PAGES)
public class ConsoleResource {

    @Inject CurrentActor current;
    @Inject io.quarkus.security.identity.SecurityIdentity identity;
    @Inject org.szmark.signin.FormTokens tokens;
    @Inject ConsoleService console;
    @Inject ConsoleForms forms;
    @Inject @Location("console/dashboard.html") Template dashboardPage;
    @Inject @Location("console/certificates.html") Template listPage;
    @Inject @Location("console/certificate.html") Template certificatePage;
    @Inject @Location("console/issue.html") Template issuePage;
    @Inject @Location("console/change.html") Template changePage;
    @Inject @Location("console/refused.html") Template refusedPage;
    @Inject @Location("console/actions.html") Template actionsPage;
    @Inject @Location("console/audits.html") Template auditsPage;
    @Inject @Location("console/import.html") Template importPage;
    @Inject @Location("console/import-job.html") Template importJobPage;
    @Inject ConsoleImports imports;

    private Actor me() {
        return current.get();
    }

    /** The signed-in person's session, or null for a caller with an API token (whose requests no other site can make). */
    private org.szmark.signin.StaffSignIn session() {
        return identity.isAnonymous() ? null : identity.getAttribute(org.szmark.signin.StaffSignIn.ATTRIBUTE);
    }

    /**
     * A form posted in a session must carry the token its page was served with (FormTokens): only a page the
     * registry served to that session knows it. Checked before anything else is read from the form.
     */
    private void checkForm(String token) {
        var s = session();
        if (s != null && !tokens.valid(s.secret(), token)) {
            throw new org.szmark.account.NotPermitted("form-expired", "This form was not served in your session (or the session"
                    + " changed); open the page again and send it from there");
        }
    }

    private TemplateInstance page(Template t, Lang lang, String here) {
        Actor a = me();
        var s = session();
        return t.data("csrf", s == null ? null : tokens.of(s.secret())).data("lang", lang).data("switchHref", null).data("userName", a.name()).data("body", console.bodyOf(a))
                .data("here", here).setLocale(lang.locale);
    }

    private Response html(TemplateInstance page, Lang lang) {
        return Pages.html(page, lang);
    }

    private static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @GET
    @Path("console")
    @Operation(hidden = true)
    public Response dashboard(@QueryParam("lang") String l, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String al) {
        Lang lang = Lang.choose(l, al);
        Actor a = me();
        return html(page(dashboardPage, lang, "dashboard").data("d", console.dashboard(a)).data("c", console.candidates(a))
                .data("formKey", ConsoleForms.newKey()), lang);
    }

    /** Every audit due within the window or overdue, most urgent first. */
    @GET
    @Path("console/audits")
    @Operation(hidden = true)
    public Response audits(@QueryParam("lang") String l, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String al) {
        Lang lang = Lang.choose(l, al);
        return html(page(auditsPage, lang, "audits").data("due", console.auditsDue(me())), lang);
    }

    @GET
    @Path("console/certificates")
    @Operation(hidden = true)
    public Response list(@QueryParam("q") String text, @QueryParam("status") String status, @QueryParam("mine") String mine,
                         @QueryParam("page") String page, @QueryParam("lang") String l,
                         @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String al) {
        Lang lang = Lang.choose(l, al);
        ConsoleService.ListFilter f = ConsoleService.ListFilter.of(text, status, mine, page);
        PageView<ConsoleService.Row> rows = console.list(me(), f);
        Integer previous = rows.page() > 0 ? rows.page() - 1 : null;
        Integer next = (long) (rows.page() + 1) * rows.size() < rows.total() ? rows.page() + 1 : null;
        return html(page(listPage, lang, "certificates").data("rows", rows).data("f", f).data("previous", previous)
                .data("next", next).data("statuses", CertificateStatus.values()), lang);
    }

    @GET
    @Path("console/certificates.csv")
    @Produces("text/csv")
    @Operation(hidden = true)
    public Response export(@QueryParam("q") String text, @QueryParam("status") String status, @QueryParam("mine") String mine) {
        ConsoleService.ListFilter f = ConsoleService.ListFilter.of(text, status, mine, "0");
        byte[] csv = console.export(me(), f);
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"certificates.csv\"").build();
    }

    @GET
    @Path("console/certificates/{number}")
    @Operation(hidden = true)
    public Response certificate(@PathParam("number") String number, @QueryParam("event") Integer event,
                                @QueryParam("audited") Long audited, @QueryParam("lang") String l,
                                @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String al) {
        Lang lang = Lang.choose(l, al);
        CertificateView c = console.certificate(me(), number);
        EventView shown = null;
        if (event != null) {
            for (EventView e : c.history()) if (e.seq() == event) shown = e;
        }
        List<SurveillanceAuditView> audits = console.audits(me(), c.number());
        return html(page(certificatePage, lang, "certificates").data("c", c).data("shown", shown).data("audits", audits)
                .data("audited", audited).data("actions", ConsoleForms.actionsFor(c.status()))
                .data("auditResults", AuditResult.values()).data("today", console.today())
                .data("formKey", ConsoleForms.newKey()), lang);
    }

    /** The form of one status change, stating what it will do before it is done. */
    @GET
    @Path("console/certificates/{number}/{action:suspend|reinstate|revoke|cancel}")
    @Operation(hidden = true)
    public Response changeForm(@PathParam("number") String number, @PathParam("action") String action,
                               @QueryParam("lang") String l, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String al) {
        Lang lang = Lang.choose(l, al);
        CertificateView c = console.certificate(me(), number);
        StatusChange change = ConsoleForms.change(action);
        return html(changeForm(lang, c, change, StatusForm.blank(c, ConsoleForms.newKey()), List.of()), lang);
    }

    private TemplateInstance changeForm(Lang lang, CertificateView c, StatusChange change, StatusForm form, List<String> errors) {
        return page(changePage, lang, "certificates").data("c", c).data("change", change)
                .data("action", ConsoleForms.action(change)).data("reasons", ConsoleForms.reasonsFor(change))
                .data("form", form).data("errors", errors).data("maxUntil", console.latestSuspensionEnd());
    }

    @POST
    @Path("console/certificates/{number}/{action:suspend|reinstate|revoke|cancel}")
    @Operation(hidden = true)
    public Response change(@PathParam("number") String number, @PathParam("action") String action,
                           @RestForm("csrf-token") String csrf,
                           @RestForm String reasonCode, @RestForm String reasonText, @RestForm String suspendedUntil,
                           @RestForm String expectedSeq, @RestForm String confirm, @RestForm String formKey,
                           @RestForm String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String al) {
        checkForm(csrf);
        Lang lg = Lang.choose(lang, al);
        Actor a = me();
        CertificateView c = console.certificate(a, number);
        StatusChange change = ConsoleForms.change(action);
        StatusForm form = new StatusForm(reasonCode, reasonText, suspendedUntil, expectedSeq, confirm, formKey);
        List<String> errors = forms.check(form, change);
        if (!errors.isEmpty()) {
            return Response.status(400).entity(changeForm(lg, c, change, form, errors).render())
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
        try {
            int seq = console.change(a, c.number(), change, form);
            return seeOther("/console/certificates/" + q(c.number()) + "?event=" + seq + "&lang=" + lg.param());
        } catch (DomainException e) {
            return refused(lg, e, "/console/certificates/" + q(c.number()) + "?lang=" + lg.param());
        }
    }

    private Response refused(Lang lang, DomainException e, String back) {
        return Response.status(e.status()).entity(page(refusedPage, lang, "certificates").data("problem", ConsoleForms.problem(e))
                .data("back", back).render()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    @POST
    @Path("console/certificates/{number}/audits")
    @Operation(hidden = true)
    public Response audit(@PathParam("number") String number, @RestForm("csrf-token") String csrf, @RestForm String auditedOn, @RestForm String result,
                          @RestForm String notes, @RestForm String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String al) {
        checkForm(csrf);
        Lang lg = Lang.choose(lang, al);
        Actor a = me();
        CertificateView c = console.certificate(a, number);
        String back = "/console/certificates/" + q(c.number()) + "?lang=" + lg.param();
        try {
            long id = console.recordAudit(a, c.number(), auditedOn, result, notes);
            return seeOther(back + "&audited=" + id);
        } catch (DomainException e) {
            return refused(lg, e, back);
        }
    }

    @GET
    @Path("console/issue")
    @Operation(hidden = true)
    public Response issueForm(@QueryParam("renew") String renew, @QueryParam("lang") String l,
                              @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String al) {
        Lang lang = Lang.choose(l, al);
        Actor a = me();
        IssueForm form = renew == null || renew.isBlank() ? IssueForm.blank(console.today())
                : IssueForm.renewing(console.certificate(a, renew), console.today());
        return html(issueForm(lang, a, form, null), lang);
    }

    private TemplateInstance issueForm(Lang lang, Actor a, IssueForm form, ConsoleForms.Refusal refusal) {
        return page(issuePage, lang, "issue").data("form", form.withKey()).data("refusal", refusal)
                .data("holders", console.holders(a)).data("standards", console.eligibleStandards())
                .data("products", console.productsOf(form.holder()))
                .data("defaultExpiry", console.defaultExpiry(form.issueDate())).data("maxYears", console.maxValidityYears());
    }

    @POST
    @Path("console/issue")
    @Operation(hidden = true)
    public Response issue(@RestForm("csrf-token") String csrf, @RestForm String formKey, @RestForm String number, @RestForm String holder,
                          @RestForm String productModel, @RestForm String standard, @RestForm String scope,
                          @RestForm String certificationMode, @RestForm String siteName, @RestForm String siteAddress,
                          @RestForm String issueDate, @RestForm String expiryDate, @RestForm String predecessor,
                          @RestForm String newHolder, @RestForm String holderNameZh, @RestForm String holderNameEn,
                          @RestForm String holderAddressZh, @RestForm String newProduct, @RestForm String productNameZh,
                          @RestForm String productNameEn, @RestForm String productTrademark, @RestForm String productGtin,
                          @RestForm String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String al) {
        checkForm(csrf);
        Lang lg = Lang.choose(lang, al);
        Actor a = me();
        IssueForm form = new IssueForm(formKey, number, holder, productModel, standard, scope, certificationMode, siteName,
                siteAddress, issueDate, expiryDate, predecessor, "on".equals(newHolder), holderNameZh, holderNameEn,
                holderAddressZh, "on".equals(newProduct), productNameZh, productNameEn, productTrademark, productGtin);
        try {
            String issued = console.issue(a, form);
            return seeOther("/console/certificates/" + q(issued) + "?event=1&lang=" + lg.param());
        } catch (DomainException e) {
            return Response.status(e.status()).entity(issueForm(lg, a, form, ConsoleForms.problem(e)).render())
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
    }

    /** Products of one holder, for the issue form's picker (console.js); the caller's view, as the API's. */
    @GET
    @Path("console/lookup/products")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public List<Map<String, String>> products(@QueryParam("holder") String holder) {
        List<Map<String, String>> out = new ArrayList<>();
        for (var p : console.productsOf(holder)) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("model", p.model());
            m.put("name", p.name());
            out.add(m);
        }
        return out;
    }

    /** The scheme rules' actions the staff chose on the dashboard, each re-checked as it is applied. */
    @POST
    @Path("console/actions")
    @Operation(hidden = true)
    public Response applyActions(@RestForm("csrf-token") String csrf, @RestForm("pick") List<String> picks, @RestForm String reasonText, @RestForm String formKey,
                                 @RestForm String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String al) {
        checkForm(csrf);
        Lang lg = Lang.choose(lang, al);
        Actor a = me();
        List<ActionItem> items = new ArrayList<>();
        for (String p : picks == null ? List.<String>of() : picks) {
            int colon = p.indexOf(':');
            if (colon < 0) continue;
            try {
                items.add(new ActionItem(p.substring(colon + 1), Action.valueOf(p.substring(0, colon))));
            } catch (IllegalArgumentException ignored) {
                // not one of ours: left out, and the page says nothing was chosen if none is left
            }
        }
        if (items.isEmpty()) return seeOther("/console?lang=" + lg.param());
        try {
            ApplyResult r = console.apply(a, items, reasonText, formKey);
            return html(page(actionsPage, lg, "dashboard").data("r", r), lg);
        } catch (DomainException e) {
            return refused(lg, e, "/console?lang=" + lg.param());
        }
    }

    @GET
    @Path("console/import")
    @Operation(hidden = true)
    public Response importForm(@QueryParam("lang") String l, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String al) {
        Lang lang = Lang.choose(l, al);
        return html(page(importPage, lang, "import").data("recent", imports.recent(me())).data("refusal", null), lang);
    }

    /** A file from the upload form: read at once (a file refused as a whole is shown on the form), then a job. */
    @POST
    @Path("console/import")
    @Operation(hidden = true)
    public Response importFile(@RestForm("csrf-token") String csrf, @RestForm("file") org.jboss.resteasy.reactive.multipart.FileUpload file, @RestForm String dryRun,
                               @RestForm String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String al) {
        checkForm(csrf);
        Lang lg = Lang.choose(lang, al);
        Actor a = me();
        try {
            String id = imports.start(a, file, "on".equals(dryRun));
            return seeOther("/console/import/" + id + "?lang=" + lg.param());
        } catch (DomainException e) {
            return Response.status(e.status()).entity(page(importPage, lg, "import").data("recent", imports.recent(a))
                    .data("refusal", ConsoleForms.problem(e)).setLocale(lg.locale).render())
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
    }

    @GET
    @Path("console/import/{id}")
    @Operation(hidden = true)
    public Response importJob(@PathParam("id") String id, @QueryParam("lang") String l,
                              @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String al) {
        Lang lang = Lang.choose(l, al);
        var job = imports.job(me(), id);
        Response r = html(page(importJobPage, lang, "import").data("job", job), lang);
        boolean running = "QUEUED".equals(job.status()) || "RUNNING".equals(job.status());
        // While it runs the page reloads itself, so the progress moves without any script.
        return running ? Response.fromResponse(r).header("Refresh", "1").build() : r;
    }

    @GET
    @Path("console/import/{id}/errors.csv")
    @Produces("text/csv")
    @Operation(hidden = true)
    public Response importErrors(@PathParam("id") String id) {
        return Response.ok(imports.errorsCsv(me(), id), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"import-" + id + "-errors.csv\"").build();
    }
}
