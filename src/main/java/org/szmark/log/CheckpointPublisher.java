package org.szmark.log;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Signs a new checkpoint whenever the tree has grown, every {@code szmark.log.checkpoint-interval}
 * (1 s by default), so a change is covered by a published checkpoint within that interval. Every
 * instance runs it; the unique tree size makes a second signature of the same size a no-op.
 */
@ApplicationScoped
public class CheckpointPublisher {

    @Inject LogService log;

    @Scheduled(identity = "log-checkpoint", every = "${szmark.log.checkpoint-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void publish() {
        log.publishCheckpoint();
    }
}
