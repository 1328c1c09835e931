package org.szmark.certificate;

/**
 * Status of a certificate as shown to everyone. EXPIRED is never stored: it follows from the expiry
 * date when the certificate is read, so no background job is needed for it to be right.
 */
public enum CertificateStatus {
    VALID, SUSPENDED, REVOKED, CANCELLED, EXPIRED;

    public boolean isFinal() {
        return this == REVOKED || this == CANCELLED || this == EXPIRED;
    }
}
