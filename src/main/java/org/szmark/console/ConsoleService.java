package org.szmark.console;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.szmark.account.Actor;
import org.szmark.body.CertificationBody;
import org.szmark.certificate.Certificate;
import org.szmark.certificate.CertificateRepository;
import org.szmark.certificate.CertificateService;
import org.szmark.certificate.CertificateStatus;
import org.szmark.certificate.CertificateViewer;
import org.szmark.certificate.CertificateViews.CertificateView;
import org.szmark.certificate.CertificateViews.IssueRequest;
import org.szmark.certificate.CertificateViews.ProductionSite;
import org.szmark.certificate.CertificateViews.StatusRequest;
import org.szmark.certificate.Idempotency;
import org.szmark.certificate.StatusChange;
import org.szmark.common.Conflict;
import org.szmark.common.InvalidInput;
import org.szmark.common.NotFound;
import org.szmark.common.PageView;
import org.szmark.config.SzmarkConfig;
import org.szmark.enterprise.Enterprise;
import org.szmark.enterprise.EnterpriseService;
import org.szmark.enterprise.EnterpriseViews.EnterpriseRequest;
import org.szmark.enterprise.EnterpriseViews.ProductRequest;
import org.szmark.enterprise.Product;
import org.szmark.ident.IdentifierText;
import org.szmark.standard.Standard;
import org.szmark.standard.StandardService;
import org.szmark.surveillance.SurveillanceService;
import org.szmark.surveillance.SurveillanceViews.ActionItem;
import org.szmark.surveillance.SurveillanceViews.ApplyRequest;
import org.szmark.surveillance.SurveillanceViews.ApplyResult;
import org.szmark.surveillance.SurveillanceViews.AuditRequest;
import org.szmark.surveillance.SurveillanceViews.SurveillanceAuditView;
import org.szmark.surveillance.SurveillanceViews.Candidates;
import org.szmark.surveillance.SurveillanceViews.Dashboard;
import org.szmark.imports.ImportDocuments;

/**
 * What the console's pages read and do, always as the signed-in staff member of one body: reads are
 * limited to that body's certificates (another body's number is "not found", as in the API), writes go
 * through the API's services and under the form's own idempotency key.
 */
@ApplicationScoped
public class ConsoleService {

    /** Rows of the console's list per page, and most rows in one CSV export. */
    static final int PAGE_SIZE = 50;
    static final int EXPORT_LIMIT = 100_000;

    @Inject EntityManager em;
    @Inject CertificateService certificates;
    @Inject CertificateRepository repository;
    @Inject CertificateViewer viewer;
    @Inject SurveillanceService surveillance;
    @Inject EnterpriseService enterprises;
    @Inject StandardService standards;
    @Inject Idempotency idempotency;
    @Inject SzmarkConfig config;
    @Inject ConsoleForms forms;

    public record BodyInfo(String code, String nameZh, String nameEn, String status) {}

    public record Row(String number, CertificateStatus status, String holderCode, String holderName, String productModel,
                      String productName, String standard, LocalDate issueDate, LocalDate expiryDate) {}

    public record Choice(String value, String name) {}

    public record ProductChoice(String model, String name) {}

    /** The list's filters as the page shows them back. */
    public record ListFilter(String q, CertificateStatus status, boolean mine, int page) {
        static ListFilter of(String q, String status, String mine, String page) {
            CertificateStatus s = null;
            if (status != null && !status.isBlank()) {
                try {
                    s = CertificateStatus.valueOf(status.trim().toUpperCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw InvalidInput.field("status", "must be one of VALID, SUSPENDED, REVOKED, CANCELLED, EXPIRED");
                }
            }
            int p = 0;
            if (page != null && !page.isBlank()) {
                try {
                    p = Math.max(0, Integer.parseInt(page.trim()));
                } catch (NumberFormatException e) {
                    throw InvalidInput.field("page", "must be a number");
                }
            }
            String text = q == null || q.isBlank() ? null : q.trim();
            if (text != null && text.length() > 200) throw InvalidInput.field("q", "must be at most 200 characters");
            return new ListFilter(text, s, "on".equals(mine) || "true".equals(mine), p);
        }

        public String query() {
            StringBuilder b = new StringBuilder();
            if (q != null) b.append("&q=").append(java.net.URLEncoder.encode(q, StandardCharsets.UTF_8));
            if (status != null) b.append("&status=").append(status);
            if (mine) b.append("&mine=on");
            return b.toString();
        }
    }

