package org.szmark.signin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.szmark.account.Account;
import org.szmark.account.AccountViews.DisableRequest;
import org.szmark.account.CurrentActor;
import org.szmark.account.Role;
import org.szmark.apidoc.ApiDocument;
import org.szmark.signin.StaffViews.NewStaff;
import org.szmark.signin.StaffViews.ResetRequest;
import org.szmark.signin.StaffViews.StaffView;
import org.szmark.signin.StaffViews.StaffWithLink;

@Path("/api/v1/staff")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocument.ACCOUNTS)
public class StaffResource {

    @Inject StaffService service;
    @Inject CurrentActor actor;

    @POST
    @RolesAllowed({Role.AUTHORITY_ROLE, Role.CERTIFIER_ROLE, Role.ENTERPRISE_ROLE})
    @Operation(operationId = "createStaff", summary = "Make a staff user", description = """
            The authority for any role; an admin staff user of a body or an enterprise for its own body or enterprise \
            only (403 `forbidden` otherwise). The user has no password yet: `passwordLink`, shown in this answer only, \
            lets it set one once before `linkExpiresAt`. Errors: 400 `validation`, 409 `user-name-taken`.""")
    @APIResponse(responseCode = "201", description = "Made; the link is shown this once",
            content = @Content(schema = @Schema(implementation = StaffWithLink.class)))
    public Response create(@Valid @NotNull NewStaff r) {
        var issued = service.create(r.userName(), r.name(), r.role(), r.bodyId(), r.enterpriseId(),
                Boolean.TRUE.equals(r.admin()), actor.get());
        return Response.status(201).entity(StaffWithLink.of(issued)).build();
    }

    @GET
    @RolesAllowed({Role.AUTHORITY_ROLE, Role.CERTIFIER_ROLE, Role.ENTERPRISE_ROLE})
    @Operation(operationId = "listStaff", summary = "Staff users", description = """
            The authority sees every staff user; an admin staff user of a body or an enterprise its own; others 403.""")
    public List<StaffView> list() {
        return service.list(actor.get()).stream().map(r -> StaffView.of((StaffUser) r[0], (Account) r[1])).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Role.AUTHORITY_ROLE)
    @Operation(operationId = "getStaff", summary = "One staff user", description = "Authority only. Unknown: 404 `not-found`.")
    public StaffView get(@PathParam("id") long id) {
        StaffUser s = service.find(id);
        return StaffView.of(s, service.accountOf(s));
    }

    @POST
    @Path("{id}/disable")
    @RolesAllowed(Role.AUTHORITY_ROLE)
    @Operation(operationId = "disableStaff", summary = "Disable a staff user", description = """
            Authority only, with a `reason`. Its sessions end at once on every instance; it cannot sign in until \
            enabled. The last enabled authority account cannot be disabled: 409 `last-authority`.""")
    public StaffView disable(@PathParam("id") long id, @Valid @NotNull DisableRequest r) {
        service.disable(id, r.reason(), actor.get());
        return get(id);
    }

    @POST
    @Path("{id}/enable")
    @RolesAllowed(Role.AUTHORITY_ROLE)
    @Operation(operationId = "enableStaff", summary = "Enable a staff user", description = """
            Authority only. It may sign in again; sessions ended by the disabling stay ended.""")
    public StaffView enable(@PathParam("id") long id) {
        service.enable(id, actor.get());
        return get(id);
    }

    @POST
    @Path("{id}/reset")
    @RolesAllowed(Role.AUTHORITY_ROLE)
    @Operation(operationId = "resetStaff", summary = "Issue a new password link", description = """
            Authority only. A new one-time `passwordLink` (earlier unused links stop working), shown in this answer \
            only; the current password works until the link is used. `dropTotp: true` also removes the second \
            factor (a lost phone).""")
    public StaffWithLink reset(@PathParam("id") long id, @Valid ResetRequest r) {
        return StaffWithLink.of(service.reset(id, r != null && Boolean.TRUE.equals(r.dropTotp()), actor.get()));
    }
}
