package org.szmark.certificate;

/**
 * Fired synchronously, inside the transaction of the change, for every issuance and status change.
 * Observers that write (notices, webhook deliveries) therefore commit or roll back with the change.
 */
public record StatusChanged(long certificateId, String certificateNumber, long bodyId, long holderId, long eventId, int seq,
                            StatusChange event, CertificateStatus from, CertificateStatus to) {}
