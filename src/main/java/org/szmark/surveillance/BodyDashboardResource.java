package org.szmark.surveillance;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.szmark.account.Actor;
import org.szmark.account.CurrentActor;
import org.szmark.account.NotPermitted;
import org.szmark.account.Role;
import org.szmark.apidoc.ApiDocument;
import org.szmark.body.BodyService;
import org.szmark.body.CertificationBody;
import org.szmark.surveillance.SurveillanceViews.Dashboard;

/**
 * A body's dashboard under the body's own path. A class of its own: the bodies resource owns
 * {@code /api/v1/bodies}, and a request goes to the root resource class whose path matches most literally
 * (Jakarta REST 3.1 §3.7.2), never on to another one with a shorter path.
 */
@Path("/api/v1/bodies/{code}/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocument.SURVEILLANCE)
public class BodyDashboardResource {

    @Inject SurveillanceService service;
    @Inject BodyService bodies;
    @Inject CurrentActor actor;

    @GET
    @RolesAllowed({Role.AUTHORITY_ROLE, Role.CERTIFIER_ROLE})
    @Operation(operationId = "getBodyDashboard", summary = "A body's dashboard", description = """
            A certifier of the body, or the authority. Its certificates by live status (`certificatesByStatus`, \
            EXPIRED counted apart from VALID and SUSPENDED); VALID or SUSPENDED certificates whose next \
            surveillance audit is due within `dueWithinDays` (szmark.surveillance.due-within-days, 30) or \
            overdue, most overdue first; suspensions whose last day is within `suspensionEndsWithinDays` \
            (szmark.surveillance.suspension-ends-within-days, 14); and suspensions whose last day has passed \
            without reinstatement. Each list has its `total` and its first `limit` items (1 to 200, default 50); \
            windows are 0 to 366 days. Nothing is changed: see GET /api/v1/surveillance/candidates. Errors: 400 \
            `validation`, 403 `owner-only` (another body's), 404 `not-found` (no such body).""")
    public Dashboard ofBody(@PathParam("code") String code, @QueryParam("dueWithinDays") String dueWithinDays,
                            @QueryParam("suspensionEndsWithinDays") String suspensionEndsWithinDays,
                            @QueryParam("limit") String limit) {
        Actor a = actor.get();
        CertificationBody body = bodies.get(code);
        if (!a.isAuthority() && !a.isCertifierOf(body.id)) {
            throw new NotPermitted("owner-only", "Only the certifiers of body " + body.code + " and the authority see its dashboard");
        }
        return service.dashboard(body.id, SurveillanceResource.window(service, dueWithinDays, suspensionEndsWithinDays, limit));
    }
}
