package org.szmark.enterprise;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.szmark.account.AccountViews.NewAccount;
import org.szmark.account.AccountViews.NewToken;
import org.szmark.account.CurrentActor;
import org.szmark.account.Role;
import org.szmark.common.InvalidInput;
import org.szmark.common.PageRequest;
import org.szmark.common.PageView;
import org.szmark.enterprise.EnterpriseViews.EnterpriseRequest;
import org.szmark.enterprise.EnterpriseViews.EnterpriseUpdate;
import org.szmark.enterprise.EnterpriseViews.EnterpriseView;
import org.szmark.enterprise.EnterpriseViews.ProductRequest;
import org.szmark.enterprise.EnterpriseViews.ProductView;
import org.szmark.limits.SearchGate;

/** Enterprises and products: the authority, owning certifiers and (contact data) the enterprise write; anyone reads. */
@Path("/api/v1/enterprises")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EnterpriseResource {

    @Inject EnterpriseService service;
    @Inject CurrentActor actor;
    @Inject SearchGate searches;

    @GET
    public PageView<EnterpriseView> list(@QueryParam("q") String q, @BeanParam PageRequest page) {
        if (q != null && q.length() > 200) throw InvalidInput.field("q", "must be at most 200 characters");
        if (q == null || q.isBlank()) return service.search(q, page.page(), page.size()).map(e -> EnterpriseView.of(e, null));
        return searches.run(() -> service.search(q, page.page(), page.size()).map(e -> EnterpriseView.of(e, null)));
    }

    @GET
    @Path("{creditCode}")
    public EnterpriseView get(@PathParam("creditCode") String code) {
        Enterprise e = service.get(code);
        return EnterpriseView.of(e, service.productsOf(e));
    }

    @POST
    @RolesAllowed({Role.AUTHORITY_ROLE, Role.CERTIFIER_ROLE})
    public Response create(@Valid @NotNull EnterpriseRequest request) {
        EnterpriseService.Created c = service.create(request, actor.get());
        return Response.created(UriBuilder.fromPath("/api/v1/enterprises/{c}").build(c.enterprise().creditCode))
                .entity(EnterpriseView.of(c.enterprise(), List.of()).withWarnings(c.warnings())).build();
    }

    /** Who may change what is decided by {@link EnterpriseService}; an enterprise account only its contact data. */
    @PUT
    @Path("{creditCode}")
    @RolesAllowed({Role.AUTHORITY_ROLE, Role.CERTIFIER_ROLE, Role.ENTERPRISE_ROLE})
    public EnterpriseView update(@PathParam("creditCode") String code, @Valid @NotNull EnterpriseUpdate request) {
        Enterprise e = service.update(code, request, actor.get());
        return EnterpriseView.of(e, service.productsOf(e));
    }

    @GET
    @Path("{creditCode}/products")
    public List<ProductView> products(@PathParam("creditCode") String code) {
        return service.productsOf(service.get(code)).stream().map(ProductView::of).toList();
    }

    @POST
    @Path("{creditCode}/products")
    @RolesAllowed({Role.AUTHORITY_ROLE, Role.CERTIFIER_ROLE})
    public Response addProduct(@PathParam("creditCode") String code, @Valid @NotNull ProductRequest request) {
        return Response.status(201).entity(ProductView.of(service.addProduct(code, request, actor.get()))).build();
    }

    /** An account for the holder; the response carries its token, shown only this once. */
    @POST
    @Path("{creditCode}/accounts")
    @RolesAllowed(Role.AUTHORITY_ROLE)
    public Response createAccount(@PathParam("creditCode") String code, @Valid @NotNull NewAccount request) {
        return Response.status(201).entity(NewToken.of(service.createAccount(code, request.name(), request.tokenLabel()))).build();
    }
}
