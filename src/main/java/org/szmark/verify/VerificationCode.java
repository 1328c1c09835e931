package org.szmark.verify;

/**
 * The registry's own reasons for a verdict, beside the reasons a body gives for a status change
 * ({@link org.szmark.certificate.ReasonCode}). Each has a sentence in both page languages
 * ({@code verification_$<name>} in messages/msg_*.properties, web/Msg).
 */
public enum VerificationCode {
    VALID,
    /** The certificate ran past its expiry date ({0}: that date). */
    EXPIRED,
    /** A valid certificate of a body the authority suspended or withdrew. */
    BODY_SUSPENDED,
    BODY_WITHDRAWN,
    TOKEN_MISSING,
    TOKEN_TOO_LONG,
    TOKEN_MALFORMED,
    UNSUPPORTED_VERSION,
    UNKNOWN_KEY,
    BAD_SIGNATURE,
    UNKNOWN_CERTIFICATE,
    KEY_COMPROMISED,
    KEY_REVOKED,
    OUTSIDE_KEY_VALIDITY,
    CLAIMS_MISMATCH
}
