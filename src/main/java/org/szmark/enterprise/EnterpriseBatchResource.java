package org.szmark.enterprise;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import org.szmark.certificate.Idempotency;
import org.szmark.common.DomainException;
import org.szmark.enterprise.EnterpriseService.Batched;
import org.szmark.enterprise.EnterpriseViews.EnterpriseBatchItem;
import org.szmark.enterprise.EnterpriseViews.EnterpriseBatchRequest;
import org.szmark.enterprise.EnterpriseViews.EnterpriseBatchResult;
import org.szmark.enterprise.EnterpriseViews.EnterpriseView;
import org.szmark.enterprise.EnterpriseViews.HolderProductView;
import org.szmark.enterprise.EnterpriseViews.ProductBatchItem;
import org.szmark.enterprise.EnterpriseViews.ProductBatchRequest;
import org.szmark.enterprise.EnterpriseViews.ProductBatchResult;
import org.szmark.web.Problem;

/**
 * Holders and products many at once, for importers: one request, one transaction and a result per item, with
 * the semantics of certificates:batch (docs/records.md, "Batch writes of holders and products").
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocument.ENTERPRISES)
public class EnterpriseBatchResource {

    private static final String KEY_DOC = "Optional. A retry with the same key and body within szmark.retention.idempotency "
            + "(24 h) gets the first answer again; the same key with another body: 409 `idempotency-key-reused`.";

    @Inject EnterpriseService service;
    @Inject EnterpriseRepository enterprises;
    @Inject ProductRepository products;
    @Inject Idempotency idempotency;
    @Inject CurrentActor actor;

    @POST
    @Path("enterprises:batch")
    @RolesAllowed({Role.AUTHORITY_ROLE, Role.CERTIFIER_ROLE})
    @Operation(operationId = "createEnterprises", summary = "Register many enterprises at once", description = """
            The authority, or a certifier of an ACTIVE body. Up to szmark.enterprises.max-batch-size (1,000) \
            registrations, each as for a single one, in one transaction. Items are independent: the answer is 200 with \
            `created`, `present`, `refused` and a result per item in order: `outcome` CREATED (`status` 201), PRESENT \
            (200: registered already with the same data, whoever registered it; optional members the item leaves out are \
            not compared; nothing is written) or REFUSED (the problem a single registration would answer; a holder \
            registered with other data is 409 `duplicate-enterprise`: a batch never changes a holder). A batch over the \
            limit: 400 `validation`; a body that may not register: 403 for the whole batch.""")
    @APIResponse(responseCode = "200", description = "One result per item",
            content = @Content(schema = @Schema(implementation = EnterpriseBatchResult.class)))
    public Response createEnterprises(@Valid @NotNull EnterpriseBatchRequest request,
                                      @Parameter(description = KEY_DOC) @HeaderParam(Idempotency.HEADER) String key) {
        Actor a = actor.get();
        return idempotency.run(a, key, "POST", "/api/v1/enterprises:batch", request,
                () -> service.createBatch(request.enterprises(), a), Done::enterprises, Done.class, this::enterprisesAnswer);
    }

    @POST
    @Path("products:batch")
    @RolesAllowed({Role.AUTHORITY_ROLE, Role.CERTIFIER_ROLE})
    @Operation(operationId = "addProducts", summary = "Register many products of many enterprises at once", description = """
            The authority, or a certifier of an ACTIVE body. Up to szmark.enterprises.max-batch-size (1,000) products, \
            each naming its holder by credit code (`holder`), in one transaction, with a result per item as for \
            enterprises:batch: CREATED (201), PRESENT (200: the holder has the model with the same data) or REFUSED \
            (404 `not-found` for an unknown holder, 403 `certified-by-another-body` or `registered-by-another-body` \
            where the caller may not change the holder, 409 `duplicate-product` for the model with other data, 400 \
            `validation`).""")
    @APIResponse(responseCode = "200", description = "One result per item",
            content = @Content(schema = @Schema(implementation = ProductBatchResult.class)))
    public Response addProducts(@Valid @NotNull ProductBatchRequest request,
                                @Parameter(description = KEY_DOC) @HeaderParam(Idempotency.HEADER) String key) {
        Actor a = actor.get();
        return idempotency.run(a, key, "POST", "/api/v1/products:batch", request,
                () -> service.addProducts(request.products(), a), Done::products, Done.class, this::productsAnswer);
    }

    /**
     * What a batch did, item by item: the record (credit code, or product id) it created or found, or the problem
     * that refused it. Kept under an Idempotency-Key; the answer is rendered from it after the commit.
     */
    public record Done(List<Item> items) {
        public record Item(String code, Long productId, boolean created, List<String> warnings, Problem problem) {}

        static Done enterprises(List<Object> outcomes) {
            return of(outcomes, r -> new Item(((Enterprise) r.record()).creditCode, null, r.created(), r.warnings(), null));
        }

        static Done products(List<Object> outcomes) {
            return of(outcomes, r -> new Item(null, ((Product) r.record()).id, r.created(), List.of(), null));
        }

        private static Done of(List<Object> outcomes, java.util.function.Function<Batched<?>, Item> item) {
            List<Item> items = new ArrayList<>(outcomes.size());
            for (Object o : outcomes) {
                if (o instanceof Batched<?> b) {
                    items.add(item.apply(b));
                } else {
                    DomainException e = (DomainException) o;
                    items.add(new Item(null, null, false, List.of(),
                            Problem.of(e.type(), e.title(), e.status(), e.getMessage(), e.fieldErrors())));
                }
            }
            return new Done(items);
        }
    }

    private Idempotency.Outcome enterprisesAnswer(Done done) {
        List<String> codes = done.items().stream().map(Done.Item::code).filter(Objects::nonNull).distinct().toList();
        Map<String, Enterprise> byCode = new HashMap<>();
        enterprises.findByCreditCodes(codes).forEach(e -> byCode.put(e.creditCode, e));
        List<EnterpriseBatchItem> items = new ArrayList<>();
        int created = 0, present = 0;
        for (int i = 0; i < done.items().size(); i++) {
            Done.Item d = done.items().get(i);
            if (d.problem() != null) {
                items.add(new EnterpriseBatchItem(i, d.problem().status(), "REFUSED", null, d.problem()));
                continue;
            }
            EnterpriseView view = EnterpriseView.of(byCode.get(d.code()), null).withWarnings(d.warnings());
            if (d.created()) created++; else present++;
            items.add(new EnterpriseBatchItem(i, d.created() ? 201 : 200, d.created() ? "CREATED" : "PRESENT", view, null));
        }
        return new Idempotency.Outcome(200, new EnterpriseBatchResult(created, present, items.size() - created - present, items));
    }

    private Idempotency.Outcome productsAnswer(Done done) {
        List<Long> ids = done.items().stream().map(Done.Item::productId).filter(Objects::nonNull).distinct().toList();
        Map<Long, Product> byId = new HashMap<>();
        if (!ids.isEmpty()) products.list("id in ?1", ids).forEach(p -> byId.put(p.id, p));
        Map<Long, String> holderCodes = new HashMap<>();
        List<Long> holderIds = byId.values().stream().map(p -> p.enterpriseId).distinct().toList();
        if (!holderIds.isEmpty()) enterprises.list("id in ?1", holderIds).forEach(e -> holderCodes.put(e.id, e.creditCode));
        List<ProductBatchItem> items = new ArrayList<>();
        int created = 0, present = 0;
        for (int i = 0; i < done.items().size(); i++) {
            Done.Item d = done.items().get(i);
            if (d.problem() != null) {
                items.add(new ProductBatchItem(i, d.problem().status(), "REFUSED", null, d.problem()));
                continue;
            }
            Product p = byId.get(d.productId());
            if (d.created()) created++; else present++;
            items.add(new ProductBatchItem(i, d.created() ? 201 : 200, d.created() ? "CREATED" : "PRESENT",
                    HolderProductView.of(holderCodes.get(p.enterpriseId), p), null));
        }
        return new Idempotency.Outcome(200, new ProductBatchResult(created, present, items.size() - created - present, items));
    }
}
