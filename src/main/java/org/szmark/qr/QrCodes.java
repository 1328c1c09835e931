package org.szmark.qr;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.szmark.certificate.Certificate;
import org.szmark.certificate.CertificateService;
import org.szmark.common.Conflict;
import org.szmark.config.SzmarkConfig;

/**
 * QR codes and mark labels of certificates. A certificate's label never changes (the token is signed at
 * issuance), so every rendering is cached by certificate and parameters and served with a strong ETag.
 */
@ApplicationScoped
public class QrCodes {

    private static final Logger LOG = Logger.getLogger(QrCodes.class);
    @Inject SzmarkConfig config;

    /**
     * Keyed by certificate number and style: a certificate's label URL never changes, so neither does
     * its image, and a hit needs no database read. Bounded so a crawler walking every certificate cannot
     * exhaust memory.
     */
    private Cache<String, Rendered> cache;

    @PostConstruct
    void initCache() {
        cache = Caffeine.newBuilder().maximumSize(config.caches().qrImages()).build();
    }

    /** An image or document ready to serve. */
    public record Rendered(byte[] bytes, String contentType, String etag) {}

    /** How a QR code is drawn: error-correction level, pixels per module (PNG) and quiet zone in modules. */
    public record Style(ErrorCorrectionLevel ecc, int scale, int margin) {}

    /** What {@code GET .../qr} reports. */
    public record QrInfo(String url, int version, String ecc, int modules) {}

    void warnAboutLongBaseUrl(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent e) {
        if (config.publicBaseUrl().replaceAll("/+$", "").length() > QrToken.MAX_BASE_URL_LENGTH) {
            LOG.warnf("szmark.public-base-url is longer than %d characters: QR codes may exceed version 10 at level Q",
                    QrToken.MAX_BASE_URL_LENGTH);
        }
    }

    public String token(Certificate c, String creditCode, String standardNumber) {
        if (c.qrSignature == null) {
            throw new Conflict("no-qr", "Certificate " + c.number + " has no signed QR claims");
        }
        return QrToken.encode(CertificateService.qrClaims(c, creditCode, standardNumber), c.qrSignature);
    }

    public String url(String token) {
        return QrToken.labelUrl(config.publicBaseUrl(), token);
    }

    public QrInfo info(String url, ErrorCorrectionLevel ecc) {
        QRCode qr = encode(url, ecc);
        return new QrInfo(url, qr.getVersion().getVersionNumber(), ecc.name(), qr.getMatrix().getWidth());
    }

    /** @param url the certificate's label URL, asked for only when the image is not cached */
    public Rendered svg(String number, Supplier<String> url, Style style) {
        return cached("svg|" + number + "|" + style, () -> {
            ByteMatrix m = encode(url.get(), style.ecc()).getMatrix();
            int size = m.getWidth() + 2 * style.margin();
            StringBuilder svg = new StringBuilder(8192);
            svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 ").append(size).append(' ').append(size)
                    .append("\" width=\"").append(size * style.scale()).append("\" height=\"").append(size * style.scale())
                    .append("\" shape-rendering=\"crispEdges\">");
            svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>");
            modulesPath(svg, m, style.margin(), style.margin());
            svg.append("</svg>");
            return new Rendered(svg.toString().getBytes(StandardCharsets.UTF_8), "image/svg+xml", null);
        });
    }

    /** @param url the certificate's label URL, asked for only when the image is not cached */
    public Rendered png(String number, Supplier<String> url, Style style) {
        return cached("png|" + number + "|" + style, () -> {
            ByteMatrix m = encode(url.get(), style.ecc()).getMatrix();
            byte[] png = MonochromePng.write((x, y) -> m.get(x, y) == 1, m.getWidth(), m.getHeight(), style.margin(), style.scale());
            return new Rendered(png, "image/png", null);
        });
    }

