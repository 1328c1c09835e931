package org.szmark.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Recorded delivery errors as the API shows them: only the neutral words, whatever an older row holds. */
class WebhookViewsTest {

    @Test
    void todaysWordsAreShownAsRecorded() {
        assertThat(WebhookViews.neutral(null)).isNull();
        assertThat(WebhookViews.neutral("refused")).isEqualTo("refused");
        assertThat(WebhookViews.neutral("unreachable")).isEqualTo("unreachable");
        assertThat(WebhookViews.neutral("answered 503")).isEqualTo("answered 503");
        assertThat(WebhookViews.neutral("answered 302")).isEqualTo("answered 302");
        assertThat(WebhookViews.neutral(WebhookDispatcher.NOT_SIGNED)).isEqualTo(WebhookDispatcher.NOT_SIGNED);
    }

    @Test
    void olderDetailedTextsAreShownByWhatTheyMeant() {
        assertThat(WebhookViews.neutral("host does not resolve to a public address")).isEqualTo("refused");
        assertThat(WebhookViews.neutral("signing secret cannot be opened (was the master key changed?)"))
                .isEqualTo(WebhookDispatcher.NOT_SIGNED);
        for (String old : new String[] {"TLS failed: No subject alternative DNS name matching intranet.corp found",
                "network error: Connection reset by 10.0.0.7", "connection refused or unreachable", "no response within 5s",
                "could not connect within 5s", "host cannot be resolved", "request refused: invalid URI",
                "delivery failed: SocketException", "answered 5030", "answered abc", "refused by 10.0.0.1", ""}) {
            assertThat(WebhookViews.neutral(old)).as(old).isEqualTo("unreachable");
        }
    }
}
