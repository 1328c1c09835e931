package org.szmark.webhook;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.szmark.keys.KeyMaterial;

/**
 * Endpoint signing secrets: {@code whsec_} and 256 random bits in base64url. The registry must keep the
 * secret to sign with it, so it is sealed under the master key, bound to its endpoint by the associated
 * data, and shown to the enterprise only once.
 */
@Singleton
public class WebhookSecrets {

    static final String PREFIX = "whsec_";
    static final int HINT_LENGTH = PREFIX.length() + 4;

    private final SecureRandom random = new SecureRandom();

    @Inject KeyMaterial keys;

    public String generate() {
        byte[] bits = new byte[32];
        random.nextBytes(bits);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    public static String hint(String secret) {
        return secret.substring(0, HINT_LENGTH);
    }

    public byte[] seal(long endpointId, String secret) {
        return keys.sealer().seal(secret.getBytes(StandardCharsets.US_ASCII), aad(endpointId));
    }

    public String open(long endpointId, byte[] sealed) {
        return new String(keys.sealer().open(sealed, aad(endpointId)), StandardCharsets.US_ASCII);
    }

    static byte[] aad(long endpointId) {
        return ("szmark.webhook-secret:" + endpointId).getBytes(StandardCharsets.US_ASCII);
    }
}
