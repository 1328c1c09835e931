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
import org.szmark.account.AccountViews.NewAccount;
import org.szmark.account.AccountViews.NewToken;
import org.szmark.account.Role;
import org.szmark.body.BodyViews.BodyRequest;
import org.szmark.body.BodyViews.BodyUpdate;
import org.szmark.body.BodyViews.BodyView;
import org.szmark.body.BodyViews.StatusRequest;

/** Certification bodies: the authority writes, anyone reads. */
@Path("/api/v1/bodies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BodyResource {

    @Inject BodyService service;

    @GET
    public List<BodyView> list() {
        return service.list().stream().map(BodyView::of).toList();
    }

    @GET
    @Path("{code}")
    public BodyView get(@PathParam("code") String code) {
        return BodyView.of(service.get(code));
    }

    @POST
    @RolesAllowed(Role.AUTHORITY_ROLE)
    public Response create(@Valid @NotNull BodyRequest request) {
        CertificationBody b = service.create(request);
        return Response.created(UriBuilder.fromPath("/api/v1/bodies/{c}").build(b.code)).entity(BodyView.of(b)).build();
    }

    @PUT
    @Path("{code}")
    @RolesAllowed(Role.AUTHORITY_ROLE)
    public BodyView update(@PathParam("code") String code, @Valid @NotNull BodyUpdate request) {
        return BodyView.of(service.update(code, request));
    }

    @POST
    @Path("{code}/status")
    @RolesAllowed(Role.AUTHORITY_ROLE)
    public BodyView changeStatus(@PathParam("code") String code, @Valid @NotNull StatusRequest request) {
        return BodyView.of(service.changeStatus(code, request.status(), request.reason()));
    }

    /** A certifier account of this body; the response carries its token, shown only this once. */
    @POST
    @Path("{code}/accounts")
    @RolesAllowed(Role.AUTHORITY_ROLE)
    public Response createCertifier(@PathParam("code") String code, @Valid @NotNull NewAccount request) {
        return Response.status(201).entity(NewToken.of(service.createCertifier(code, request.name(), request.tokenLabel()))).build();
    }
}
