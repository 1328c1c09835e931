package org.szmark.webhook;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a round of work soon, on a daemon thread of its own, when asked. Never blocks the asker, and collapses
 * a burst of asks into one round (at most one waits behind the running one); a scheduled poll remains the
 * safety net for asks that never come.
 */
final class Rounds implements AutoCloseable {
    private final ExecutorService thread;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final Runnable round;

    Rounds(String threadName, Runnable round) {
        this.round = round;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    void ask() {
        if (!queued.compareAndSet(false, true)) return;
        try {
            thread.execute(() -> {
                queued.set(false);
                round.run();
            });
        } catch (RejectedExecutionException e) {
            queued.set(false);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
