package org.szmark.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature on every webhook request (docs/webhooks.md): {@code v1=} and the lower-case hex of
 * HMAC-SHA256 keyed with the endpoint's secret (its ASCII bytes, prefix included) over
 * {@code <timestamp> "." <body bytes>}. The timestamp is signed with the body so a captured request
 * cannot be replayed later with a fresh timestamp.
 */
public final class WebhookSignature {
    private WebhookSignature() {}

    public static final String ID_HEADER = "Szmark-Webhook-Id";
    public static final String TIMESTAMP_HEADER = "Szmark-Webhook-Timestamp";
    public static final String SIGNATURE_HEADER = "Szmark-Webhook-Signature";
    public static final String EVENT_HEADER = "Szmark-Webhook-Event";
    public static final String ATTEMPT_HEADER = "Szmark-Webhook-Attempt";
    public static final String SCHEME = "v1";

    /** The header value for one secret: {@code v1=<64 hex digits>}. */
    public static String header(String secret, long timestamp, byte[] body) {
        return SCHEME + "=" + HexFormat.of().formatHex(mac(secret, timestamp, body));
    }

    /**
     * What a receiver does: the timestamp lies within {@code toleranceSeconds} of {@code nowSeconds} and one
     * of the {@code v1=} values in the header (several may be given, separated by commas or spaces) is the
     * HMAC of this body, compared in constant time.
     */
    public static boolean verify(String secret, String timestampHeader, String signatureHeader, byte[] body,
                                 long nowSeconds, long toleranceSeconds) {
        if (timestampHeader == null || signatureHeader == null || !timestampHeader.matches("[0-9]{1,12}")) return false;
        long timestamp = Long.parseLong(timestampHeader);
        if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
        byte[] expected = mac(secret, timestamp, body);
        boolean ok = false;
        for (String part : signatureHeader.split("[,\\s]+")) {
            if (!part.startsWith(SCHEME + "=")) continue;
            String hex = part.substring(SCHEME.length() + 1);
            if (!hex.matches("[0-9a-fA-F]{64}")) continue;
            // keep looking after a match so the time taken does not tell which value matched
            ok |= MessageDigest.isEqual(expected, HexFormat.of().parseHex(hex));
        }
        return ok;
    }

    static byte[] mac(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
