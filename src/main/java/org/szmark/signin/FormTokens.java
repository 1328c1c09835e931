package org.szmark.signin;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Anti-forgery tokens of the sign-in and account forms (synchroniser tokens, OWASP CSRF cheat sheet). A signed-in
 * form carries HMAC-SHA256(session secret, purpose): only a page served to that session can know it, it dies with
 * the session, and nothing is stored. A form before sign-in (setting a password from a link) is bound to the link's
 * token the same way. The sign-in POST itself is guarded by its Origin (see {@link SignInFilter}).
 */
@Singleton
public class FormTokens {

    public static final String FIELD = "csrf-token";

    public String of(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] d = mac.doFinal("szmark form".getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean valid(String secret, String sent) {
        if (secret == null || sent == null || sent.length() > 100) return false;
        return MessageDigest.isEqual(of(secret).getBytes(StandardCharsets.US_ASCII), sent.getBytes(StandardCharsets.US_ASCII));
    }
}
