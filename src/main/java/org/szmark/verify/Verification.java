package org.szmark.verify;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.szmark.certificate.CertificateViews.CertificateView;

/**
 * The result of checking a QR token: verdict, machine-readable reason ({@code reasonCode}, a {@link
 * VerificationCode} or a certificate's {@link org.szmark.certificate.ReasonCode}) with its English sentence,
 * the words of whoever made the change ({@code statement}: the body for a certificate, the authority for a
 * body), what the token claims, and, for a genuine token, the certificate as the registry holds it now and,
 * when it was renewed, the certificate that replaced it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Verification(Verdict verdict, boolean genuine, String reasonCode, String reason, String statement,
                           LocalDate suspendedUntil, Successor successor, Claims claims, CertificateView certificate,
                           LogInclusion log, OffsetDateTime asOf) {

    /** The offline claims carried by the token itself. */
    public record Claims(String certificateNumber, String creditCode, String standardNumber, LocalDate expiryDate,
                         String keyIdPrefix, int formatVersion) {}

    /** Where the certificate's latest event sits in the public log, and whether its inclusion was checked. */
    public record LogInclusion(long index, Long checkpointSize, boolean inclusionVerified) {}

    /** The certificate that replaced a renewed one, with its own verdict now and its verification URL. */
    public record Successor(String number, Verdict verdict, String url) {}

    /** The same result as of another moment, for a cached result that is still current. */
    public Verification asOf(OffsetDateTime t) {
        return new Verification(verdict, genuine, reasonCode, reason, statement, suspendedUntil, successor, claims,
                certificate == null ? null : certificate.asOf(t), log, t);
    }

    public Verification withLog(LogInclusion l) {
        return new Verification(verdict, genuine, reasonCode, reason, statement, suspendedUntil, successor, claims,
                certificate, l, asOf);
    }
}
