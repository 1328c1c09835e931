package org.szmark.certificate;

import java.util.EnumSet;
import java.util.Set;

/** The kinds of event in a certificate's history, with the status each leads to and where it may start. */
public enum StatusChange {
    ISSUED(CertificateStatus.VALID, EnumSet.noneOf(CertificateStatus.class)),
    SUSPENDED(CertificateStatus.SUSPENDED, EnumSet.of(CertificateStatus.VALID)),
    REINSTATED(CertificateStatus.VALID, EnumSet.of(CertificateStatus.SUSPENDED)),
    REVOKED(CertificateStatus.REVOKED, EnumSet.of(CertificateStatus.VALID, CertificateStatus.SUSPENDED)),
    CANCELLED(CertificateStatus.CANCELLED, EnumSet.of(CertificateStatus.VALID, CertificateStatus.SUSPENDED)),
    /** Recertified: the successor takes over and this certificate is cancelled. */
    SUPERSEDED(CertificateStatus.CANCELLED, EnumSet.of(CertificateStatus.VALID, CertificateStatus.SUSPENDED));

    public final CertificateStatus to;
    public final Set<CertificateStatus> from;

    StatusChange(CertificateStatus to, Set<CertificateStatus> from) {
        this.to = to;
        this.from = from;
    }

    public boolean allowedFrom(CertificateStatus current) {
        return from.contains(current);
    }
}
