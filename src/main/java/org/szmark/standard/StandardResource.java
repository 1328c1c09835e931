package org.szmark.standard;

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
import org.szmark.account.Role;
import org.szmark.common.InvalidInput;
import org.szmark.common.PageRequest;
import org.szmark.common.PageView;
import org.szmark.limits.SearchGate;
import org.szmark.standard.StandardViews.StandardRequest;
import org.szmark.standard.StandardViews.StandardView;

/** Standards catalogue: the authority writes, anyone reads. Numbers contain '/', so they end the path. */
@Path("/api/v1/standards")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StandardResource {

    @Inject StandardService service;
    @Inject SearchGate searches;

    @GET
    public PageView<StandardView> list(@QueryParam("q") String q, @QueryParam("kind") String kind,
                                       @QueryParam("status") String status, @QueryParam("eligible") String eligible,
                                       @BeanParam PageRequest page) {
        if (q != null && q.length() > 200) throw InvalidInput.field("q", "must be at most 200 characters");
        StandardStatus st = parseStatus(status);
        Boolean el = parseBoolean("eligible", eligible);
        java.util.function.Supplier<PageView<StandardView>> read = () -> service.search(q, kind, st, el, page.page(), page.size())
                .map(s -> StandardView.of(s, service.today()));
        return q == null || q.isBlank() ? read.get() : searches.run(read);
    }

    @GET
    @Path("{number: .+}")
    public StandardView get(@PathParam("number") String number) {
        return StandardView.of(service.get(number), service.today());
    }

    @POST
    @RolesAllowed(Role.AUTHORITY_ROLE)
    public Response create(@Valid @NotNull StandardRequest request) {
        Standard s = service.create(request);
        return Response.created(UriBuilder.fromPath("/api/v1/standards/{n}").build(s.number))
                .entity(StandardView.of(s, service.today())).build();
    }

    @PUT
    @Path("{number: .+}")
    @RolesAllowed(Role.AUTHORITY_ROLE)
    public StandardView update(@PathParam("number") String number, @Valid @NotNull StandardRequest request) {
        return StandardView.of(service.update(number, request), service.today());
    }

    private static StandardStatus parseStatus(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return StandardStatus.valueOf(s.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw InvalidInput.field("status", "must be one of CURRENT, ABOLISHED, REPLACED");
        }
    }

    static Boolean parseBoolean(String field, String s) {
        if (s == null || s.isBlank()) return null;
        return switch (s.trim().toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw InvalidInput.field(field, "must be true or false");
        };
    }
}
