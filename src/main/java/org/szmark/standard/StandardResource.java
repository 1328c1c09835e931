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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.szmark.account.Role;
import org.szmark.apidoc.ApiDocument;
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
@Tag(name = ApiDocument.STANDARDS)
public class StandardResource {

    @Inject StandardService service;
    @Inject SearchGate searches;

    @GET
    @Operation(operationId = "listStandards", summary = "Search the catalogue of standards", description = """
            Anyone. Pages through the catalogue, filtered by free text in the number and titles (`q`, at most 200 \
            characters), by `kind` (NATIONAL, NATIONAL_RECOMMENDED, NATIONAL_GUIDANCE, LOCAL, GROUP, ENTERPRISE), by `status` (CURRENT, ABOLISHED, REPLACED) and \
            by `eligible` (true: only standards a certificate may be issued against today). Bad filters answer 400 \
            `validation`; while too many free-text searches run, 503 `searches-busy`.""")
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
    @Operation(operationId = "getStandard", summary = "One standard", description = """
            Anyone. The standard with this number as written (`T/SZWD 004-2019`; the slash stays unescaped, dashes \
            and spaces are normalised), with `eligible` as of today: a standard is eligible for the mark while it is \
            CURRENT and its advancedness evaluation (`evaluation.passedOn`) has passed. Unknown: 404 `not-found`.""")
    public StandardView get(@PathParam("number") String number) {
        return StandardView.of(service.get(number), service.today());
    }

    @POST
    @RolesAllowed(Role.AUTHORITY_ROLE)
    @Operation(operationId = "createStandard", summary = "Add a standard to the catalogue", description = """
            Authority only. Adds a standard; its kind follows from the number. `status` defaults to CURRENT. To make it \
            eligible for the mark give `evaluation` with `passedOn` (the advancedness evaluation, 先进性评价); \
            `selfDeclaration` records where the standard was disclosed (自我声明公开). Answers 201 with a Location. \
            Errors: 400 `validation` (a malformed number, a missing title), 409 `duplicate-standard`.""")
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(schema = @Schema(implementation = StandardView.class)))
    public Response create(@Valid @NotNull StandardRequest request) {
        Standard s = service.create(request);
        return Response.created(UriBuilder.fromPath("/api/v1/standards/{n}").build(s.number))
                .entity(StandardView.of(s, service.today())).build();
    }

    @PUT
    @Path("{number: .+}")
    @RolesAllowed(Role.AUTHORITY_ROLE)
    @Operation(operationId = "updateStandard", summary = "Replace a standard's description or status", description = """
            Authority only. Replaces everything but the number, which must be the one in the path (numbers never \
            change): an absent optional member is removed. Abolish a standard with `status` {"status": "ABOLISHED", \
            "abolishedOn", "notice"} or mark it REPLACED with `replacedBy`; certificates already issued against it \
            stay as signed, but no new ones may be. Errors: 400 `validation`, 404 `not-found`.""")
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
