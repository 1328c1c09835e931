package org.szmark.webhook;

import jakarta.transaction.TransactionScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which holders a batch issues to have webhook endpoints, read once at the start of its transaction and used
 * for each of its changes. As current as reading it per change: a batch commits or rolls back as one.
 */
@TransactionScoped
public class HoldersOfTransaction {
    private final Map<Long, Boolean> hasEndpoints = new HashMap<>();

    void remember(Iterable<Long> holderIds, Collection<Long> withEndpoints) {
        for (Long id : holderIds) hasEndpoints.put(id, withEndpoints.contains(id));
    }

    Optional<Boolean> hasEndpoints(long holderId) {
        return Optional.ofNullable(hasEndpoints.get(holderId));
    }
}
