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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.szmark.apidoc.ApiDocument;
import org.szmark.certificate.Certificate;
import org.szmark.certificate.CertificateService;
import org.szmark.common.InvalidInput;
import org.szmark.enterprise.Enterprise;
import org.szmark.standard.Standard;

/** QR codes and printable mark labels of certificates. */
@Path("/api/v1")
@Tag(name = ApiDocument.LABELS)
public class QrResource {

    @Inject CertificateService certificates;
    @Inject QrCodes codes;
    @Inject EntityManager em;

    @GET
    @Path("certificates/{number}/qr")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getQrInfo", summary = "What a certificate's QR code holds", description = """
            Anyone. The label URL the QR code encodes (`<public-base-url>/V/<token>`, the token being the signed \
            claims: docs/qr-token.md), and the QR version, error correction level (`ecc` L, M, Q or H; default Q) \
            and module count. Errors: 400 `validation`, 404 `not-found`.""")
    public QrCodes.QrInfo info(@PathParam("number") String number, @QueryParam("ecc") @DefaultValue("Q") String ecc) {
        return codes.info(url(certificates.get(number)), ecc(ecc));
    }

    @GET
    @Path("certificates/{number}/qr.svg")
    @Produces("image/svg+xml")
    @Operation(operationId = "getQrSvg", summary = "The QR code as SVG", description = """
            Anyone. The certificate's QR code as SVG: `scale` pixels per module (1 to 32, default 8), a quiet zone \
            of `margin` modules (0 to 16, default 4), error correction `ecc` (L, M, Q, H; default Q). Strong ETag, \
            cached a year (the image never changes for these parameters); If-None-Match answers 304. Errors: 400 \
            `validation`, 404 `not-found`.""")
    public Response svg(@PathParam("number") String number, @QueryParam("scale") @DefaultValue("8") String scale,
                        @QueryParam("margin") @DefaultValue("4") String margin, @QueryParam("ecc") @DefaultValue("Q") String ecc,
                        @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return serve(codes.svg(CertificateService.normaliseNumber(number), () -> url(certificates.get(number)),
                style(scale, margin, ecc)), ifNoneMatch);
    }

    @GET
    @Path("certificates/{number}/qr.png")
    @Produces("image/png")
    @Operation(operationId = "getQrPng", summary = "The QR code as PNG", description = """
            Anyone. The same QR code as a monochrome PNG, with the same parameters, ETag and caching as the SVG. \
            Errors: 400 `validation`, 404 `not-found`.""")
    public Response png(@PathParam("number") String number, @QueryParam("scale") @DefaultValue("8") String scale,
                        @QueryParam("margin") @DefaultValue("4") String margin, @QueryParam("ecc") @DefaultValue("Q") String ecc,
                        @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return serve(codes.png(CertificateService.normaliseNumber(number), () -> url(certificates.get(number)),
                style(scale, margin, ecc)), ifNoneMatch);
    }

    @GET
    @Path("certificates/{number}/label.svg")
    @Produces("image/svg+xml")
    @Operation(operationId = "getLabelSvg", summary = "The printable mark label", description = """
            Anyone. The label to print on the product: the Shenzhen Standard mark, the QR code and the certificate \
            number, as SVG (strong ETag, cached a year). Unknown: 404 `not-found`.""")
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
