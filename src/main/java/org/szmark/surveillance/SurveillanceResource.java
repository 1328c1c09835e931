package org.szmark.surveillance;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.szmark.account.Actor;
import org.szmark.account.CurrentActor;
import org.szmark.account.Role;
import org.szmark.apidoc.ApiDocument;
import org.szmark.certificate.CertificateService;
import org.szmark.certificate.Idempotency;
import org.szmark.common.InvalidInput;
import org.szmark.common.PageRequest;
import org.szmark.common.PageView;
import org.szmark.surveillance.SurveillanceViews.ApplyRequest;
import org.szmark.surveillance.SurveillanceViews.ApplyResult;
import org.szmark.surveillance.SurveillanceViews.AuditRequest;
import org.szmark.surveillance.SurveillanceViews.AuditView;
import org.szmark.surveillance.SurveillanceViews.Candidates;
import org.szmark.surveillance.SurveillanceViews.Dashboard;

/**
 * Surveillance audits, a body's dashboard and the offered scheme actions (docs/surveillance.md). A certifier
 * sees and writes only its own body's; the authority reads every body's.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocument.SURVEILLANCE)
public class SurveillanceResource {

    private static final String KEY_DOC = "Optional. A retry with the same key and body within szmark.retention.idempotency "
            + "(24 h) gets the first answer again instead of a second audit; the same key with another body: 409 "
            + "`idempotency-key-reused`. 1 to 200 printable ASCII characters.";

    @Inject SurveillanceService service;
    @Inject CurrentActor actor;
    @Inject Idempotency idempotency;

    @POST
    @Path("certificates/{number}/audits")
    @RolesAllowed(Role.CERTIFIER_ROLE)
    @Operation(operationId = "recordAudit", summary = "Record a surveillance audit (获证后监督)", description = """
            A certifier of the issuing body, which must be ACTIVE. Records the audit made on `auditedOn` (not in the \
            future, not before the issue date) with its `result`: PASSED, PASSED_WITH_FINDINGS or FAILED, and \
            optional `notes` (free text, at most 2,000 characters). The certificate's next audit is then due its \
            scheme's interval after its latest audit (szmark.surveillance.interval, P12M, or the body's scheme). An \
            audit changes no status: a FAILED one is for the body to act on. Answers 201 with the audit. Errors: 400 \
            `validation`; 403 `body-not-active`; 404 `not-found` (not a certificate of your body); 409 \
            `certificate-ended` (REVOKED, CANCELLED or EXPIRED), `duplicate-audit` (one on that day already), \
            `idempotency-key-reused`.""")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = AuditView.class)))
    public Response record(@PathParam("number") String number, @Valid @NotNull AuditRequest request,
                           @Parameter(description = KEY_DOC) @HeaderParam(Idempotency.HEADER) String key) {
        Actor a = actor.get();
        String path = "/api/v1/certificates/" + CertificateService.normaliseNumber(number) + "/audits";
        return idempotency.run(a, key, "POST", path, request, () -> service.record(number, request, a), x -> x.id,
                Long.class, id -> new Idempotency.Outcome(201, service.view(id)));
    }

    @GET
    @Path("certificates/{number}/audits")
    @RolesAllowed({Role.AUTHORITY_ROLE, Role.CERTIFIER_ROLE})
    @Operation(operationId = "listAudits", summary = "A certificate's surveillance audits", description = """
            A certifier of the issuing body, or the authority. The certificate's audits with their notes, latest \
            `auditedOn` first, paged. What anyone may see of them is in the certificate's `surveillance`. Errors: \
            400 `validation`, 404 `not-found` (not a certificate of your body).""")
    public PageView<AuditView> list(@PathParam("number") String number, @BeanParam PageRequest page) {
        return service.audits(number, actor.get(), page.page(), page.size());
    }

    @GET
    @Path("dashboard")
    @RolesAllowed(Role.CERTIFIER_ROLE)
    @Operation(operationId = "getDashboard", summary = "Your body's dashboard", description = """
            A certifier. As GET /api/v1/bodies/{code}/dashboard for the caller's own body.""")
    public Dashboard mine(@QueryParam("dueWithinDays") String dueWithinDays,
                          @QueryParam("suspensionEndsWithinDays") String suspensionEndsWithinDays,
                          @QueryParam("limit") String limit) {
        Actor a = actor.get();
        return service.dashboard(a.bodyId(), window(service, dueWithinDays, suspensionEndsWithinDays, limit));
    }

    @GET
    @Path("surveillance/candidates")
    @RolesAllowed(Role.CERTIFIER_ROLE)
    @Operation(operationId = "listSurveillanceCandidates", summary = "What the scheme rules would change", description = """
            A certifier. The caller's body's certificates that the scheme rules say should change today, offered and \
            never applied by themselves: `suspend`, VALID certificates whose surveillance audit is overdue (reason \
            SURVEILLANCE_OVERDUE), and `revoke`, SUSPENDED certificates whose suspension ended without \
            reinstatement (reason NOT_CORRECTED). Each list has its `total` and its first `limit` items (1 to \
            1,000, default 100), most overdue first. Apply the chosen ones with POST /api/v1/surveillance/actions. \
            Errors: 400 `validation`.""")
    public Candidates candidates(@QueryParam("limit") String limit) {
        Actor a = actor.get();
        return service.candidates(a.bodyId(), bounded("limit", limit, 1, 1000, 100));
    }

    @POST
    @Path("surveillance/actions")
    @RolesAllowed(Role.CERTIFIER_ROLE)
    @Operation(operationId = "applySurveillanceActions", summary = "Apply chosen scheme actions", description = """
            A certifier of the issuing body (ACTIVE or SUSPENDED). Each of `actions` names a `certificate` and its \
            `action`, SUSPEND or REVOKE, as the candidates list offered it (at most \
            szmark.certificates.max-batch-size, 1,000). Each is checked again when applied, under the \
            certificate's lock: if it is no longer a candidate (reinstated, audited, changed meanwhile) it is \
            SKIPPED and the reason given; otherwise it is changed through the ordinary status change, signed, \
            logged and sent to webhooks, with reason SURVEILLANCE_OVERDUE or NOT_CORRECTED and `reasonText` \
            (else a standard text naming the due date or the suspension's last day). A change the registry \
            refuses (e.g. 404, 403 `body-not-active`) is REFUSED with its problem; the others still apply. \
            Answers 200 with one result per action. Sending the same request again skips what was applied. \
            Errors: 400 `validation`; 503 `busy` (what was applied before stays applied).""")
    @APIResponse(responseCode = "200", description = "One result per action",
            content = @Content(schema = @Schema(implementation = ApplyResult.class)))
    public ApplyResult apply(@Valid @NotNull ApplyRequest request) {
        return service.apply(request.actions(), request.reasonText(), actor.get());
    }

    /** The dashboard's windows and list length from the query, else as configured. */
    static SurveillanceService.Window window(SurveillanceService service, String dueWithinDays, String suspensionEndsWithinDays,
                                             String limit) {
        SurveillanceService.Window defaults = service.defaultWindow();
        return new SurveillanceService.Window(
                bounded("dueWithinDays", dueWithinDays, 0, 366, defaults.dueWithinDays()),
                bounded("suspensionEndsWithinDays", suspensionEndsWithinDays, 0, 366, defaults.suspensionEndsWithinDays()),
                bounded("limit", limit, 1, PageRequest.MAX_SIZE, defaults.limit()));
    }

    static int bounded(String name, String value, int min, int max, int fallback) {
        if (value == null || value.isBlank()) return fallback;
        int n;
        try {
            n = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw InvalidInput.field(name, "must be a whole number");
        }
        if (n < min || n > max) throw InvalidInput.field(name, "must be between " + min + " and " + max);
        return n;
    }
}
