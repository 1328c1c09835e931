package org.szmark.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.szmark.crypto.Ed25519;
import org.szmark.crypto.SignedEnvelope;
import org.szmark.qr.DecodedToken;
import org.szmark.qr.QrToken;
import org.szmark.qr.TokenException;

/**
 * Checks a label without the registry: decodes the QR image, verifies the token's signature against a
 * saved trust list (itself checked with the authority key when one is given) and prints what the label
 * claims. Status changes after the trust list was saved cannot be seen offline, and it says so.
 *
 * <p>Exit codes: 0 genuine signature, 1 not genuine, 2 unusable input.
 */
public final class OfflineVerifier {

    public static final int GENUINE = 0;
    public static final int NOT_GENUINE = 1;
    public static final int UNUSABLE = 2;

    /**
     * The trust list holds every body key ever approved, so it outgrows the record limit of
     * {@link org.szmark.crypto.CanonicalJson#MAX_INPUT_BYTES}; 16 MiB is tens of thousands of keys.
     */
    public static final int MAX_TRUST_LIST_BYTES = 16 * 1024 * 1024;

    static final String USAGE = "verify --trust-list <trust-list.json> [--authority-key <base64 Ed25519 public key>]";
    static final String USAGE_2 = "       <label image>";

    private OfflineVerifier() {}

    /** The {@code verify} command line without its name, as {@code java -jar quarkus-run.jar verify} takes it. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        return org.szmark.cli.Commands.run("verify", args, out, err);
    }

    /**
     * Checks the label image {@code image} against the trust list in {@code trustListFile}, itself checked with
     * {@code authorityKey} (base64) unless that is null; prints what the label claims and the verdict.
     */
    public static int verify(String trustListFile, String authorityKey, String image, PrintStream out, PrintStream err) {
        List<TrustedKey> keys;
        String asOf;
        try {
            // Base64 makes the envelope about 4/3 of its payload.
            if (Files.size(Path.of(trustListFile)) > MAX_TRUST_LIST_BYTES / 3 * 4 + 4096) {
                err.println("Cannot read the trust list " + trustListFile + ": larger than a trust list can be");
                return UNUSABLE;
            }
            JsonNode envelope = new ObjectMapper().readTree(Files.readAllBytes(Path.of(trustListFile)));
            SignedEnvelope list = SignedEnvelope.parse(envelope);
            if (authorityKey != null) {
                if (!Ed25519.verify(Base64.getDecoder().decode(authorityKey.trim()), list.payload(), list.signature())) {
                    err.println("The trust list's signature does not verify with the given authority key: refusing to use it");
                    return UNUSABLE;
                }
                out.println("Trust list: signature by the authority verified");
            } else {
                out.println("Trust list: signature NOT checked (pass --authority-key to check it)");
            }
            JsonNode payload = list.payloadJson(MAX_TRUST_LIST_BYTES);
            asOf = payload.path("issuedAt").asText("unknown");
            keys = new ArrayList<>();
            for (JsonNode k : payload.path("keys")) {
                keys.add(new TrustedKey(k.path("keyId").asText(), Base64.getDecoder().decode(k.path("publicKey").asText()),
                        k.path("body"), text(k, "compromisedAt"), text(k, "revokedAt")));
            }
        } catch (IOException | RuntimeException e) {
            err.println("Cannot read the trust list " + trustListFile + ": " + safe(e));
            return UNUSABLE;
        }

        String text;
        try {
            BufferedImage img = ImageIO.read(Path.of(image).toFile());
            if (img == null) {
                err.println("Not a readable image: " + image);
                return UNUSABLE;
            }
            text = decode(img);
        } catch (NotFoundException e) {
            err.println("No QR code found in " + image);
            return UNUSABLE;
        } catch (IOException | RuntimeException e) {
            err.println("Cannot read the image " + image + ": " + safe(e));
            return UNUSABLE;
        }
        out.println("QR code: " + text);

        int at = text.toUpperCase(Locale.ROOT).lastIndexOf(QrToken.PATH);
        if (at < 0) {
            out.println("Verdict: NOT GENUINE (the code is not a Shenzhen Standard label URL)");
            return NOT_GENUINE;
        }
        DecodedToken token;
        try {
            token = QrToken.decode(text.substring(at + QrToken.PATH.length()));
        } catch (TokenException e) {
            out.println("Verdict: NOT GENUINE (malformed label code: " + e.reason() + ")");
            return NOT_GENUINE;
        }
        var c = token.claims();
        String prefix = HexFormat.of().formatHex(c.keyIdPrefix());
        out.println("Certificate number: " + c.certificateNumber());
        out.println("Holder credit code: " + c.creditCode());
        out.println("Basis standard:     " + c.standardNumber());
        out.println("Valid until:        " + c.expiry());
        TrustedKey key = keys.stream().filter(k -> k.keyId().startsWith(prefix)).findFirst().orElse(null);
        if (key == null) {
            out.println("Verdict: NOT GENUINE (signed by key " + prefix + ", which no approved body holds in this trust list)");
            return NOT_GENUINE;
        }
        out.println("Issued by:          " + key.body().path("nameZh").asText() + " / " + key.body().path("nameEn").asText()
                + " (" + key.body().path("approvalNumber").asText() + "), key " + key.keyId());
        if (!Ed25519.verify(key.publicKey(), token.claimsBytes(), token.signature())) {
            out.println("Verdict: NOT GENUINE (the signature does not match: altered or forged)");
            return NOT_GENUINE;
        }
        if (key.compromisedAt() != null) {
            out.println("Verdict: NOT GENUINE (the signing key was reported compromised at " + key.compromisedAt()
                    + "; when this label was signed cannot be established offline)");
            return NOT_GENUINE;
        }
        out.println("Verdict: GENUINE signature" + (key.revokedAt() != null ? " (key retired from use at " + key.revokedAt() + ")" : ""));
        out.println("Status: not checked offline; trust list as of " + asOf + ". Scan online for suspensions and revocations.");
        return GENUINE;
    }

    /**
     * A clean rendered label decodes best as a pure barcode; a photo or scan needs the general detector.
     * Both are tried before giving up.
     */
    private static String decode(BufferedImage img) throws NotFoundException {
        var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(img)));
        try {
            return new MultiFormatReader().decode(bitmap, Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE),
                    DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
        } catch (NotFoundException e) {
            return new MultiFormatReader().decode(bitmap, Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE),
                    DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        }
    }

    private record TrustedKey(String keyId, byte[] publicKey, JsonNode body, String compromisedAt, String revokedAt) {}

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    /** Messages for people: no exception class names. */
    private static String safe(Exception e) {
        return e.getMessage() == null ? "unreadable" : e.getMessage();
    }
}
