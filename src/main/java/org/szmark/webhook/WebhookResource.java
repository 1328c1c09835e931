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
import org.szmark.account.CurrentActor;
import org.szmark.account.Role;
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
public class WebhookResource {

    @Inject WebhookService service;
    @Inject CurrentActor actor;
    @Inject WebhookDispatcher dispatcher;

    /** Registers an endpoint; the response carries its signing secret, which is never shown again. */
    @POST
    public Response create(@Valid @NotNull CreateRequest request) {
        WebhookService.Created created = service.create(request, actor.get());
        return Response.created(URI.create("/api/v1/webhooks/" + created.endpoint().id))
                .entity(EndpointView.of(created.endpoint(), created.secret())).build();
    }

    @GET
    public List<EndpointView> list() {
        return service.list(actor.get()).stream().map(e -> EndpointView.of(e, null)).toList();
    }

    @GET
    @Path("{id}")
    public EndpointView get(@PathParam("id") String id) {
        return EndpointView.of(service.get(id, actor.get()), null);
    }

    @DELETE
    @Path("{id}")
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
    public Response test(@PathParam("id") String id) {
        DeliveryView queued = DeliveryView.of(service.ping(id, actor.get()), null);
        dispatcher.nudge();
        return Response.accepted(queued).build();
    }

    /** Newest first; {@code state} filters by PENDING, DELIVERED, FAILED or CANCELLED. */
    @GET
    @Path("{id}/deliveries")
    public PageView<DeliveryView> deliveries(@PathParam("id") String id, @QueryParam("state") String state,
                                             @BeanParam PageRequest page) {
        return service.deliveries(id, state, actor.get(), page.page(), page.size()).map(d -> DeliveryView.of(d, null));
    }

    /** One delivery with the exact payload sent and every attempt. */
    @GET
    @Path("{id}/deliveries/{deliveryId}")
    public DeliveryView delivery(@PathParam("id") String id, @PathParam("deliveryId") String deliveryId) {
        WebhookDelivery d = service.delivery(id, deliveryId, actor.get());
        return DeliveryView.of(d, service.attempts(d));
    }
}
