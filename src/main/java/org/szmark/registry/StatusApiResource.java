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
import org.szmark.certificate.CertificateService;
import org.szmark.certificate.CertificateViewer;
import org.szmark.certificate.CertificateViews.CertificateView;

/** A certificate's live status as a small JSON document for widgets (CORS open, cached a minute at most). */
@Path("/api/v1")
public class StatusApiResource {

    @Inject CertificateService certificates;
    @Inject CertificateViewer viewer;

    @GET
    @Path("certificates/{number}/status")
    @Produces(MediaType.APPLICATION_JSON)
    public Response status(@PathParam("number") String number) {
        CertificateView v = viewer.view(certificates.get(number), false);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", v.number());
        m.put("status", v.status());
        m.put("markUsable", v.markUsable());
        m.put("holder", v.holder().nameZh());
        m.put("product", v.product().nameZh() + " " + v.product().model());
        m.put("expiryDate", v.expiryDate());
        m.put("verifyUrl", v.qrUrl());
        m.put("asOf", OffsetDateTime.now(ZoneOffset.UTC).withNano(0));
        return Response.ok(m).header(HttpHeaders.CACHE_CONTROL, "public, max-age=60")
                .header("Access-Control-Allow-Origin", "*").build();
    }
}
