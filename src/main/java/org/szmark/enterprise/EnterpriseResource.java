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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.szmark.account.AccountViews.NewAccount;
import org.szmark.account.AccountViews.NewToken;
import org.szmark.account.CurrentActor;
import org.szmark.account.Role;
import org.szmark.apidoc.ApiDocument;
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
@Tag(name = ApiDocument.ENTERPRISES)
public class EnterpriseResource {

    @Inject EnterpriseService service;
    @Inject CurrentActor actor;
    @Inject SearchGate searches;

    @GET
    @Operation(operationId = "listEnterprises", summary = "Search enterprises", description = """
            Anyone. Pages through registered enterprises, filtered by free text `q` in the credit code and the \
            Chinese or English name (at most 200 characters). Errors: 400 `validation`, 503 `searches-busy`.""")
    public PageView<EnterpriseView> list(@QueryParam("q") String q, @BeanParam PageRequest page) {
        if (q != null && q.length() > 200) throw InvalidInput.field("q", "must be at most 200 characters");
        if (q == null || q.isBlank()) return service.search(q, page.page(), page.size()).map(e -> EnterpriseView.of(e, null));
        return searches.run(() -> service.search(q, page.page(), page.size()).map(e -> EnterpriseView.of(e, null)));
    }

    @GET
    @Path("{creditCode}")
    @Operation(operationId = "getEnterprise", summary = "One enterprise with its products", description = """
            Anyone. The enterprise with this unified social credit code (GB 32100-2015, 18 characters) and its \
            products. Unknown: 404 `not-found`.""")
    public EnterpriseView get(@PathParam("creditCode") String code) {
        Enterprise e = service.get(code);
        return EnterpriseView.of(e, service.productsOf(e));
    }

    @POST
    @RolesAllowed({Role.AUTHORITY_ROLE, Role.CERTIFIER_ROLE})
    @Operation(operationId = "createEnterprise", summary = "Register an enterprise", description = """
            The authority, or a certifier of an ACTIVE body. Registers a holder by its unified social credit code, \
            whose check character (GB 32100-2015) must be right; only the authority may import a pre-2016 code that \
            fails it, with `legacyCode: true` (the answer then carries `warnings`). A holder a certifier registered \
            stays that body's to change until some body certifies it (docs/trust-model.md). Answers 201 with a \
            Location. Errors: 400 `validation`, 403 `certifier-body-not-active`, 409 `duplicate-enterprise`.""")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = EnterpriseView.class)))
    public Response create(@Valid @NotNull EnterpriseRequest request) {
        EnterpriseService.Created c = service.create(request, actor.get());
        return Response.created(UriBuilder.fromPath("/api/v1/enterprises/{c}").build(c.enterprise().creditCode))
                .entity(EnterpriseView.of(c.enterprise(), List.of()).withWarnings(c.warnings())).build();
    }

    /** Who may change what is decided by {@link EnterpriseService}; an enterprise account only its contact data. */
    @PUT
    @Path("{creditCode}")
    @RolesAllowed({Role.AUTHORITY_ROLE, Role.CERTIFIER_ROLE, Role.ENTERPRISE_ROLE})
    @Operation(operationId = "updateEnterprise", summary = "Update an enterprise's names, addresses or contact", description = """
            The authority; a certifier whose ACTIVE body certifies the holder alone (or registered it and nobody \
            certified it yet); the holder's own enterprise account for `contact` only, sending its names and \
            addresses unchanged. Names and addresses replace the registered ones; `contact`, when present, replaces the \
            contact data. Signed certificates never change: they show the new data beside the signed one \
            (`registeredNow`). Errors: 400 `validation`, 403 `certified-by-another-body`, \
            `registered-by-another-body`, `enterprise-contact-only`, `not-your-enterprise`, 404 `not-found`.""")
    public EnterpriseView update(@PathParam("creditCode") String code, @Valid @NotNull EnterpriseUpdate request) {
        Enterprise e = service.update(code, request, actor.get());
        return EnterpriseView.of(e, service.productsOf(e));
    }

    @GET
    @Path("{creditCode}/products")
    @Operation(operationId = "listProducts", summary = "An enterprise's products", description = """
            Anyone. The products registered for this enterprise. Unknown enterprise: 404 `not-found`.""")
    public List<ProductView> products(@PathParam("creditCode") String code) {
        return service.productsOf(service.get(code)).stream().map(ProductView::of).toList();
    }

    @POST
    @Path("{creditCode}/products")
    @RolesAllowed({Role.AUTHORITY_ROLE, Role.CERTIFIER_ROLE})
    @Operation(operationId = "addProduct", summary = "Register a product of an enterprise", description = """
            The authority, or a certifier who may change the enterprise (as for updating it). `model` is unique per \
            enterprise and is how an issuance names the product (`productModel`); `gtin` is an optional GTIN-8, -12, \
            -13 or -14 with a correct check digit. Errors: 400 `validation`, 403 as for updating the enterprise, \
            404 `not-found`, 409 `duplicate-product`.""")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = ProductView.class)))
    public Response addProduct(@PathParam("creditCode") String code, @Valid @NotNull ProductRequest request) {
        return Response.status(201).entity(ProductView.of(service.addProduct(code, request, actor.get()))).build();
    }

    /** An account for the holder; the response carries its token, shown only this once. */
    @POST
    @Path("{creditCode}/accounts")
    @RolesAllowed(Role.AUTHORITY_ROLE)
    @Operation(operationId = "createEnterpriseAccount", summary = "Make an account for an enterprise", description = """
            Authority only. An enterprise account for the holder and its first API token, in `token` of this answer \
            only. With it the holder reads its own certificates (`mine=true`), keeps its contact data and receives \
            webhooks. Errors: 400 `validation`, 404 `not-found`.""")
    @APIResponse(responseCode = "201", description = "Made; the token is shown this once",
            content = @Content(schema = @Schema(implementation = NewToken.class)))
    public Response createAccount(@PathParam("creditCode") String code, @Valid @NotNull NewAccount request) {
        return Response.status(201).entity(NewToken.of(service.createAccount(code, request.name(), request.tokenLabel()))).build();
    }
}