    /**
     * A printable mark label: the mark with "深圳标准 Shenzhen Standard", the QR code (level Q, 4-module quiet
     * zone) and the certificate number. Units are millimetres at 0.5 mm per module.
     */
    public Rendered label(String number, Supplier<String> url) {
        return cached("label|" + number, () -> {
            ByteMatrix m = encode(url.get(), ErrorCorrectionLevel.Q).getMatrix();
            int modules = m.getWidth() + 8;
            double qrSize = modules * 0.5;
            double width = Math.max(qrSize + 8, 52);
            double qrX = (width - qrSize) / 2;
            double qrY = 17;
            double height = qrY + qrSize + 9;
            StringBuilder svg = new StringBuilder(12_000);
            svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 ").append(fmt(width)).append(' ')
                    .append(fmt(height)).append("\" width=\"").append(fmt(width)).append("mm\" height=\"").append(fmt(height))
                    .append("mm\" role=\"img\" aria-label=\"深圳标准 Shenzhen Standard ").append(escape(number)).append("\">");
            svg.append("<rect x=\"0.25\" y=\"0.25\" width=\"").append(fmt(width - 0.5)).append("\" height=\"").append(fmt(height - 0.5))
                    .append("\" rx=\"2\" fill=\"#fff\" stroke=\"#0a5cad\" stroke-width=\"0.5\"/>");
            // the diamond mark with an S, in tech blue
            double titleX = (width - 48) / 2;
            svg.append("<g transform=\"translate(").append(fmt(titleX + 6)).append(" 8.5)\">")
                    .append("<path d=\"M0 -5.5 L5.5 0 L0 5.5 L-5.5 0 Z\" fill=\"#0a5cad\"/>")
                    .append("<text x=\"0\" y=\"2.1\" font-size=\"6\" font-weight=\"bold\" fill=\"#fff\" text-anchor=\"middle\" font-family=\"sans-serif\">S</text></g>");
            svg.append("<text x=\"").append(fmt(titleX + 14)).append("\" y=\"8.2\" font-size=\"5\" font-weight=\"bold\" fill=\"#0a5cad\" font-family=\"sans-serif\">深圳标准</text>");
            svg.append("<text x=\"").append(fmt(titleX + 14)).append("\" y=\"13\" font-size=\"3\" fill=\"#0a5cad\" font-family=\"sans-serif\">Shenzhen Standard</text>");
            svg.append("<g transform=\"translate(").append(fmt(qrX)).append(' ').append(fmt(qrY)).append(") scale(0.5)\" shape-rendering=\"crispEdges\">");
            svg.append("<rect width=\"").append(modules).append("\" height=\"").append(modules).append("\" fill=\"#fff\"/>");
            modulesPath(svg, m, 4, 4);
            svg.append("</g>");
            svg.append("<text x=\"").append(fmt(width / 2)).append("\" y=\"").append(fmt(qrY + qrSize + 5.5))
                    .append("\" font-size=\"3.2\" text-anchor=\"middle\" fill=\"#1b1f24\" font-family=\"monospace\">")
                    .append(escape(number)).append("</text>");
            svg.append("</svg>");
            return new Rendered(svg.toString().getBytes(StandardCharsets.UTF_8), "image/svg+xml", null);
        });
    }

    static QRCode encode(String url, ErrorCorrectionLevel ecc) {
        try {
            return Encoder.encode(url, ecc, Map.of(EncodeHintType.CHARACTER_SET, "ISO-8859-1"));
        } catch (WriterException e) {
            throw new IllegalStateException("QR encoding failed", e);
        }
    }

    /** Dark modules as one path of horizontal runs: far smaller than a rect per module. */
    private static void modulesPath(StringBuilder svg, ByteMatrix m, int dx, int dy) {
        svg.append("<path fill=\"#000\" d=\"");
        for (int y = 0; y < m.getHeight(); y++) {
            int x = 0;
            while (x < m.getWidth()) {
                if (m.get(x, y) != 1) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < m.getWidth() && m.get(x, y) == 1) x++;
                svg.append('M').append(start + dx).append(' ').append(y + dy).append('h').append(x - start).append("v1h-")
                        .append(x - start).append('z');
            }
        }
        svg.append("\"/>");
    }

    private Rendered cached(String key, Supplier<Rendered> render) {
        Rendered r = cache.getIfPresent(key);
        if (r != null) return r;
        Rendered fresh = render.get();
        Rendered withTag = new Rendered(fresh.bytes(), fresh.contentType(), etag(fresh.bytes()));
        cache.put(key, withTag);
        return withTag;
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(d).substring(0, 27) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.2f", v);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
