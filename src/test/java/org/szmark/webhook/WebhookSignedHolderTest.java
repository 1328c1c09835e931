package org.szmark.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.szmark.support.Api.authority;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A webhook names the holder as the certificate's signed record does, and says when it is registered otherwise now. */
@QuarkusTest
class WebhookSignedHolderTest {

    @Test
    void aRenamedHolderIsDeliveredWithItsSignedNameAndTheRegisteredOne() throws Exception {
        WebhookTest.Setup s = WebhookTest.setup();
        String holder = s.issuer().holder();
        try (Receiver r = Receiver.ok()) {
            WebhookTest.register(s.enterpriseToken(), r.url());
            String number = s.issuer().issue();
            Receiver.await("the issuance", WebhookTest.WAIT, () -> r.requests().size() >= 1);
            authority().body(Map.of("nameZh", "深圳市改名后有限公司", "nameEn", "Renamed Ltd"))
                    .put("/api/v1/enterprises/" + holder).then().statusCode(200);
            WebhookTest.change(s.issuer(), number, "suspend", "HOLDER_REQUEST");
            Receiver.await("the suspension", WebhookTest.WAIT, () -> r.requests().size() >= 2);

            JsonPath issued = null;
            JsonPath suspended = null;
            for (Receiver.Request q : r.requests()) {
                JsonPath p = JsonPath.from(q.text());
                if (p.getInt("certificate.seq") == 1) issued = p;
                if (p.getInt("certificate.seq") == 2) suspended = p;
            }
            assertThat(issued.getString("holder.nameZh")).isEqualTo("深圳测试企业" + holder);
            assertThat(issued.getMap("holder.registeredNow")).isNull();
            assertThat(suspended.getString("holder.creditCode")).isEqualTo(holder);
            assertThat(suspended.getString("holder.nameZh")).isEqualTo("深圳测试企业" + holder);
            assertThat(suspended.getString("holder.nameEn")).isEqualTo("Test Co " + holder);
            assertThat(suspended.getMap("holder.registeredNow")).containsExactlyInAnyOrderEntriesOf(
                    Map.of("nameZh", "深圳市改名后有限公司", "nameEn", "Renamed Ltd"));
        }
    }
}
