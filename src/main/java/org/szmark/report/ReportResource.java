package org.szmark.report;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.szmark.apidoc.ApiDocument;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.szmark.account.CurrentActor;
import org.szmark.account.Role;
import org.szmark.common.InvalidInput;
import org.szmark.common.PageRequest;
import org.szmark.common.PageView;
import org.szmark.report.ReportViews.NumberSummary;
import org.szmark.report.ReportViews.ReportView;
import org.szmark.report.ReportViews.Submission;

/** {@code /api/v1/reports}: anyone sends a report of a suspicious label; the authority and the issuing body read them. */
@Path("/api/v1/reports")
@Tag(name = ApiDocument.REPORTS)
public class ReportResource {

    @Inject ReportService service;
    @Inject CurrentActor actor;
    @Inject ReportUploads uploads;

    /** A report without a photo, as JSON. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "submitReport", summary = "Report a suspicious label", description = """
            Anyone, no token. `token` (the scanned code) or `certificateNumber` (as printed) is needed; `whereBought`, \
            `note` and `contact` are optional. The code is checked as a scan would check it, and the report goes to the \
            authority and to the body whose certificate the code names; the contact is never public. At most \
            `szmark.reports.per-client` reports per client address and period (5 an hour): beyond, 429 `rate-limited` \
            with Retry-After. Errors: 400 `validation`. With a photo: POST /api/v1/reports/form.""")
    @APIResponse(responseCode = "201", description = "Received", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReportViews.Received.class)))
    public Response submit(@Valid @NotNull Submission s, @Context HttpServerRequest request) {
        return received(service.submit(s, null, ReportUploads.client(request)));
    }

    /** A report with an optional photo, as a form upload (fields as in the JSON, the photo as {@code photo}). */
    @POST
    @Path("form")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "submitReportForm", summary = "Report a suspicious label with a photo", description = """
            Anyone, no token. The fields of the JSON report as form fields, and `photo`: a JPEG, PNG, WebP or HEIC image \
            of at most `szmark.reports.max-photo-size` (3 MB), recognised by its bytes. Errors: 400 `validation` \
            (`photo` when it is no such image), 413 `payload-too-large`, 429 `rate-limited`.""")
    @APIResponse(responseCode = "201", description = "Received", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReportViews.Received.class)))
    public Response submitForm(@RestForm String token, @RestForm String certificateNumber, @RestForm String whereBought,
                               @RestForm String note, @RestForm String contact, @RestForm("photo") FileUpload photo,
                               @Context HttpServerRequest request) {
        Submission s = uploads.submission(token, certificateNumber, whereBought, note, contact);
        return received(service.submit(s, uploads.bytes(photo), ReportUploads.client(request)));
    }

    private static Response received(ReportViews.Received r) {
        return Response.created(URI.create("/api/v1/reports/" + r.id())).entity(r).build();
    }

    @GET
    @RolesAllowed({Role.AUTHORITY_ROLE, Role.CERTIFIER_ROLE})
    @Operation(operationId = "listReports", summary = "Reports of suspicious labels", description = """
            The authority (every report) or a certifier (reports naming its body's certificates), newest first, with \
            the reporter's contact. `certificate` filters by certificate number, `flagged=true` keeps numbers that \
            were reported `szmark.reports.flag-after` times or from `flag-places` places. Errors: 400 `validation`.""")
    public PageView<ReportView> list(@QueryParam("certificate") String number, @QueryParam("flagged") String flagged,
                                     @BeanParam PageRequest page) {
        if (number != null && number.length() > ReportViews.MAX_NUMBER) {
            throw InvalidInput.field("certificate", "must be at most " + ReportViews.MAX_NUMBER + " characters");
        }
        if (flagged != null && !flagged.equals("true") && !flagged.equals("false")) {
            throw InvalidInput.field("flagged", "must be true or false");
        }
        return service.list(actor.get(), number == null || number.isBlank() ? null : number.strip(), "true".equals(flagged),
                page.page(), page.size());
    }

    /** Counts per certificate number, most reported first (at most 200). */
    @GET
    @Path("summary")
    @RolesAllowed({Role.AUTHORITY_ROLE, Role.CERTIFIER_ROLE})
    @Operation(operationId = "reportSummary", summary = "Reports per certificate number", description = """
            The authority or a certifier (its body's numbers): how many reports name each number, from how many \
            different places, the latest, and whether the number is flagged; most reported first, at most 200.""")
    public List<NumberSummary> summary() {
        return service.summary(actor.get(), PageRequest.MAX_SIZE);
    }

    /** A report's photo, for the readers of the report only; served so that no browser runs it (nosniff is on every response). */
    @GET
    @Path("{id}/photo")
    @RolesAllowed({Role.AUTHORITY_ROLE, Role.CERTIFIER_ROLE})
    @Operation(operationId = "reportPhoto", summary = "A report's photo", description = """
            The readers of the report only (the authority, the issuing body's certifiers); another body's or none: \
            404 `not-found`. Served as the image it is, sandboxed and never cached.""")
    @APIResponse(responseCode = "200", description = "The photo", content = @Content(mediaType = "image/*"))
    public Response photo(@PathParam("id") long id) {
        ReportViews.Photo p = service.photo(id, actor.get());
        return Response.ok(p.bytes(), p.mediaType())
                .header("Cache-Control", "private, no-store")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("Content-Disposition", "inline; filename=\"report-" + id + "\"")
                .build();
    }
}
