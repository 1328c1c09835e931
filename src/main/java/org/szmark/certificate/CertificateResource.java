package org.szmark.certificate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.szmark.account.Actor;
import org.szmark.account.CurrentActor;
import org.szmark.account.Role;
import org.szmark.apidoc.ApiDocument;
import org.szmark.body.BodyService;
import org.szmark.certificate.CertificateViews.BatchItem;
import org.szmark.certificate.CertificateViews.BatchRequest;
import org.szmark.certificate.CertificateViews.BatchResult;
import org.szmark.certificate.CertificateViews.CertificateView;
import org.szmark.certificate.CertificateViews.IssueRequest;
import org.szmark.certificate.CertificateViews.StatusRequest;
import org.szmark.common.DomainException;
import org.szmark.common.FilterIds;
import org.szmark.common.InvalidInput;
import org.szmark.common.PageRequest;
import org.szmark.common.PageView;
import org.szmark.enterprise.EnterpriseService;
import org.szmark.limits.SearchGate;
import org.szmark.standard.StandardService;
import org.szmark.web.Problem;

/** Certificates: certifiers issue and change status of their own body's certificates; anyone reads. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocument.CERTIFICATES)
public class CertificateResource {

    @Inject CertificateService service;
    @Inject CertificateViewer viewer;
    @Inject Idempotency idempotency;
    @Inject CurrentActor actor;
    @Inject BodyService bodies;
    @Inject EnterpriseService enterprises;
    @Inject StandardService standards;
    @Inject SearchGate searches;

    @GET
    @Path("certificates/{number}")
    @Operation(operationId = "getCertificate", summary = "One certificate with its signed record and history", description = """
            Anyone. The certificate as its signed record binds it (issuer, holder, product, production site, standard, \
            scope, dates) with its live `status` and `markUsable` (false while the certificate or its body is not \
            valid), the signed record itself (`signed`), every signed status event (`history`), its log entry \
            (`logIndex`) and the label URL (`qrUrl`). Where the registry now holds other names or addresses than the \
            record says, `registeredNow` shows them; the record never changes. Unknown number: 404 `not-found`.""")
    public CertificateView get(@PathParam("number") String number) {
        return viewer.view(service.get(number), true);
    }

    /**
     * Listing with filters. {@code mine=true} scopes it to the caller: a certifier's body, or an
     * enterprise account's own certificates.
     */
    @GET
    @Path("certificates")
    @Operation(operationId = "listCertificates", summary = "List and search certificates", description = """
            Anyone. Pages through certificates (without signed records and history; read one for those), newest \
            first, filtered by `status` (VALID, SUSPENDED, REVOKED, CANCELLED, EXPIRED), issuing `body` code, `holder` \
            credit code, `standard` number and free text `q` (certificate number, holder name in Chinese or English, \
            credit code, product or model; at most 200 characters). `sort` is number, issueDate or expiryDate, with a \
            leading `-` for descending. `mine=true` needs a token and keeps the caller's own: a certifier's body's, \
            an enterprise account's holder's. Errors: 400 `validation`, 401 for `mine` without a token, 503 \
            `searches-busy`.""")
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = ApiDocument.BEARER))
    public PageView<CertificateView> list(@QueryParam("status") String status, @QueryParam("body") String body,
                                          @QueryParam("holder") String holder, @QueryParam("standard") String standard,
                                          @QueryParam("mine") String mine, @QueryParam("q") String q,
                                          @QueryParam("sort") String sort, @BeanParam PageRequest page) {
        if (q != null && q.length() > 200) throw InvalidInput.field("q", "must be at most 200 characters");
        Long bodyId = FilterIds.of(body, c -> bodies.get(c).id);
        Long holderId = FilterIds.of(holder, c -> enterprises.get(c).id);
        Long standardId = FilterIds.of(standard, n -> standards.get(n).id);
        if ("true".equalsIgnoreCase(mine)) {
            Actor a = actor.find().orElseThrow(io.quarkus.security.UnauthorizedException::new);
            if (a.role() == Role.CERTIFIER) bodyId = a.bodyId();
            if (a.role() == Role.ENTERPRISE) holderId = a.enterpriseId();
        }
        var filter = new CertificateRepository.Filter(parseStatus(status), bodyId, holderId, standardId, q, parseSort(sort));
        if ((bodyId != null && bodyId < 0) || (holderId != null && holderId < 0) || (standardId != null && standardId < 0)) {
            return new PageView<>(List.of(), page.page(), page.size(), 0);
        }
        if (q == null || q.isBlank()) return service.search(filter, page.page(), page.size()).map(c -> viewer.view(c, false));
        // Free text reads through the name indexes of three tables: one of the capped expensive reads.
        return searches.run(() -> service.search(filter, page.page(), page.size()).map(c -> viewer.view(c, false)));
    }

    @POST
    @Path("certificates")
    @RolesAllowed(Role.CERTIFIER_ROLE)
    @Operation(operationId = "issueCertificate", summary = "Issue a certificate", description = """
            A certifier of an ACTIVE body. Issues a certificate of the caller's body to a registered `holder` (credit \
            code) for one of its products (`productModel`) against a standard in the catalogue that is eligible on \
            the issue date (CURRENT, with its advancedness evaluation passed). Defaults: `number` \
            SZBZ-<body code>-<year>-<serial>; `issueDate` today (at most 30 days ahead); `expiryDate` issue date + \
            3 years − 1 day (szmark.certificates.max-validity-years), the latest allowed; `firstIssueDate` the issue \
            date, or the predecessor's. `predecessor` renews that certificate of the same holder: it becomes \
            superseded when the new one is issued. The record is signed with the body's key and logged. \
            Errors: 400 `validation`; 403 `forbidden` (not a certifier) or `body-not-active`; 409 \
            `duplicate-certificate`, `already-renewed`, `predecessor-ended`, `idempotency-key-reused`; 422 \
            `unknown-holder`, `unknown-product`, `unknown-standard`, `standard-not-eligible`, `unknown-predecessor`.""")
    @APIResponse(responseCode = "201", description = "Issued",
            content = @Content(schema = @Schema(implementation = CertificateView.class)))
    public Response issue(@Valid @NotNull IssueRequest request,
                          @Parameter(description = Idempotency.KEY_DOC) @HeaderParam(Idempotency.HEADER) String key) {
        Actor a = actor.get();
        return idempotency.run(a, key, "POST", "/api/v1/certificates", request,
                () -> service.issue(request, a), c -> c.number, String.class,
                n -> new Idempotency.Outcome(201, viewer.view(service.get(n), true)));
    }

    /** Up to {@code szmark.certificates.max-batch-size} certificates; see docs/records.md for the semantics. */
    @POST
    @Path("certificates:batch")
    @RolesAllowed(Role.CERTIFIER_ROLE)
    @Operation(operationId = "issueCertificates", summary = "Issue many certificates at once", description = """
            A certifier of an ACTIVE body. Up to szmark.certificates.max-batch-size (1,000) issuance requests, each as \
            for a single issuance. Items are independent: the answer is 200 with `issued`, `failed` and one result per \
            item in order, either `status` 201 with the certificate or the item's problem (its `status` and `type`, \
            as a single issuance would answer). A batch over the limit: 400 `validation`.""")
    @APIResponse(responseCode = "200", description = "One result per item",
            content = @Content(schema = @Schema(implementation = CertificateViews.BatchResult.class)))
    public Response issueBatch(@Valid @NotNull BatchRequest request,
                               @Parameter(description = Idempotency.KEY_DOC) @HeaderParam(Idempotency.HEADER) String key) {
        Actor a = actor.get();
        return idempotency.run(a, key, "POST", "/api/v1/certificates:batch", request,
                () -> service.issueBatch(request.certificates(), a), BatchDone::of, BatchDone.class, this::answer);
    }

    /**
     * What a batch did, item by item: the number of the certificate it issued or the problem that refused it.
     * Small enough to keep under an Idempotency-Key; the answer is rendered from it after the commit.
     */
    public record BatchDone(List<Done> items) {
        public record Done(String number, Problem problem) {}

        static BatchDone of(List<Object> outcomes) {
            List<Done> items = new ArrayList<>(outcomes.size());
            for (Object o : outcomes) {
                if (o instanceof Certificate c) {
                    items.add(new Done(c.number, null));
                } else {
                    DomainException e = (DomainException) o;
                    items.add(new Done(null, Problem.of(e.type(), e.title(), e.status(), e.getMessage(), e.fieldErrors())));
                }
            }
            return new BatchDone(items);
        }
    }

    private Idempotency.Outcome answer(BatchDone done) {
        List<String> numbers = done.items().stream().map(BatchDone.Done::number).filter(java.util.Objects::nonNull).toList();
        java.util.Iterator<CertificateView> views = viewer.views(service.getAll(numbers)).iterator();
        List<BatchItem> items = new ArrayList<>(done.items().size());
        int issued = 0;
        for (int i = 0; i < done.items().size(); i++) {
            BatchDone.Done d = done.items().get(i);
            if (d.number() != null) {
                issued++;
                items.add(new BatchItem(i, 201, views.next(), null));
            } else {
                items.add(new BatchItem(i, d.problem().status(), null, d.problem()));
            }
        }
        return new Idempotency.Outcome(200, new BatchResult(issued, done.items().size() - issued, items));
    }

    // Status changes: one signed status event each (docs/records.md). Which reason codes fit which change is
    // ReasonCode.allowedFor; the descriptions list them.

    @POST
    @Path("certificates/{number}/suspend")
    @RolesAllowed(Role.CERTIFIER_ROLE)
    @Operation(operationId = "suspendCertificate", summary = "Suspend a certificate (暂停)", description = """
            A certifier of the issuing body (its body ACTIVE or SUSPENDED). A VALID certificate becomes SUSPENDED: the \
            mark may not be used until it is reinstated. `reasonCode`: CORRECTABLE_NONCONFORMITY, MARK_MISUSE, \
            SURVEILLANCE_OVERDUE, SURVEILLANCE_FAILED, SPOT_CHECK_FAILED, HOLDER_REQUEST or OTHER (then `reasonText` \
            is required). `suspendedUntil` defaults to the longest suspension, `effectiveAt` + \
            szmark.certificates.max-suspension (P6M), and may not be later; `effectiveAt` defaults to now and may not \
            lie in the future. Errors: 400 `validation` (a reason code that does not fit), 404 `not-found` (not a \
            certificate of your body), 409 `transition-not-allowed`, `idempotency-key-reused`.""")
    @APIResponse(responseCode = "200", description = "Suspended",
            content = @Content(schema = @Schema(implementation = CertificateView.class)))
    public Response suspend(@PathParam("number") String number, @Valid @NotNull StatusRequest request,
                            @Parameter(description = Idempotency.KEY_DOC) @HeaderParam(Idempotency.HEADER) String key) {
        return change(number, StatusChange.SUSPENDED, request, key, "suspend");
    }

    @POST
    @Path("certificates/{number}/reinstate")
    @RolesAllowed(Role.CERTIFIER_ROLE)
    @Operation(operationId = "reinstateCertificate", summary = "Reinstate a suspended certificate (恢复)", description = """
            A certifier of the issuing body, which must be ACTIVE (a suspended body may take trust away, never give \
            it). A SUSPENDED certificate becomes VALID again. `reasonCode`: CORRECTION_VERIFIED, \
            SUSPENSION_REQUEST_ENDED or OTHER. Errors: 400 `validation`, 403 `body-not-active`, 404 `not-found`, \
            409 `transition-not-allowed`.""")
    @APIResponse(responseCode = "200", description = "Reinstated",
            content = @Content(schema = @Schema(implementation = CertificateView.class)))
    public Response reinstate(@PathParam("number") String number, @Valid @NotNull StatusRequest request,
                              @Parameter(description = Idempotency.KEY_DOC) @HeaderParam(Idempotency.HEADER) String key) {
        return change(number, StatusChange.REINSTATED, request, key, "reinstate");
    }

    @POST
    @Path("certificates/{number}/revoke")
    @RolesAllowed(Role.CERTIFIER_ROLE)
    @Operation(operationId = "revokeCertificate", summary = "Revoke a certificate (撤销)", description = """
            A certifier of the issuing body (ACTIVE or SUSPENDED). A VALID or SUSPENDED certificate becomes REVOKED, \
            which is final. `reasonCode`: MARK_MISUSE, SURVEILLANCE_FAILED, SPOT_CHECK_FAILED, NOT_CORRECTED, \
            SERIOUS_DEFECT, QUALITY_ACCIDENT, FRAUD or OTHER. A notice is published. Errors: 400 `validation`, \
            404 `not-found`, 409 `transition-not-allowed`.""")
    @APIResponse(responseCode = "200", description = "Revoked",
            content = @Content(schema = @Schema(implementation = CertificateView.class)))
    public Response revoke(@PathParam("number") String number, @Valid @NotNull StatusRequest request,
                           @Parameter(description = Idempotency.KEY_DOC) @HeaderParam(Idempotency.HEADER) String key) {
        return change(number, StatusChange.REVOKED, request, key, "revoke");
    }

    @POST
    @Path("certificates/{number}/cancel")
    @RolesAllowed(Role.CERTIFIER_ROLE)
    @Operation(operationId = "cancelCertificate", summary = "Cancel a certificate (注销)", description = """
            A certifier of the issuing body (ACTIVE or SUSPENDED). A VALID or SUSPENDED certificate becomes CANCELLED, \
            which is final: units already shipped may still be sold, no new ones may carry the mark. `reasonCode`: \
            HOLDER_REQUEST, PRODUCT_DISCONTINUED, RULES_NOT_MET or OTHER. Errors: 400 `validation`, 404 \
            `not-found`, 409 `transition-not-allowed`.""")
    @APIResponse(responseCode = "200", description = "Cancelled",
            content = @Content(schema = @Schema(implementation = CertificateView.class)))
    public Response cancel(@PathParam("number") String number, @Valid @NotNull StatusRequest request,
                           @Parameter(description = Idempotency.KEY_DOC) @HeaderParam(Idempotency.HEADER) String key) {
        return change(number, StatusChange.CANCELLED, request, key, "cancel");
    }

    private Response change(String number, StatusChange change, StatusRequest request, String key, String verb) {
        Actor a = actor.get();
        String path = "/api/v1/certificates/" + CertificateService.normaliseNumber(number) + "/" + verb;
        return idempotency.run(a, key, "POST", path, request,
                () -> service.changeStatus(number, change, request, a), c -> c.number, String.class,
                n -> new Idempotency.Outcome(200, viewer.view(service.get(n), true)));
    }

    /** {@code number}, {@code issueDate}, {@code expiryDate}, optionally prefixed by '-' for descending; default newest first. */
    public static io.quarkus.panache.common.Sort parseSort(String s) {
        if (s == null || s.isBlank()) return null;
        String field = s.startsWith("-") ? s.substring(1) : s;
        if (!java.util.Set.of("number", "issueDate", "expiryDate").contains(field)) {
            throw InvalidInput.field("sort", "must be number, issueDate or expiryDate, optionally prefixed by '-'");
        }
        return io.quarkus.panache.common.Sort.by(field, s.startsWith("-") ? io.quarkus.panache.common.Sort.Direction.Descending
                : io.quarkus.panache.common.Sort.Direction.Ascending).and("id");
    }

    public static CertificateStatus parseStatus(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return CertificateStatus.valueOf(s.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw InvalidInput.field("status", "must be one of VALID, SUSPENDED, REVOKED, CANCELLED, EXPIRED");
        }
    }
}
