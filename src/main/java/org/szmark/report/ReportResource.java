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
public class ReportResource {

    @Inject ReportService service;
    @Inject CurrentActor actor;
    @Inject ReportUploads uploads;

    /** A report without a photo, as JSON. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(@Valid @NotNull Submission s, @Context HttpServerRequest request) {
        return received(service.submit(s, null, ReportUploads.client(request)));
    }

    /** A report with an optional photo, as a form upload (fields as in the JSON, the photo as {@code photo}). */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
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
    public List<NumberSummary> summary() {
        return service.summary(actor.get(), PageRequest.MAX_SIZE);
    }

    /** A report's photo, for the readers of the report only; served so that no browser runs or sniffs it. */
    @GET
    @Path("{id}/photo")
    @RolesAllowed({Role.AUTHORITY_ROLE, Role.CERTIFIER_ROLE})
    public Response photo(@PathParam("id") long id) {
        ReportViews.Photo p = service.photo(id, actor.get());
        return Response.ok(p.bytes(), p.mediaType())
                .header("Cache-Control", "private, no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("Content-Disposition", "inline; filename=\"report-" + id + "\"")
                .build();
    }
}
