package org.szmark.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which database failures are "busy" (retry shortly) and which "unreachable", wherever they sit in the chain. */
class PersistenceTest {

    @Test
    void lockTimeoutsDeadlocksAndSerializationFailuresAreBusy() {
        for (String state : new String[] {"55P03", "40P01", "40001", "HYT00"}) {
            RuntimeException wrapped = new RuntimeException("commit failed");
            wrapped.addSuppressed(new IllegalStateException("rollback", new SQLException("lock", state)));
            assertThat(Persistence.isBusy(wrapped)).as(state).isTrue();
            assertThat(Persistence.isDatabaseUnavailable(wrapped)).as(state).isFalse();
        }
        // H2 names its lock timeout by error code as well.
        assertThat(Persistence.isBusy(new RuntimeException(new SQLException("Timeout trying to lock table", null, 50200)))).isTrue();
    }

    @Test
    void otherFailuresAreNotBusy() {
        assertThat(Persistence.isBusy(new RuntimeException(new SQLException("duplicate", "23505")))).isFalse();
        assertThat(Persistence.isBusy(new RuntimeException(new SQLException("gone", "08006")))).isFalse();
        assertThat(Persistence.isDatabaseUnavailable(new RuntimeException(new SQLException("gone", "08006")))).isTrue();
        assertThat(Persistence.isBusy(new IllegalStateException("plain"))).isFalse();
        assertThat(Persistence.isBusy(null)).isFalse();
        // A cause chain that loops ends the walk rather than the request.
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(Persistence.isBusy(a)).isFalse();
    }
}
