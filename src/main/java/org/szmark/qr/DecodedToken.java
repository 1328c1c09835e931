package org.szmark.qr;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A decoded token: the claims, the exact bytes the signature must verify over, and the signature.
 * Decoding checks the format only; the caller verifies the signature with the key named by
 * {@code claims().keyIdPrefix()}.
 */
public record DecodedToken(QrClaims claims, byte[] claimsBytes, byte[] signature) {

    public DecodedToken {
        Objects.requireNonNull(claims, "claims");
        claimsBytes = Objects.requireNonNull(claimsBytes, "claimsBytes").clone();
        signature = Objects.requireNonNull(signature, "signature").clone();
    }

    @Override
    public byte[] claimsBytes() {
        return claimsBytes.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DecodedToken d
                && claims.equals(d.claims)
                && Arrays.equals(claimsBytes, d.claimsBytes)
                && Arrays.equals(signature, d.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(claims, Arrays.hashCode(claimsBytes), Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "DecodedToken[claims=" + claims + ", claimsBytes=" + HexFormat.of().formatHex(claimsBytes)
                + ", signature=" + HexFormat.of().formatHex(signature) + "]";
    }
}
