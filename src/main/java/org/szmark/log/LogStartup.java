package org.szmark.log;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Path;
import java.util.List;
import org.jboss.logging.Logger;
import org.szmark.config.SzmarkConfig;
import org.szmark.crypto.SignedEnvelope;
import org.szmark.log.LogStore.StoredCheckpoint;
import org.szmark.log.note.Checkpoint;
import org.szmark.log.note.NoteVerificationException;

/**
 * At start: refuses a log key that does not verify the log's own latest checkpoint (a second
 * instance with another key, or a lost key file, would otherwise fork the log silently); refuses a log
 * that does not contain the configured floor checkpoint ({@link LogFloor}); logs the status events
 * recorded before the log existed, oldest first; and signs the first checkpoint.
 */
@ApplicationScoped
public class LogStartup {

    private static final Logger LOG = Logger.getLogger(LogStartup.class);
    private static final int BATCH = 200;

    @Inject LogService log;
    @Inject LogStore store;
    @Inject LogKey key;
    @Inject EntityManager em;
    @Inject SzmarkConfig config;

    void onStart(@Observes StartupEvent ev) {
        QuarkusTransaction.requiringNew().run(this::checkKey);
        QuarkusTransaction.requiringNew().run(this::checkFloor);
        long logged = 0;
        int n;
        do {
            n = QuarkusTransaction.requiringNew().call(this::backfillSome);
            logged += n;
        } while (n == BATCH);
        if (logged > 0) {
            LOG.infof("Logged %d status events recorded before the log existed", logged);
        }
        log.publishCheckpoint();
    }

    private void checkKey() {
        StoredCheckpoint latest = store.latestCheckpoint().orElse(null);
        if (latest == null) {
            return;
        }
        try {
            Checkpoint.parseVerified(latest.note(), key.origin(), List.of(key.verifierKey()));
        } catch (NoteVerificationException | IllegalArgumentException e) {
            throw new IllegalStateException("The log key " + key.verifierKey() + " does not verify the latest stored checkpoint"
                    + " (tree size " + latest.size() + "): " + e.getMessage() + ". Restore the log key this log was started with.");
        }
    }

    private void checkFloor() {
        if (config.log().floorCheckpointFile().isEmpty()) {
            return;
        }
        Path file = Path.of(config.log().floorCheckpointFile().get());
        try {
            Checkpoint floor = LogFloor.read(file, key.origin(), key.verifierKey());
            long size = store.treeSize();
            LogFloor.check(floor, size, store.reader());
            LOG.infof("The log (%d entries) contains the floor checkpoint of size %d from %s", size, floor.size(), file);
        } catch (IllegalStateException e) {
            LOG.error(e.getMessage());
            throw e;
        }
    }

    /** Appends up to {@link #BATCH} unlogged events, holding the append lock so instances do not race. */
    private int backfillSome() {
        store.lockTreeSize();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select e.id, e.event, e.payload, e.signature, e.key_id,"
                        + " c.payload, c.signature, c.key_id from status_event e join certificate c on c.id = e.certificate_id"
                        + " where e.log_index is null order by e.id limit " + BATCH)
                .getResultList();
        for (Object[] r : rows) {
            SignedEnvelope event = new SignedEnvelope((byte[]) r[2], (byte[]) r[3], (String) r[4]);
            SignedEnvelope certificate = "ISSUED".equals(r[1]) ? new SignedEnvelope((byte[]) r[5], (byte[]) r[6], (String) r[7]) : null;
            // Written with its index into the event row when this transaction commits.
            log.append(event, certificate, LogStore.number(r[0]));
        }
        return rows.size();
    }
}
