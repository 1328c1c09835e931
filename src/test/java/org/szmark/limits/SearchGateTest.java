package org.szmark.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.szmark.common.TryAgainLater;

/** The cap on concurrent expensive reads as a unit: readers held inside by latches, no timing. */
class SearchGateTest {

    @Test
    void aReadBeyondTheCapIsRefusedWith503AndTheNextOneAfterARelease() throws Exception {
        SearchGate gate = new SearchGate(2, Duration.ZERO);
        CountDownLatch inside = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> a = pool.submit(() -> gate.run(() -> hold(inside, release, "a")));
            Future<String> b = pool.submit(() -> gate.run(() -> hold(inside, release, "b")));
            inside.await();
            assertThat(gate.free()).isZero();
            assertThatThrownBy(() -> gate.run(() -> "c")).isInstanceOfSatisfying(TryAgainLater.class, e -> {
                assertThat(e.status()).isEqualTo(503);
                assertThat(e.type()).isEqualTo("searches-busy");
                assertThat(e.retryAfterSeconds()).isEqualTo(1);
            });
            release.countDown();
            assertThat(a.get()).isEqualTo("a");
            assertThat(b.get()).isEqualTo("b");
            assertThat(gate.run(() -> "c")).isEqualTo("c");
            assertThat(gate.free()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailingReadGivesItsPlaceBack() {
        SearchGate gate = new SearchGate(1, Duration.ZERO);
        assertThatThrownBy(() -> gate.run(() -> {
            throw new IllegalStateException("query failed");
        })).hasMessage("query failed");
        assertThat(gate.free()).isEqualTo(1);
        assertThat(gate.run(() -> 7)).isEqualTo(7);
    }

    @Test
    void aWaitingReadEntersWhenAPlaceFreesUpWithinItsWait() throws Exception {
        // A generous wait: the reader must get in as soon as the holder leaves, whenever that is.
        SearchGate gate = new SearchGate(1, Duration.ofMinutes(5));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (AutoCloseable held = gate.occupyAll()) {
            Future<String> waiting = pool.submit(() -> gate.run(() -> "in"));
            assertThat(waiting.isDone()).isFalse();
            held.close();
            assertThat(waiting.get()).isEqualTo("in");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void atLeastOnePlace() {
        assertThatThrownBy(() -> new SearchGate(0, Duration.ZERO)).isInstanceOf(IllegalStateException.class);
    }

    private static String hold(CountDownLatch inside, CountDownLatch release, String result) {
        inside.countDown();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return result;
    }
}
