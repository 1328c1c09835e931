package org.szmark.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which headers follow from the public base URL and the HSTS max-age. */
class SecurityHeadersTest {

    private static final Duration YEAR = Duration.ofDays(365);

    @Test
    void httpBaseUrlsGetNoHsts() {
        Map<String, String> h = SecurityHeaders.forBaseUrl("http://localhost:8080", YEAR);
        assertThat(h).containsOnly(Map.entry("X-Content-Type-Options", "nosniff"),
                Map.entry("Referrer-Policy", "no-referrer"));
        assertThat(SecurityHeaders.forBaseUrl("http://verify.example/https", YEAR)).doesNotContainKey("Strict-Transport-Security");
    }

    @Test
    void httpsBaseUrlsGetHstsInSeconds() {
        assertThat(SecurityHeaders.forBaseUrl("https://verify.szmark.cn", YEAR))
                .containsEntry("Strict-Transport-Security", "max-age=31536000")
                .containsEntry("X-Content-Type-Options", "nosniff")
                .containsEntry("Referrer-Policy", "no-referrer");
        assertThat(SecurityHeaders.forBaseUrl(" HTTPS://Verify.szmark.cn/sz ", Duration.ofHours(1)))
                .containsEntry("Strict-Transport-Security", "max-age=3600");
        // max-age=0 tells browsers to forget the policy (RFC 6797 §6.1.1), a way to withdraw it.
        assertThat(SecurityHeaders.forBaseUrl("https://verify.szmark.cn", Duration.ZERO))
                .containsEntry("Strict-Transport-Security", "max-age=0");
    }

    @Test
    void aNegativeMaxAgeIsRefused() {
        assertThatThrownBy(() -> SecurityHeaders.forBaseUrl("https://verify.szmark.cn", Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hsts-max-age");
    }
}
