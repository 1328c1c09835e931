package org.szmark.certificate;

import java.util.EnumSet;
import java.util.Set;

/** Machine-readable reasons for status changes (CNCA practice), each valid for certain changes only. */
public enum ReasonCode {
    // suspension (暂停)
    CORRECTABLE_NONCONFORMITY(EnumSet.of(StatusChange.SUSPENDED)),
    MARK_MISUSE(EnumSet.of(StatusChange.SUSPENDED, StatusChange.REVOKED)),
    SURVEILLANCE_OVERDUE(EnumSet.of(StatusChange.SUSPENDED)),
    SURVEILLANCE_FAILED(EnumSet.of(StatusChange.SUSPENDED, StatusChange.REVOKED)),
    SPOT_CHECK_FAILED(EnumSet.of(StatusChange.SUSPENDED, StatusChange.REVOKED)),
    HOLDER_REQUEST(EnumSet.of(StatusChange.SUSPENDED, StatusChange.CANCELLED)),
    // reinstatement (恢复)
    CORRECTION_VERIFIED(EnumSet.of(StatusChange.REINSTATED)),
    SUSPENSION_REQUEST_ENDED(EnumSet.of(StatusChange.REINSTATED)),
    // revocation (撤销)
    NOT_CORRECTED(EnumSet.of(StatusChange.REVOKED)),
    SERIOUS_DEFECT(EnumSet.of(StatusChange.REVOKED)),
    QUALITY_ACCIDENT(EnumSet.of(StatusChange.REVOKED)),
    FRAUD(EnumSet.of(StatusChange.REVOKED)),
    // cancellation (注销)
    PRODUCT_DISCONTINUED(EnumSet.of(StatusChange.CANCELLED)),
    RULES_NOT_MET(EnumSet.of(StatusChange.CANCELLED)),
    RECERTIFIED(EnumSet.of(StatusChange.SUPERSEDED)),
    OTHER(EnumSet.of(StatusChange.SUSPENDED, StatusChange.REINSTATED, StatusChange.REVOKED, StatusChange.CANCELLED));

    public final Set<StatusChange> allowedFor;

    ReasonCode(Set<StatusChange> allowedFor) {
        this.allowedFor = allowedFor;
    }
}
