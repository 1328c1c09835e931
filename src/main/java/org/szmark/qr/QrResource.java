package org.szmark.qr;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.szmark.certificate.Certificate;
import org.szmark.certificate.CertificateService;
import org.szmark.common.InvalidInput;
import org.szmark.enterprise.Enterprise;
import org.szmark.standard.Standard;

/** QR codes and printable mark labels of certificates. */
@Path("/api/v1")
public class QrResource {

    @Inject CertificateService certificates;
    @Inject QrCodes codes;
    @Inject EntityManager em;

    @GET
    @Path("certificates/{number}/qr")
    @Produces(MediaType.APPLICATION_JSON)
    public QrCodes.QrInfo info(@PathParam("number") String number, @QueryParam("ecc") @DefaultValue("Q") String ecc) {
        return codes.info(url(certificates.get(number)), ecc(ecc));
    }

    @GET
    @Path("certificates/{number}/qr.svg")
    @Produces("image/svg+xml")
    public Response svg(@PathParam("number") String number, @QueryParam("scale") @DefaultValue("8") String scale,
                        @QueryParam("margin") @DefaultValue("4") String margin, @QueryParam("ecc") @DefaultValue("Q") String ecc,
                        @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return serve(codes.svg(CertificateService.normaliseNumber(number), () -> url(certificates.get(number)),
                style(scale, margin, ecc)), ifNoneMatch);
    }

    @GET
    @Path("certificates/{number}/qr.png")
    @Produces("image/png")
    public Response png(@PathParam("number") String number, @QueryParam("scale") @DefaultValue("8") String scale,
                        @QueryParam("margin") @DefaultValue("4") String margin, @QueryParam("ecc") @DefaultValue("Q") String ecc,
                        @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return serve(codes.png(CertificateService.normaliseNumber(number), () -> url(certificates.get(number)),
                style(scale, margin, ecc)), ifNoneMatch);
    }

    @GET
    @Path("certificates/{number}/label.svg")
    @Produces("image/svg+xml")
    public Response label(@PathParam("number") String number, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return serve(codes.label(CertificateService.normaliseNumber(number), () -> url(certificates.get(number))), ifNoneMatch);
    }

    private String url(Certificate c) {
        Enterprise holder = em.find(Enterprise.class, c.holderId);
        Standard standard = em.find(Standard.class, c.standardId);
        return codes.url(codes.token(c, holder.creditCode, standard.number));
    }

    /** Images never change for a certificate and parameters: strong ETag, cached for a year. */
    static Response serve(QrCodes.Rendered r, String ifNoneMatch) {
        if (ifNoneMatch != null && (ifNoneMatch.contains(r.etag()) || ifNoneMatch.trim().equals("*"))) {
            return Response.notModified().tag(new jakarta.ws.rs.core.EntityTag(r.etag().replace("\"", "")))
                    .header(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable").build();
        }
        return Response.ok(r.bytes(), r.contentType())
                .header(HttpHeaders.ETAG, r.etag())
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable")
                .header("Access-Control-Allow-Origin", "*")
                .build();
    }

    static QrCodes.Style style(String scale, String margin, String ecc) {
        return new QrCodes.Style(ecc(ecc), bounded("scale", scale, 1, 32), bounded("margin", margin, 0, 16));
    }

    static ErrorCorrectionLevel ecc(String s) {
        return switch (s.trim().toUpperCase()) {
            case "L" -> ErrorCorrectionLevel.L;
            case "M" -> ErrorCorrectionLevel.M;
            case "Q" -> ErrorCorrectionLevel.Q;
            case "H" -> ErrorCorrectionLevel.H;
            default -> throw InvalidInput.field("ecc", "must be one of L, M, Q, H");
        };
    }

    private static int bounded(String field, String raw, int min, int max) {
        try {
            int v = Integer.parseInt(raw.trim());
            if (v >= min && v <= max) return v;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw InvalidInput.field(field, "must be a whole number from " + min + " to " + max);
    }
}
