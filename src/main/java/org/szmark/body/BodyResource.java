package org.szmark.body;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.szmark.account.AccountViews.NewAccount;
import org.szmark.account.AccountViews.NewToken;
import org.szmark.account.Role;
import org.szmark.apidoc.ApiDocument;
import org.szmark.body.BodyViews.BodyRequest;
import org.szmark.body.BodyViews.BodyUpdate;
import org.szmark.body.BodyViews.BodyView;
import org.szmark.body.BodyViews.StatusRequest;

/** Certification bodies: the authority writes, anyone reads. */
@Path("/api/v1/bodies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocument.BODIES)
public class BodyResource {

    @Inject BodyService service;

    @GET
    @Operation(operationId = "listBodies", summary = "All certification bodies", description = """
            Anyone. Every body with its approval number (CNCA-R-…), `status` (ACTIVE, SUSPENDED, WITHDRAWN) and the \
            reason and time of its last status change.""")
    public List<BodyView> list() {
        return service.list().stream().map(BodyView::of).toList();
    }

    @GET
    @Path("{code}")
    @Operation(operationId = "getBody", summary = "One certification body", description = """
            Anyone. The body with this code (2 to 8 upper-case letters or digits). Unknown: 404 `not-found`.""")
    public BodyView get(@PathParam("code") String code) {
        return BodyView.of(service.get(code));
    }

    @POST
    @RolesAllowed(Role.AUTHORITY_ROLE)
    @Operation(operationId = "createBody", summary = "Approve a certification body", description = """
            Authority only. Adds an ACTIVE body with its own code (2 to 8 upper-case letters or digits, used in \
            certificate numbers) and its CNCA approval number (e.g. CNCA-R-2002-001); a signing key is made for it. \
            Its certifiers then get accounts from POST /api/v1/bodies/{code}/accounts. Answers 201 with a Location. \
            Errors: 400 `validation`, 409 `duplicate-body` (code or approval number taken).""")
    @APIResponse(responseCode = "201", description = "Approved",
            content = @Content(schema = @Schema(implementation = BodyView.class)))
    public Response create(@Valid @NotNull BodyRequest request) {
        CertificationBody b = service.create(request);
        return Response.created(UriBuilder.fromPath("/api/v1/bodies/{c}").build(b.code)).entity(BodyView.of(b)).build();
    }

    @PUT
    @Path("{code}")
    @RolesAllowed(Role.AUTHORITY_ROLE)
    @Operation(operationId = "updateBody", summary = "Update a body's names and contact", description = """
            Authority only. Replaces the names and contact data (an absent optional member is removed); the code and \
            approval number never change. Errors: 400 `validation`, 404 `not-found`.""")
    public BodyView update(@PathParam("code") String code, @Valid @NotNull BodyUpdate request) {
        return BodyView.of(service.update(code, request));
    }

    @POST
    @Path("{code}/status")
    @RolesAllowed(Role.AUTHORITY_ROLE)
    @Operation(operationId = "changeBodyStatus", summary = "Suspend, reactivate or withdraw a body", description = """
            Authority only, with a `reason`. SUSPENDED: its certifiers may only suspend, revoke or cancel, and its \
            certificates' marks are not usable meanwhile; ACTIVE again: everything as before; WITHDRAWN: final, its \
            certifiers write nothing (docs/trust-model.md). Errors: 400 `validation`, 404 `not-found`, 409 \
            `no-status-change` (already in that status) or `body-withdrawn`.""")
    public BodyView changeStatus(@PathParam("code") String code, @Valid @NotNull StatusRequest request) {
        return BodyView.of(service.changeStatus(code, request.status(), request.reason()));
    }

    /** A certifier account of this body; the response carries its token, shown only this once. */
    @POST
    @Path("{code}/accounts")
    @RolesAllowed(Role.AUTHORITY_ROLE)
    @Operation(operationId = "createCertifierAccount", summary = "Make a certifier account for a body", description = """
            Authority only. A certifier account of this body and its first API token, which is in `token` of this \
            answer only: the registry keeps its hash, never the token. Errors: 400 `validation`, 404 `not-found`, \
            409 `body-withdrawn`.""")
    @APIResponse(responseCode = "201", description = "Made; the token is shown this once",
            content = @Content(schema = @Schema(implementation = NewToken.class)))
    public Response createCertifier(@PathParam("code") String code, @Valid @NotNull NewAccount request) {
        return Response.status(201).entity(NewToken.of(service.createCertifier(code, request.name(), request.tokenLabel()))).build();
    }
}
