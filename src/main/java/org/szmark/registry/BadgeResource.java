package org.szmark.registry;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.szmark.apidoc.ApiDocument;
import org.szmark.certificate.Certificate;
import org.szmark.certificate.CertificateService;
import org.szmark.certificate.CertificateViewer;
import org.szmark.certificate.CertificateViews.CertificateView;
import org.szmark.common.NotFound;

/** Live status for websites: an SVG badge and a small JSON document, both cacheable for a minute at most. */
@Path("/badge")
@Tag(name = ApiDocument.LABELS)
public class BadgeResource {

    @Inject CertificateService certificates;
    @Inject CertificateViewer viewer;

    @GET
    @Path("{file}")
    @Produces("image/svg+xml")
    @Operation(operationId = "getBadge", summary = "A live status badge", description = """
            Anyone (CORS open, cached a minute). `/badge/<number>.svg`: an SVG badge coloured by the certificate's \
            status; it says valid only while the mark may be used (a suspended body's certificates show as \
            suspended). An unknown number gets a grey "unknown" badge with status 404, so an embedded image never \
            breaks.""")
    public Response badge(@PathParam("file") String file) {
        if (!file.endsWith(".svg")) {
            return Response.status(404).type("image/svg+xml").entity(Badges.svg(null, null)).build();
        }
        String number = file.substring(0, file.length() - 4);
        try {
            Certificate c = certificates.get(number);
            CertificateView v = viewer.view(c, false);
            // The badge says "valid" only when the mark may be used: a suspended body shows as suspended.
            var shown = v.markUsable() || v.status() != org.szmark.certificate.CertificateStatus.VALID ? v.status()
                    : org.szmark.certificate.CertificateStatus.SUSPENDED;
            return Response.ok(Badges.svg(shown, c.number), "image/svg+xml")
                    .header(HttpHeaders.CACHE_CONTROL, "public, max-age=60")
                    .header("Access-Control-Allow-Origin", "*").build();
        } catch (NotFound e) {
            return Response.status(404).type("image/svg+xml").entity(Badges.svg(null, null))
                    .header(HttpHeaders.CACHE_CONTROL, "public, max-age=60").build();
        }
    }
}
