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
import org.szmark.account.Actor;
import org.szmark.account.CurrentActor;
import org.szmark.account.Role;
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
    public CertificateView get(@PathParam("number") String number) {
        return viewer.view(service.get(number), true);
    }

    /**
     * Listing with filters. {@code mine=true} scopes it to the caller: a certifier's body, or an
     * enterprise account's own certificates.
     */
    @GET
    @Path("certificates")
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
    public Response issue(@Valid @NotNull IssueRequest request, @HeaderParam(Idempotency.HEADER) String key) {
        Actor a = actor.get();
        return idempotency.run(a, key, "POST", "/api/v1/certificates", request,
                () -> service.issue(request, a), c -> c.number, String.class,
                n -> new Idempotency.Outcome(201, viewer.view(service.get(n), true)));
    }

    /** Up to {@code szmark.certificates.max-batch-size} certificates; see docs/records.md for the semantics. */
    @POST
    @Path("certificates:batch")
    @RolesAllowed(Role.CERTIFIER_ROLE)
    public Response issueBatch(@Valid @NotNull BatchRequest request, @HeaderParam(Idempotency.HEADER) String key) {
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

    /** suspend, reinstate, revoke or cancel: one signed status event each (docs/records.md). */
    @POST
    @Path("certificates/{number}/{action: suspend|reinstate|revoke|cancel}")
    @RolesAllowed(Role.CERTIFIER_ROLE)
    public Response changeStatus(@PathParam("number") String number, @PathParam("action") String action,
                                 @Valid @NotNull StatusRequest request, @HeaderParam(Idempotency.HEADER) String key) {
        StatusChange change = switch (action) {
            case "suspend" -> StatusChange.SUSPENDED;
            case "reinstate" -> StatusChange.REINSTATED;
            case "revoke" -> StatusChange.REVOKED;
            default -> StatusChange.CANCELLED;
        };
        return change(number, change, request, key, action);
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
