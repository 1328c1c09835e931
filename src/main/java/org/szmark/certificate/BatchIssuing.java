package org.szmark.certificate;

import java.util.Set;

/**
 * Fired inside a batch issuance's transaction before its items are issued, naming the holders the batch
 * issues to, so that observers of {@link StatusChanged} can read what they need for all of them with one
 * query instead of one per certificate.
 */
public record BatchIssuing(Set<Long> holderIds) {}
