package org.szmark.signin;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.szmark.account.AuditTrail;
import org.szmark.config.SzmarkConfig;

/**
 * The optional second factor: TOTP (RFC 6238; SHA-1, 6 digits, 30 s, as every authenticator app reads it). A code
 * is taken for the current step or one step either side (clock drift), and only for a step later than the last one
 * accepted for the user, kept in {@code staff_user.totp_last_step} by one conditional update: so a code, once used,
 * cannot be used again, on any instance, even at the same moment.
 */
@ApplicationScoped
public class TotpService {

    static final int PERIOD = 30;
    static final int DIGITS = 6;

    private final CodeGenerator codes = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);

    @Inject EntityManager em;
    @Inject SignInTime time;
    @Inject AuditTrail audit;
    @Inject SzmarkConfig config;

    public record Enrolment(String secret, String uri, String qrDataUri) {}

    /** The secret being enrolled (a new one, or the unconfirmed one of an earlier visit) with its otpauth URI and QR. */
    @Transactional
    public Enrolment enrolment(long staffUserId) {
        StaffUser u = em.find(StaffUser.class, staffUserId, LockModeType.PESSIMISTIC_WRITE);
        if (u.hasTotp()) throw new IllegalStateException("already enrolled");
        if (u.totpSecret == null) u.totpSecret = new DefaultSecretGenerator(32).generate();
        String uri = new QrData.Builder().label(u.userName).secret(u.totpSecret).issuer(config.signIn().totpIssuer())
                .algorithm(HashingAlgorithm.SHA1).digits(DIGITS).period(PERIOD).build().getUri();
        return new Enrolment(u.totpSecret, uri, "data:image/png;base64," + Base64.getEncoder().encodeToString(png(uri)));
    }

    /** Turns the factor on when the code fits the secret being enrolled. */
    @Transactional
    public boolean confirm(long staffUserId, String code) {
        StaffUser u = em.find(StaffUser.class, staffUserId, LockModeType.PESSIMISTIC_WRITE);
        if (u.hasTotp() || u.totpSecret == null || !accept(u, code)) return false;
        u.totpConfirmedAt = time.now();
        audit.record("staff.totp-on", "account", u.accountId, null);
        return true;
    }

    /** The second step of sign-in: a right, unused code completes the session; a wrong one counts as a failed sign-in. */
    @Transactional
    public boolean completeSignIn(StaffSignIn s, String code) {
        StaffUser u = em.find(StaffUser.class, s.staffUserId());
        if (u.hasTotp() && accept(u, code)) {
            em.createQuery("update StaffSession x set x.awaitingCode = false where x.id = :id")
                    .setParameter("id", s.sessionId()).executeUpdate();
            return true;
        }
        return false;
    }

    /** Right for a step within one of now, and later than the last accepted one (checked and recorded atomically). */
    private boolean accept(StaffUser u, String code) {
        if (code == null) return false;
        String c = code.replace(" ", "").trim();
        if (!c.matches("\\d{" + DIGITS + "}")) return false;
        long now = time.now().toEpochSecond() / PERIOD;
        for (long step = now - 1; step <= now + 1; step++) {
            if (!matches(u.totpSecret, step, c)) continue;
            int taken = em.createQuery("update StaffUser x set x.totpLastStep = :step"
                            + " where x.id = :id and (x.totpLastStep is null or x.totpLastStep < :step)")
                    .setParameter("step", step).setParameter("id", u.id).executeUpdate();
            // The loaded entity must agree, or its flush (of totp_confirmed_at) would write the old step back.
            if (taken == 1) u.totpLastStep = step;
            return taken == 1;
        }
        return false;
    }

    private boolean matches(String secret, long step, String code) {
        try {
            return MessageDigest.isEqual(codes.generate(secret, step).getBytes(StandardCharsets.US_ASCII),
                    code.getBytes(StandardCharsets.US_ASCII));
        } catch (CodeGenerationException e) {
            return false;
        }
    }

    /** The code of a step, for tests that play the authenticator app. */
    static String codeAt(String secret, long epochSecond) throws CodeGenerationException {
        return new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS).generate(secret, epochSecond / PERIOD);
    }

    private static byte[] png(String text) {
        try {
            BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 240, 240,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(m, "PNG", out);
            return out.toByteArray();
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
