package org.szmark.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void aFullBucketLetsItsBurstThroughThenRefusesWithTheWaitForTheNextToken() {
        TokenBucket b = new TokenBucket(3, 1, SECOND, 0);
        assertThat(b.tryTake(0)).isZero();
        assertThat(b.tryTake(0)).isZero();
        assertThat(b.tryTake(0)).isZero();
        assertThat(b.tryTake(0)).isEqualTo(SECOND);
        // Half a second later half a token has come back: half a second to go.
        assertThat(b.tryTake(SECOND / 2)).isEqualTo(SECOND / 2);
        assertThat(b.tryTake(SECOND)).isZero();
        assertThat(b.tryTake(SECOND)).isEqualTo(SECOND);
    }

    @Test
    void itRefillsAtTheRateButNeverBeyondItsCapacity() {
        TokenBucket b = new TokenBucket(5, 5, TimeUnit.MINUTES.toNanos(1), 0);
        for (int i = 0; i < 5; i++) assertThat(b.tryTake(0)).isZero();
        assertThat(b.tryTake(0)).isEqualTo(TimeUnit.SECONDS.toNanos(12));
        assertThat(b.available(TimeUnit.SECONDS.toNanos(24))).isEqualTo(2.0);
        // An hour idle fills it to 5, not 300.
        long later = TimeUnit.HOURS.toNanos(1);
        assertThat(b.available(later)).isEqualTo(5.0);
        for (int i = 0; i < 5; i++) assertThat(b.tryTake(later)).isZero();
        assertThat(b.tryTake(later)).isPositive();
    }

    @Test
    void aRateOfTwoHundredASecondRefusesForFiveMilliseconds() {
        TokenBucket b = new TokenBucket(2000, 200, SECOND, 7);
        for (int i = 0; i < 2000; i++) assertThat(b.tryTake(7)).isZero();
        assertThat(b.tryTake(7)).isEqualTo(TimeUnit.MILLISECONDS.toNanos(5));
        assertThat(RateLimits.seconds(TimeUnit.MILLISECONDS.toNanos(5))).isEqualTo(1);
        assertThat(RateLimits.seconds(TimeUnit.SECONDS.toNanos(12))).isEqualTo(12);
        assertThat(RateLimits.seconds(TimeUnit.SECONDS.toNanos(12) + 1)).isEqualTo(13);
    }

    @Test
    void aTokenGivenBackCanBeTakenAgainButDoesNotOverfill() {
        TokenBucket b = new TokenBucket(1, 1, SECOND, 0);
        b.giveBack(0);
        assertThat(b.available(0)).isEqualTo(1.0);
        assertThat(b.tryTake(0)).isZero();
        assertThat(b.tryTake(0)).isPositive();
        b.giveBack(0);
        assertThat(b.tryTake(0)).isZero();
    }

    @Test
    void aClockThatSeemsToGoBackAddsNothing() {
        TokenBucket b = new TokenBucket(1, 1, SECOND, 10 * SECOND);
        assertThat(b.tryTake(10 * SECOND)).isZero();
        assertThat(b.tryTake(5 * SECOND)).isPositive();
        assertThat(b.tryTake(11 * SECOND)).isZero();
    }

    @Test
    void nanoTimeMayWrapAround() {
        long start = Long.MAX_VALUE - SECOND / 2;
        TokenBucket b = new TokenBucket(1, 1, SECOND, start);
        assertThat(b.tryTake(start)).isZero();
        assertThat(b.tryTake(start + SECOND)).isZero(); // overflows to a negative long; the difference is still a second
    }

    @Test
    void itRefusesAnEmptyOrFrozenConfiguration() {
        assertThatThrownBy(() -> new TokenBucket(0, 1, SECOND, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(1, 0, SECOND, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(1, 1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(1, 10, 5, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
