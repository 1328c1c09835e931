package org.szmark.qr;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.szmark.ident.IdentifierText;

/**
 * What a label's QR token states, signed by the certification body.
 *
 * <p>Text fields are upper-cased (ASCII letters only) on construction because the token carries upper
 * case only; whether they can be encoded at all is checked by {@link QrToken#claimsBytes}.
 *
 * @param version           token format version ({@link QrToken#VERSION})
 * @param keyIdPrefix       first 4 bytes of the signing key's ID (SHA-256 of the raw public key)
 * @param certificateNumber certificate number
 * @param creditCode        holder's unified social credit code (GB 32100-2015), 18 characters
 * @param standardNumber    basis standard number, normalised (e.g. {@code T/SZWD 004-2019})
 * @param expiry            certificate expiry date
 */
public record QrClaims(int version, byte[] keyIdPrefix, String certificateNumber, String creditCode,
                       String standardNumber, LocalDate expiry) {

    public QrClaims {
        Objects.requireNonNull(keyIdPrefix, "keyIdPrefix");
        if (keyIdPrefix.length != QrToken.KEY_ID_PREFIX_LENGTH) {
            throw new IllegalArgumentException("keyIdPrefix must be " + QrToken.KEY_ID_PREFIX_LENGTH
                    + " bytes, got " + keyIdPrefix.length);
        }
        keyIdPrefix = keyIdPrefix.clone();
        certificateNumber = IdentifierText.upperAscii(Objects.requireNonNull(certificateNumber, "certificateNumber"));
        creditCode = IdentifierText.upperAscii(Objects.requireNonNull(creditCode, "creditCode"));
        standardNumber = IdentifierText.upperAscii(Objects.requireNonNull(standardNumber, "standardNumber"));
        Objects.requireNonNull(expiry, "expiry");
    }

    /** Claims of the current format {@link QrToken#VERSION}. */
    public QrClaims(byte[] keyIdPrefix, String certificateNumber, String creditCode, String standardNumber,
                    LocalDate expiry) {
        this(QrToken.VERSION, keyIdPrefix, certificateNumber, creditCode, standardNumber, expiry);
    }

    @Override
    public byte[] keyIdPrefix() {
        return keyIdPrefix.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QrClaims c
                && version == c.version
                && Arrays.equals(keyIdPrefix, c.keyIdPrefix)
                && certificateNumber.equals(c.certificateNumber)
                && creditCode.equals(c.creditCode)
                && standardNumber.equals(c.standardNumber)
                && expiry.equals(c.expiry);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, Arrays.hashCode(keyIdPrefix), certificateNumber, creditCode, standardNumber, expiry);
    }

    @Override
    public String toString() {
        return "QrClaims[version=" + version + ", keyIdPrefix=" + HexFormat.of().formatHex(keyIdPrefix)
                + ", certificateNumber=" + certificateNumber + ", creditCode=" + creditCode
                + ", standardNumber=" + standardNumber + ", expiry=" + expiry + "]";
    }
}