    public BodyInfo bodyOf(Actor a) {
        CertificationBody b = em.find(CertificationBody.class, a.bodyId());
        return new BodyInfo(b.code, b.nameZh, b.nameEn, b.status.name());
    }

    public LocalDate today() {
        return certificates.today();
    }

    public int maxValidityYears() {
        return config.certificates().maxValidityYears();
    }

    public LocalDate defaultExpiry(String issueDate) {
        LocalDate from = today();
        try {
            if (issueDate != null && !issueDate.isBlank()) from = LocalDate.parse(issueDate.trim());
        } catch (DateTimeParseException ignored) {
            // the form shows the error on submit; the hint counts from today
        }
        return from.plusYears(maxValidityYears()).minusDays(1);
    }

    public LocalDate latestSuspensionEnd() {
        return today().plus(config.certificates().maxSuspension());
    }

    public Dashboard dashboard(Actor a) {
        return QuarkusTransaction.requiringNew().call(() -> surveillance.dashboard(a.bodyId(), surveillance.defaultWindow()));
    }

    /** The audits list of the dashboard, longer. */
    public org.szmark.surveillance.SurveillanceViews.AuditsDue auditsDue(Actor a) {
        return QuarkusTransaction.requiringNew().call(() -> {
            SurveillanceService.Window w = surveillance.defaultWindow();
            return surveillance.dashboard(a.bodyId(),
                    new SurveillanceService.Window(w.dueWithinDays(), w.suspensionEndsWithinDays(), 500)).auditsDue();
        });
    }

    public Candidates candidates(Actor a) {
        return QuarkusTransaction.requiringNew().call(() -> surveillance.candidates(a.bodyId(), 100));
    }

    public PageView<Row> list(Actor a, ListFilter f) {
        return QuarkusTransaction.requiringNew().call(() -> rows(a, f, f.page(), PAGE_SIZE));
    }

    private PageView<Row> rows(Actor a, ListFilter f, int page, int size) {
        var filter = new CertificateRepository.Filter(f.status(), a.bodyId(), null, null, f.q(),
                Sort.by("id", Sort.Direction.Descending), f.mine() ? a.accountId() : null);
        PageView<Certificate> found = certificates.search(filter, page, size);
        Map<Long, Enterprise> holders = new HashMap<>();
        Map<Long, Product> products = new HashMap<>();
        Map<Long, Standard> standardRows = new HashMap<>();
        return found.map(c -> {
            Enterprise h = holders.computeIfAbsent(c.holderId, id -> em.find(Enterprise.class, id));
            Product p = products.computeIfAbsent(c.productId, id -> em.find(Product.class, id));
            Standard s = standardRows.computeIfAbsent(c.standardId, id -> em.find(Standard.class, id));
            return new Row(c.number, c.statusOn(today()), h.creditCode, h.nameZh, p.model, p.nameZh, s.number, c.issueDate,
                    c.expiryDate);
        });
    }

    /** The body's certificates matching the list's filters as CSV (UTF-8 with a BOM, so spreadsheets read the CJK). */
    public byte[] export(Actor a, ListFilter f) {
        PageView<Row> all = QuarkusTransaction.requiringNew().call(() -> rows(a, f, 0, EXPORT_LIMIT));
        List<List<String>> lines = new java.util.ArrayList<>(all.items().size());
        for (Row r : all.items()) {
            lines.add(List.of(r.number(), r.status().name(), r.holderCode(), r.holderName(), r.productModel(),
                    r.productName(), r.standard(), r.issueDate().toString(), r.expiryDate().toString()));
        }
        return ImportDocuments.csv(List.of("number", "status", "holderCreditCode", "holderName", "productModel", "productName",
                "standard", "issueDate", "expiryDate"), lines);
    }

