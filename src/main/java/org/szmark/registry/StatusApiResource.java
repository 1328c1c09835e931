package org.szmark.registry;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.szmark.apidoc.ApiDocument;
import org.szmark.certificate.CertificateService;
import org.szmark.certificate.CertificateStatus;
import org.szmark.certificate.CertificateViewer;
import org.szmark.certificate.CertificateViews.CertificateView;

/** A certificate's live status as a small JSON document for widgets (CORS open, cached a minute at most). */
@Path("/api/v1")
@Tag(name = ApiDocument.LABELS)
public class StatusApiResource {

    /** {@code product} is the Chinese name and the model; {@code asOf} the time of the answer. */
    public record LiveStatus(String number, CertificateStatus status, boolean markUsable, String holder, String product,
                             LocalDate expiryDate, String verifyUrl, OffsetDateTime asOf) {}

    @Inject CertificateService certificates;
    @Inject CertificateViewer viewer;

    @GET
    @Path("certificates/{number}/status")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getCertificateStatus", summary = "A certificate's live status for widgets", description = """
            Anyone (CORS open, cached a minute). A small document for a website widget: number, `status`, \
            `markUsable`, holder and product names, expiry date and the label URL. Unknown: 404 `not-found`.""")
    @APIResponse(responseCode = "200", description = "The status",
            content = @Content(schema = @Schema(implementation = LiveStatus.class)))
    public Response status(@PathParam("number") String number) {
        CertificateView v = viewer.view(certificates.get(number), false);
        LiveStatus m = new LiveStatus(v.number(), v.status(), v.markUsable(), v.holder().nameZh(),
                v.product().nameZh() + " " + v.product().model(), v.expiryDate(), v.qrUrl(),
                OffsetDateTime.now(ZoneOffset.UTC).withNano(0));
        return Response.ok(m).header(HttpHeaders.CACHE_CONTROL, "public, max-age=60")
                .header("Access-Control-Allow-Origin", "*").build();
    }
}
