package org.szmark.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.szmark.support.Api.anonymous;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.szmark.account.Actor;
import org.szmark.certificate.Certificate;
import org.szmark.certificate.CertificateService;
import org.szmark.support.Api;

/** A change that is rolled back is never in the log, and leaves no gap behind. */
@QuarkusTest
class LogRollbackTest {

    @Inject CertificateService certificates;
    @Inject LogService log;

    @Test
    void aBatchThatFailsToStoreLeavesNoEntry() {
        Api.Issuer issuer = Api.newIssuer();
        Actor actor = LogTestSupport.certifier(issuer);
        long before = log.treeSize();
        List<String> numbers = new ArrayList<>();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            for (Object o : certificates.issueBatch(List.of(LogTestSupport.request(issuer), LogTestSupport.request(issuer),
                    LogTestSupport.request(issuer)), actor)) {
                numbers.add(((Certificate) o).number);
            }
            // The entries are written only when the transaction commits, after everything else it wrote...
            assertThat(log.treeSize()).isEqualTo(before);
            assertThat(log.entry(before)).isEmpty();
            // ...and storing fails before the commit.
            throw new IllegalStateException("storage failed");
        })).hasMessageContaining("storage failed");

        assertThat(numbers).hasSize(3);
        assertThat(log.treeSize()).isEqualTo(before);
        assertThat(log.entry(before)).isEmpty();
        for (String n : numbers) {
            anonymous().get("/api/v1/certificates/" + n).then().statusCode(404);
        }
        // The next acknowledged change takes the index the rolled-back one had: no gap.
        Certificate next = certificates.issue(LogTestSupport.request(issuer), actor);
        long index = anonymous().get("/api/v1/certificates/" + next.number).then().statusCode(200)
                .extract().jsonPath().getLong("logIndex");
        assertThat(index).isEqualTo(before);
        assertThat(log.treeSize()).isEqualTo(before + 1);
    }
}
