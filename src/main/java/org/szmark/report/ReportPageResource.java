package org.szmark.report;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.szmark.apidoc.ApiDocument;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.szmark.common.DomainException;
import org.szmark.common.TryAgainLater;
import org.szmark.config.SzmarkConfig;
import org.szmark.web.Lang;
import org.szmark.web.Messages;
import org.szmark.web.Msg;
import org.szmark.web.Pages;

/**
 * The report form behind every verification page ({@code /V/<token>/report}): a person who doubts a label
 * sends where it was bought, a note, a photo and, if they like, how to reach them. Refusals come back as the
 * form again with the reason in the page's language, never as a problem document.
 */
@Path("/{prefix: v|V}/{token}/report")
@Tag(name = ApiDocument.PAGES)
public class ReportPageResource {

    @Inject ReportService service;
    @Inject ReportUploads uploads;
    @Inject Messages messages;
    @Inject SzmarkConfig config;

    @CheckedTemplate(basePath = "pages")
    static class Templates {
        static native TemplateInstance report(Lang lang, String switchHref, String token, boolean sent, String error,
                                              Map<String, String> values, long maxPhotoMb, String complaintLine);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "reportFormPage", summary = "Form to report a suspicious label", description = """
            Anyone. Linked from every verification page; `sent=1` shows the thank-you page. Programs: POST /api/v1/reports.""")
    public Response form(@PathParam("token") String token, @QueryParam("sent") String sent, @QueryParam("lang") String lang,
                         @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept) {
        Lang l = Lang.choose(lang, accept);
        return render(200, l, token, sent != null, null, Map.of());
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "sendReportFormPage", summary = "Send the report form", description = """
            Anyone. Answers 303 to the thank-you page, or the form again with the reason (400, 413, 429) in the page's \
            language.""")
    public Response send(@PathParam("token") String token, @RestForm String whereBought, @RestForm String note,
                         @RestForm String contact, @RestForm("photo") FileUpload photo, @RestForm String lang,
                         @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept, @Context HttpServerRequest request) {
        Lang l = Lang.choose(lang, accept);
        Map<String, String> sentValues = new java.util.HashMap<>();
        if (whereBought != null) sentValues.put("whereBought", whereBought);
        if (note != null) sentValues.put("note", note);
        if (contact != null) sentValues.put("contact", contact);
        try {
            ReportViews.Submission s = uploads.submission(shown(token), null, whereBought, note, contact);
            service.submit(s, uploads.bytes(photo), ReportUploads.client(request));
        } catch (TryAgainLater e) {
            return Response.fromResponse(render(429, l, token, false, Msg::reportErrorLimit, sentValues))
                    .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
        } catch (DomainException e) {
            String field = e.fieldErrors().isEmpty() ? "" : e.fieldErrors().get(0).field();
            return render(400, l, token, false, field.equals("photo") ? Msg::reportErrorPhoto : Msg::reportErrorInput, sentValues);
        }
        // Post/redirect/get: reloading the thank-you page does not send the report again.
        return Response.seeOther(java.net.URI.create("/V/" + shown(token) + "/report?sent=1&lang=" + l.param())).build();
    }

    private Response render(int status, Lang l, String token, boolean sent, Function<Msg, String> error, Map<String, String> values) {
        String shownToken = shown(token);
        TemplateInstance html = Templates.report(l, null, shownToken == null ? "" : shownToken, sent,
                error == null ? null : error.apply(messages.of(l)), values,
                Math.max(1, config.reports().maxPhotoSize().asLongValue() >> 20), config.pages().complaintLine());
        return Response.fromResponse(Pages.html(html, l)).status(status).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /** The token as it may be echoed into the page and kept: only a token's spelling (letters and digits). */
    private static String shown(String token) {
        return org.szmark.verify.VerifyResource.tokenSpelling(token) ? token : null;
    }
}