    /** One of the caller's body's certificates, with its history; another body's is not found. */
    public CertificateView certificate(Actor a, String number) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Certificate c = repository.findByNumber(CertificateService.normaliseNumber(number))
                    .filter(x -> a.isCertifierOf(x.bodyId))
                    .orElseThrow(() -> new NotFound("No certificate " + number + " of your body"));
            return viewer.view(c, true);
        });
    }

    public List<SurveillanceAuditView> audits(Actor a, String number) {
        return QuarkusTransaction.requiringNew().call(() -> surveillance.audits(number, a, 0, 100).items());
    }

    /** Holders the body has certified or registered, for the issue form's picker: newest first. */
    public List<Choice> holders(Actor a) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select e from Enterprise e where e.registeredByBodyId = :b or e.id in"
                                + " (select c.holderId from Certificate c where c.bodyId = :b) order by e.id desc", Enterprise.class)
                .setParameter("b", a.bodyId()).setMaxResults(500).getResultList().stream()
                .map(e -> new Choice(e.creditCode, e.nameZh)).toList());
    }

    public List<ProductChoice> productsOf(String holderCode) {
        if (holderCode == null || holderCode.isBlank()) return List.of();
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Enterprise> found = em.createQuery("from Enterprise e where e.creditCode = :c", Enterprise.class)
                    .setParameter("c", IdentifierText.normaliseCode(holderCode)).getResultList();
            if (found.isEmpty()) return List.<ProductChoice>of();
            return enterprises.productsOf(found.get(0)).stream().map(p -> new ProductChoice(p.model, p.nameZh)).toList();
        });
    }

    /** Standards a certificate may be issued against today. */
    public List<Choice> eligibleStandards() {
        return QuarkusTransaction.requiringNew().call(() -> standards.search(null, null, null, true, 0, 500).items().stream()
                .map(s -> new Choice(s.number, s.titleZh)).toList());
    }

    /**
     * Issues the form's certificate, registering its new holder and product first when the form says so, all
     * in one transaction: a refused issuance leaves no holder or product behind. The form's key makes a second
     * submission answer with the first one's certificate.
     */
    public String issue(Actor a, ConsoleForms.IssueForm form) {
        ConsoleForms.IssueParts parts = forms.parts(form);
        Idempotency.Performed<String> done = idempotency.perform(a, form.formKey(), "POST", "/console/issue", parts,
                () -> {
                    if (parts.holder() != null) enterprises.create(parts.holder(), a);
                    if (parts.product() != null) enterprises.addProduct(parts.issue().holder(), parts.product(), a);
                    return certificates.issue(parts.issue(), a);
                }, c -> c.number, String.class);
        return done.what();
    }

    /**
     * One status change, refused with 409 when the certificate changed since the form was shown (another staff
     * member was first): the form said what would happen to the certificate as it was then.
     *
     * @return the sequence number of the signed event
     */
    public int change(Actor a, String number, StatusChange change, ConsoleForms.StatusForm form) {
        StatusRequest request = forms.request(form, change);
        int expected = Integer.parseInt(form.expectedSeq());
        Idempotency.Performed<Integer> done = idempotency.perform(a, form.formKey(), "POST",
                "/console/certificates/" + number + "/" + change, request, () -> {
                    Certificate c = repository.lockByNumber(number).filter(x -> a.isCertifierOf(x.bodyId))
                            .orElseThrow(() -> new NotFound("No certificate " + number + " of your body"));
                    if (c.eventCount != expected) {
                        throw new Conflict("changed-meanwhile", "Certificate " + number + " changed after this form was shown"
                                + " (it is now " + c.statusOn(today()) + "); look at it again before changing it");
                    }
                    return certificates.changeStatus(number, change, request, a);
                }, c -> c.eventCount, Integer.class);
        return done.what();
    }

    public long recordAudit(Actor a, String number, String auditedOn, String result, String notes) {
        AuditRequest r = forms.audit(auditedOn, result, notes);
        return QuarkusTransaction.requiringNew().call(() -> surveillance.record(number, r, a).id);
    }

    public ApplyResult apply(Actor a, List<ActionItem> items, String reasonText, String formKey) {
        forms.text("reasonText", reasonText, true);
        ApplyRequest request = new ApplyRequest(items, reasonText);
        return idempotency.perform(a, formKey, "POST", "/console/actions", request,
                () -> surveillance.apply(items, reasonText, a), r -> r, ApplyResult.class).what();
    }

    static IssueRequest issueRequest(ConsoleForms.IssueForm f, LocalDate issue, LocalDate expiry) {
        ProductionSite site = new ProductionSite(blank(f.siteName()), f.siteAddress());
        return new IssueRequest(blank(f.number()), f.holder(), f.productModel(), site, f.standard(), f.scope(),
                f.certificationMode(), issue, expiry, null, blank(f.predecessor()));
    }

    static EnterpriseRequest holderRequest(ConsoleForms.IssueForm f) {
        return new EnterpriseRequest(f.holder(), f.holderNameZh(), blank(f.holderNameEn()), blank(f.holderAddressZh()), null, null);
    }

    static ProductRequest productRequest(ConsoleForms.IssueForm f) {
        return new ProductRequest(f.productNameZh(), blank(f.productNameEn()), f.productModel(), blank(f.productTrademark()),
                blank(f.productGtin()));
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
