package org.szmark.limits;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.IntUnaryOperator;
import org.jboss.logging.Logger;
import org.szmark.certificate.Idempotency;
import org.szmark.config.SzmarkConfig;
import org.szmark.signin.SignInRetention;
import org.szmark.webhook.DeliveryRetention;

/**
 * Purges what would otherwise grow without bound (README.md, Configuration, {@code szmark.retention.*}):
 * idempotency records, finished webhook deliveries with their attempts, spent sign-in failure counts and ended staff
 * sessions. Each chunk of
 * {@code purge-chunk} rows is its own short transaction, so the purge never holds many row locks or one
 * long transaction while issuance goes on. Every instance runs it; two at once only delete the same rows
 * twice, which the second finds gone.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    @Inject Idempotency idempotency;
    @Inject DeliveryRetention deliveries;
    @Inject SignInRetention signIn;
    @Inject SzmarkConfig config;
    @Inject Clock clock;

    /** Rows removed by one run. */
    public record Purged(long idempotencyRecords, long webhookDeliveries, long signInFailures, long staffSessions) {
        long total() {
            return idempotencyRecords + webhookDeliveries + signInFailures + staffSessions;
        }
    }

    // The first run waits a little so that it never competes with the start itself.
    @Scheduled(identity = "retention-purge", every = "${szmark.retention.purge-interval:1h}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            Purged p = purge(config.retention().purgeChunk());
            if (p.total() > 0) {
                LOG.infof("Retention purge removed %d idempotency records, %d finished webhook deliveries, %d spent"
                        + " sign-in failure counts and %d ended staff sessions",
                        p.idempotencyRecords(), p.webhookDeliveries(), p.signInFailures(), p.staffSessions());
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Retention purge failed; it is tried again at the next interval");
        }
    }

    /** One run with chunks of {@code chunk} rows. */
    public Purged purge(int chunk) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        SzmarkConfig.Retention r = config.retention();
        OffsetDateTime records = now.minus(r.idempotency());
        OffsetDateTime sent = now.minus(r.webhookDeliveries());
        return new Purged(inChunks(chunk, n -> idempotency.purgeBefore(records, n)),
                inChunks(chunk, n -> deliveries.purgeFinishedBefore(sent, n)),
                inChunks(chunk, signIn::purgeSpentFailures), inChunks(chunk, signIn::purgeEndedSessions));
    }

    private static long inChunks(int chunk, IntUnaryOperator deleteUpTo) {
        int size = Math.max(1, chunk);
        long total = 0;
        while (true) {
            int n = QuarkusTransaction.requiringNew().call(() -> deleteUpTo.applyAsInt(size));
            // Only an empty chunk means nothing old is left: a short one may just have lost rows to another
            // instance's purge running at the same time, which said nothing about the rows after them.
            if (n == 0) return total;
            total += n;
        }
    }
}
