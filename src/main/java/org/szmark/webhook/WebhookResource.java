package org.szmark.webhook;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.szmark.account.CurrentActor;
import org.szmark.account.Role;
import org.szmark.apidoc.ApiDocument;
import org.szmark.common.PageRequest;
import org.szmark.common.PageView;
import org.szmark.webhook.WebhookViews.CreateRequest;
import org.szmark.webhook.WebhookViews.DeliveryView;
import org.szmark.webhook.WebhookViews.EndpointView;

/** Webhook endpoints of the calling enterprise account and their delivery log (docs/webhooks.md). */
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ENTERPRISE_ROLE)
@Tag(name = ApiDocument.WEBHOOKS)
public class WebhookResource {

    @Inject WebhookService service;
    @Inject CurrentActor actor;
    @Inject WebhookDispatcher dispatcher;

    /** Registers an endpoint; the response carries its signing secret, which is never shown again. */
    @POST
    @Operation(operationId = "createWebhook", summary = "Register a webhook endpoint", description = """
            An enterprise account. From now on every issuance and status change of the holder's certificates is \
            POSTed to `url` (https, or http; in production never to a loopback, private or link-local address), \
            signed with HMAC-SHA256 under the endpoint's `secret`, which is in this answer only (docs/webhooks.md). \
            Errors: 400 `validation` (the URL), 409 `duplicate-webhook`, `webhook-limit-reached` \
            (szmark.webhooks.max-endpoints-per-enterprise, 10).""")
    @APIResponse(responseCode = "201", description = "Registered; the secret is shown this once",
            content = @Content(schema = @Schema(implementation = EndpointView.class)))
    public Response create(@Valid @NotNull CreateRequest request) {
        WebhookService.Created created = service.create(request, actor.get());
        return Response.created(URI.create("/api/v1/webhooks/" + created.endpoint().id))
                .entity(EndpointView.of(created.endpoint(), created.secret())).build();
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "Your webhook endpoints", description = """
            An enterprise account. Its endpoints, with a hint of each secret, never the secret.""")
    public List<EndpointView> list() {
        return service.list(actor.get()).stream().map(e -> EndpointView.of(e, null)).toList();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getWebhook", summary = "One of your webhook endpoints", description = """
            An enterprise account, for its own endpoints only; another's or unknown: 404 `not-found`.""")
    public EndpointView get(@PathParam("id") String id) {
        return EndpointView.of(service.get(id, actor.get()), null);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteWebhook", summary = "Delete a webhook endpoint", description = """
            An enterprise account, for its own endpoints. Pending deliveries to it are cancelled. Answers 204. \
            Unknown: 404 `not-found`.""")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id) {
        service.delete(id, actor.get());
        return Response.noContent().build();
    }

    /**
     * Queues a {@code webhook.ping} delivery, sent and logged like any other; beyond the test budget
     * ({@code szmark.limits.webhook-tests.*}) a 429 with Retry-After.
     */
    @POST
    @Path("{id}/test")
    @Operation(operationId = "testWebhook", summary = "Send a test delivery", description = """
            An enterprise account, for its own endpoints. Queues a `webhook.ping` delivery, sent, retried and logged \
            like any other; answers 202 with it. Beyond szmark.limits.webhook-tests (5 per endpoint, 20 per account \
            a minute): 429 `rate-limited` with Retry-After. Unknown: 404 `not-found`.""")
    @APIResponse(responseCode = "202", description = "Queued",
            content = @Content(schema = @Schema(implementation = WebhookViews.DeliveryView.class)))
    public Response test(@PathParam("id") String id) {
        DeliveryView queued = DeliveryView.of(service.ping(id, actor.get()), null);
        dispatcher.nudge();
        return Response.accepted(queued).build();
    }

    /** Newest first; {@code state} filters by PENDING, DELIVERED, FAILED or CANCELLED. */
    @GET
    @Path("{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "An endpoint's delivery log", description = """
            An enterprise account, for its own endpoints. Deliveries newest first, optionally only one `state` \
            (PENDING, DELIVERED, FAILED, CANCELLED), with attempts, last status or error and the next attempt. \
            Errors: 400 `validation`, 404 `not-found`.""")
    public PageView<DeliveryView> deliveries(@PathParam("id") String id, @QueryParam("state") String state,
                                             @BeanParam PageRequest page) {
        return service.deliveries(id, state, actor.get(), page.page(), page.size()).map(d -> DeliveryView.of(d, null));
    }

    /** One delivery with the exact payload sent and every attempt. */
    @GET
    @Path("{id}/deliveries/{deliveryId}")
    @Operation(operationId = "getWebhookDelivery", summary = "One delivery with its payload and attempts", description = """
            An enterprise account, for its own endpoints. The exact payload sent and every attempt. Unknown: 404 \
            `not-found`.""")
    public DeliveryView delivery(@PathParam("id") String id, @PathParam("deliveryId") String deliveryId) {
        WebhookDelivery d = service.delivery(id, deliveryId, actor.get());
        return DeliveryView.of(d, service.attempts(d));
    }
}
