package org.szmark.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.Test;
import org.szmark.crypto.SignedEnvelope;

class LogEntryTest {

    private static final Ed25519PrivateKeyParameters KEY = new Ed25519PrivateKeyParameters(new SecureRandom());

    private static SignedEnvelope envelope(String json) {
        return SignedEnvelope.sign(org.szmark.crypto.CanonicalJson.decode(json.getBytes(StandardCharsets.UTF_8)), KEY);
    }

    private static final SignedEnvelope ISSUED = envelope("{\"event\":\"ISSUED\",\"seq\":1,\"type\":\"szmark.status-event.v1\"}");
    private static final SignedEnvelope SUSPENDED = envelope("{\"event\":\"SUSPENDED\",\"seq\":2,\"type\":\"szmark.status-event.v1\"}");
    private static final SignedEnvelope CERTIFICATE = envelope("{\"number\":\"SZBZ-1\",\"type\":\"szmark.certificate.v1\"}");

    @Test
    void encodesCanonicallyAndDecodesBack() {
        byte[] bytes = new LogEntry(ISSUED, CERTIFICATE).encode();
        String text = new String(bytes, StandardCharsets.UTF_8);
        // RFC 8785: members sorted, no whitespace.
        assertThat(text).startsWith("{\"certificate\":{\"keyId\":\"").contains("},\"event\":{\"keyId\":\"")
                .endsWith("},\"type\":\"szmark.log-entry.v1\"}");
        LogEntry back = LogEntry.decode(bytes);
        assertThat(back.event()).isEqualTo(ISSUED);
        assertThat(back.certificate()).isEqualTo(CERTIFICATE);

        byte[] change = new LogEntry(SUSPENDED, null).encode();
        assertThat(new String(change, StandardCharsets.UTF_8)).doesNotContain("certificate");
        assertThat(LogEntry.decode(change)).isEqualTo(new LogEntry(SUSPENDED, null));
    }

    @Test
    void certificateOnlyWithTheIssuance() {
        assertThatThrownBy(() -> LogEntry.decode(new LogEntry(ISSUED, null).encode()))
                .hasMessageContaining("must carry the certificate");
        assertThatThrownBy(() -> LogEntry.decode(new LogEntry(SUSPENDED, CERTIFICATE).encode()))
                .hasMessageContaining("only an ISSUED entry");
    }

    @Test
    void rejectsAnythingElse() {
        String good = new String(new LogEntry(SUSPENDED, null).encode(), StandardCharsets.UTF_8);
        for (String bad : new String[] {
                "", "[]", "{}", good.replace("szmark.log-entry.v1", "szmark.log-entry.v2"),
                good.replace("{\"event\"", "{ \"event\""),                    // not canonical
                good.replace("\"type\"", "\"extra\":1,\"type\""),             // unknown member
                good.replace("\"keyId\"", "\"keyID\""),                       // broken envelope
        }) {
            assertThatThrownBy(() -> LogEntry.decode(bad.getBytes(StandardCharsets.UTF_8))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> LogEntry.decode(new byte[70_000])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesEntriesAnEntryBundleCannotHold() {
        SignedEnvelope huge = envelope("{\"reasonText\":\"" + "x".repeat(50_000) + "\",\"type\":\"szmark.status-event.v1\"}");
        assertThatThrownBy(() -> new LogEntry(huge, null).encode()).hasMessageContaining("65535");
    }

    @Test
    void originIsTheSchemaLessBaseUrlPlusLog() {
        assertThat(LogKey.originFromBaseUrl("http://localhost:8080")).isEqualTo("localhost:8080/log");
        assertThat(LogKey.originFromBaseUrl("https://Registry.Example.CN/")).isEqualTo("registry.example.cn/log");
        assertThat(LogKey.originFromBaseUrl("https://example.cn/szmark//")).isEqualTo("example.cn/szmark/log");
    }
}
