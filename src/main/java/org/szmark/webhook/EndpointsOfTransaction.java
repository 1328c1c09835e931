package org.szmark.webhook;

import jakarta.transaction.TransactionScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The webhook endpoints of the holders a batch issues to, read once at the start of its transaction and
 * used for each of its events. As current as reading them per event: a batch commits or rolls back as one.
 */
@TransactionScoped
public class EndpointsOfTransaction {
    private final Map<Long, List<WebhookEndpoint>> byHolder = new HashMap<>();

    void remember(Iterable<Long> holderIds, List<WebhookEndpoint> endpoints) {
        for (Long id : holderIds) byHolder.putIfAbsent(id, new ArrayList<>());
        for (WebhookEndpoint e : endpoints) byHolder.get(e.enterpriseId).add(e);
    }

    Optional<List<WebhookEndpoint>> of(long holderId) {
        return Optional.ofNullable(byHolder.get(holderId));
    }
}
