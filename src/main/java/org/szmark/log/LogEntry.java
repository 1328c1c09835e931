package org.szmark.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Set;
import org.szmark.crypto.CanonicalJson;
import org.szmark.crypto.SignedEnvelope;
import org.szmark.log.merkle.EntryBundle;

/**
 * One entry of the public log (docs/log.md "Entries"): the signed envelope of a status event and, for
 * the issuance ({@code ISSUED}) event only, the signed envelope of the certificate record it issues.
 *
 * <p>Encoded as RFC 8785 canonical JSON, UTF-8:
 * <pre>{"certificate":{envelope},"event":{envelope},"type":"szmark.log-entry.v1"}</pre>
 * Everything but {@code type} is signed by the issuing body, so an entry verifies offline against the
 * trust list exactly like the records it carries (docs/records.md); the log adds order and
 * non-equivocation, never new claims. Canonical JSON gives each entry one byte string, which the leaf
 * hash (RFC 6962 §2.1) commits to. Entries are at most 65535 bytes because entry bundles prefix each
 * entry with a uint16 length (c2sp.org/tlog-tiles "Log entries").
 *
 * @param certificate the certificate record envelope, present exactly when the event is an issuance
 */
public record LogEntry(SignedEnvelope event, SignedEnvelope certificate) {

    public static final String TYPE = "szmark.log-entry.v1";

    private static final Set<String> MEMBERS = Set.of("type", "event", "certificate");

    public LogEntry {
        if (event == null) {
            throw new IllegalArgumentException("a log entry needs the event envelope");
        }
    }

    /**
     * The canonical bytes of this entry.
     *
     * @throws IllegalArgumentException if they would exceed the 65535 bytes an entry bundle can hold
     */
    public byte[] encode() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("type", TYPE);
        node.set("event", envelopeNode(event));
        if (certificate != null) {
            node.set("certificate", envelopeNode(certificate));
        }
        byte[] bytes = CanonicalJson.encode(node);
        if (bytes.length > EntryBundle.MAX_ENTRY_SIZE) {
            throw new IllegalArgumentException("log entry has " + bytes.length + " bytes, more than the "
                    + EntryBundle.MAX_ENTRY_SIZE + " an entry bundle can hold");
        }
        return bytes;
    }

    /**
     * Parses an entry strictly: canonical JSON only, exactly the members above, well-formed envelopes,
     * and a certificate envelope exactly when the event payload says {@code "event":"ISSUED"}.
     *
     * @throws IllegalArgumentException if the bytes are not such an entry
     */
    public static LogEntry decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0 || bytes.length > EntryBundle.MAX_ENTRY_SIZE) {
            throw new IllegalArgumentException("log entry must be 1 to " + EntryBundle.MAX_ENTRY_SIZE + " bytes");
        }
        if (!CanonicalJson.isCanonical(bytes)) {
            throw new IllegalArgumentException("log entry is not canonical JSON (RFC 8785)");
        }
        JsonNode node = CanonicalJson.decode(bytes);
        if (!node.isObject()) {
            throw new IllegalArgumentException("log entry must be a JSON object");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!MEMBERS.contains(name)) {
                throw new IllegalArgumentException("log entry has unexpected member \"" + name + "\"");
            }
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isTextual() || !TYPE.equals(type.textValue())) {
            throw new IllegalArgumentException("log entry type must be \"" + TYPE + "\"");
        }
        if (node.get("event") == null) {
            throw new IllegalArgumentException("log entry has no event envelope");
        }
        SignedEnvelope event = SignedEnvelope.parse(node.get("event"));
        SignedEnvelope certificate = node.get("certificate") == null ? null : SignedEnvelope.parse(node.get("certificate"));
        JsonNode kind = event.payloadJson().get("event");
        boolean issued = kind != null && "ISSUED".equals(kind.textValue());
        if (issued != (certificate != null)) {
            throw new IllegalArgumentException(issued ? "an ISSUED entry must carry the certificate record"
                    : "only an ISSUED entry carries the certificate record");
        }
        return new LogEntry(event, certificate);
    }

    private static ObjectNode envelopeNode(SignedEnvelope envelope) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        envelope.toMap().forEach(node::put);
        return node;
    }
}
