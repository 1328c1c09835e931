package org.szmark.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    static final byte[] BODY = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);

    @Test
    void matchesAnIndependentlyComputedHmac() {
        // echo -n '1700000000.{"a":1}' | openssl dgst -sha256 -hmac whsec_test
        assertThat(WebhookSignature.header("whsec_test", 1_700_000_000L, BODY))
                .isEqualTo("v1=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789");
    }

    @Test
    void verifiesWithinTheWindowOnly() {
        String sig = WebhookSignature.header("whsec_test", 1_700_000_000L, BODY);
        assertThat(WebhookSignature.verify("whsec_test", "1700000000", sig, BODY, 1_700_000_100L, 300)).isTrue();
        assertThat(WebhookSignature.verify("whsec_test", "1700000000", sig, BODY, 1_700_000_301L, 300)).isFalse();
        assertThat(WebhookSignature.verify("whsec_test", "1700000000", sig, BODY, 1_699_999_699L, 300)).isFalse();
    }

    @Test
    void refusesAnyChange() {
        String sig = WebhookSignature.header("whsec_test", 1_700_000_000L, BODY);
        long now = 1_700_000_000L;
        assertThat(WebhookSignature.verify("whsec_other", "1700000000", sig, BODY, now, 300)).isFalse();
        assertThat(WebhookSignature.verify("whsec_test", "1700000001", sig, BODY, now, 300)).isFalse();
        assertThat(WebhookSignature.verify("whsec_test", "1700000000", sig, "{\"a\":2}".getBytes(StandardCharsets.UTF_8), now, 300))
                .isFalse();
        assertThat(WebhookSignature.verify("whsec_test", "1700000000", "v2=" + sig.substring(3), BODY, now, 300)).isFalse();
        assertThat(WebhookSignature.verify("whsec_test", "17e8", sig, BODY, now, 300)).isFalse();
        assertThat(WebhookSignature.verify("whsec_test", null, sig, BODY, now, 300)).isFalse();
    }

    @Test
    void acceptsOneMatchAmongSeveralValues() {
        String sig = WebhookSignature.header("whsec_test", 1_700_000_000L, BODY);
        String other = WebhookSignature.header("whsec_old", 1_700_000_000L, BODY);
        assertThat(WebhookSignature.verify("whsec_test", "1700000000", other + ", " + sig, BODY, 1_700_000_000L, 300)).isTrue();
        assertThat(WebhookSignature.verify("whsec_test", "1700000000", other, BODY, 1_700_000_000L, 300)).isFalse();
    }
}
