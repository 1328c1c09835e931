package org.szmark.log.note;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A signed note, c2sp.org/signed-note: a text ending in a newline, a blank line, then one or more
 * signature lines {@code — <key name> <base64(4-byte key ID || signature)>}.
 *
 * <p>Parsing is strict and bounded: at most {@link #MAX_NOTE_BYTES} bytes of UTF-8 and
 * {@link #MAX_SIGNATURES} signatures (the spec asks verifiers to accept at least 16).
 */
public record SignedNote(String text, List<Signature> signatures) {

    /** Upper bound on an encoded note. */
    public static final int MAX_NOTE_BYTES = 1 << 20;

    /** Upper bound on the number of signature lines. */
    public static final int MAX_SIGNATURES = 100;

    /** U+2014 EM DASH and U+0020 SPACE open every signature line, c2sp.org/signed-note "Format". */
    static final String SIGNATURE_PREFIX = "\u2014 ";

    /**
     * @throws IllegalArgumentException if the text does not end in a newline or contains control
     *     characters, or there are no (or too many) signatures
     */
    public SignedNote {
        checkText(text);
        if (signatures == null || signatures.isEmpty()) {
            throw new IllegalArgumentException("a signed note carries at least one signature");
        }
        if (signatures.size() > MAX_SIGNATURES) {
            throw new IllegalArgumentException("a signed note carries at most " + MAX_SIGNATURES
                    + " signatures, got " + signatures.size());
        }
        signatures = List.copyOf(signatures);
    }

    /** One signature line: the key name, the 4-byte key ID and the signature bytes. */
    public record Signature(String name, byte[] keyId, byte[] signature) {

        public Signature {
            NoteFormat.checkKeyName(name);
            if (keyId == null || keyId.length != 4) {
                throw new IllegalArgumentException("key ID must be 4 bytes");
            }
            if (signature == null || signature.length == 0) {
                throw new IllegalArgumentException("signature must not be empty");
            }
            keyId = keyId.clone();
            signature = signature.clone();
        }

        @Override
        public byte[] keyId() {
            return keyId.clone();
        }

        @Override
        public byte[] signature() {
            return signature.clone();
        }

        public String keyIdHex() {
            return NoteFormat.hex(keyId);
        }

        /** {@code — <name> <base64(key ID || signature)>\n}. */
        public String line() {
            byte[] both = new byte[4 + signature.length];
            System.arraycopy(keyId, 0, both, 0, 4);
            System.arraycopy(signature, 0, both, 4, signature.length);
            return SIGNATURE_PREFIX + name + " " + NoteFormat.base64(both) + "\n";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Signature s && name.equals(s.name) && Arrays.equals(keyId, s.keyId)
                    && Arrays.equals(signature, s.signature);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, Arrays.hashCode(keyId), Arrays.hashCode(signature));
        }

        @Override
        public String toString() {
            return line().strip();
        }
    }

    /** Signs {@code text} with each signer, in order. */
    public static SignedNote sign(String text, NoteSigner... signers) {
        checkText(text);
        if (signers == null || signers.length == 0) {
            throw new IllegalArgumentException("at least one signer is needed");
        }
        byte[] message = NoteFormat.utf8(text);
        List<Signature> sigs = new ArrayList<>(signers.length);
        Set<String> seen = new HashSet<>();
        for (NoteSigner s : signers) {
            if (!seen.add(s.name() + "+" + s.verifierKey().keyIdHex())) {
                throw new IllegalArgumentException("signer '" + s.name() + "' given twice");
            }
            sigs.add(new Signature(s.name(), s.keyId(), s.sign(message)));
        }
        return new SignedNote(text, sigs);
    }

    /** This note with further signatures (e.g. witness cosignatures) appended. */
    public SignedNote withSignatures(NoteSigner... signers) {
        SignedNote extra = sign(text, signers);
        List<Signature> all = new ArrayList<>(signatures);
        all.addAll(extra.signatures);
        return new SignedNote(text, all);
    }

    /** The encoded note: text, blank line, signature lines. */
    public String write() {
        StringBuilder sb = new StringBuilder(text.length() + 1 + signatures.size() * 110);
        sb.append(text).append('\n');
        for (Signature s : signatures) {
            sb.append(s.line());
        }
        return sb.toString();
    }

    /**
     * Parses an encoded note strictly. Nothing is verified: use {@link #verify} or
     * {@link #verifiedText} before trusting the text.
     *
     * @throws IllegalArgumentException if the note is malformed
     */
    public static SignedNote parse(String note) {
        if (note == null) {
            throw new IllegalArgumentException("note must not be null");
        }
        // Every char is at least one UTF-8 byte, so the cheap check comes first.
        if (note.length() > MAX_NOTE_BYTES || NoteFormat.utf8(note).length > MAX_NOTE_BYTES) {
            throw new IllegalArgumentException("note is larger than " + MAX_NOTE_BYTES + " bytes");
        }
        NoteFormat.checkNoteChars(note, "note");
        // The text is separated from the signatures by the last empty line, c2sp.org/signed-note.
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new IllegalArgumentException("note has no blank line before its signatures");
        }
        String text = note.substring(0, split + 1);
        String block = note.substring(split + 2);
        if (block.isEmpty()) {
            throw new IllegalArgumentException("note has no signature lines");
        }
        if (!block.endsWith("\n")) {
            throw new IllegalArgumentException("note does not end with a newline");
        }
        String[] lines = block.substring(0, block.length() - 1).split("\n", -1);
        if (lines.length > MAX_SIGNATURES) {
            throw new IllegalArgumentException("note has more than " + MAX_SIGNATURES + " signatures");
        }
        List<Signature> sigs = new ArrayList<>(lines.length);
        for (int i = 0; i < lines.length; i++) {
            sigs.add(parseSignatureLine(lines[i], i));
        }
        return new SignedNote(text, sigs);
    }

    /** Parses a note given as bytes, which must be valid UTF-8. */
    public static SignedNote parse(byte[] note) {
        if (note == null) {
            throw new IllegalArgumentException("note must not be null");
        }
        if (note.length > MAX_NOTE_BYTES) {
            throw new IllegalArgumentException("note is larger than " + MAX_NOTE_BYTES + " bytes");
        }
        return parse(NoteFormat.strictUtf8(note, "note"));
    }

    private static Signature parseSignatureLine(String line, int i) {
        String where = "signature line " + (i + 1);
        if (!line.startsWith(SIGNATURE_PREFIX)) {
            throw new IllegalArgumentException(where + " does not start with an em dash and a space");
        }
        String rest = line.substring(SIGNATURE_PREFIX.length());
        int sp = rest.indexOf(' ');
        if (sp <= 0) {
            throw new IllegalArgumentException(where + " must be '\u2014 <name> <signature>'");
        }
        String name = rest.substring(0, sp);
        String b64 = rest.substring(sp + 1);
        try {
            NoteFormat.checkKeyName(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
        byte[] both = NoteFormat.strictBase64(b64, where + " signature");
        if (both.length < 5) {
            throw new IllegalArgumentException(where + " signature is shorter than a key ID and one byte");
        }
        return new Signature(name, Arrays.copyOf(both, 4), Arrays.copyOfRange(both, 4, both.length));
    }

    /**
     * Verifies the note against a set of trusted keys, c2sp.org/signed-note "Signatures":
     * signatures whose (name, key ID) match no known key are ignored; every signature that does
     * match must verify, a known key may sign only once, and at least one known key must have
     * signed.
     *
     * @return the known keys that signed, in signature order
     * @throws NoteVerificationException if a known key's signature is invalid or repeated, or no
     *     known key signed
     * @throws IllegalArgumentException if two different known keys share a name and key ID
     */
    public List<VerifierKey> verify(Collection<VerifierKey> known) throws NoteVerificationException {
        if (known == null) {
            throw new IllegalArgumentException("known keys must not be null");
        }
        Map<String, VerifierKey> byId = new HashMap<>();
        for (VerifierKey k : known) {
            VerifierKey prev = byId.putIfAbsent(k.name() + "+" + k.keyIdHex(), k);
            if (prev != null && !prev.equals(k)) {
                throw new IllegalArgumentException("known keys " + prev + " and " + k
                        + " share a name and key ID");
            }
        }
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        List<VerifierKey> verified = new ArrayList<>();
        for (Signature s : signatures) {
            VerifierKey k = byId.get(s.name() + "+" + s.keyIdHex());
            if (k == null) {
                continue;
            }
            if (verified.contains(k)) {
                throw new NoteVerificationException("note carries two signatures by key " + k.name()
                        + "+" + k.keyIdHex());
            }
            if (!k.verify(message, s.signature)) {
                throw new NoteVerificationException("signature by known key " + k.name() + "+"
                        + k.keyIdHex() + " does not verify");
            }
            verified.add(k);
        }
        if (verified.isEmpty()) {
            List<String> signedBy = new ArrayList<>();
            for (Signature s : signatures) {
                signedBy.add(s.name() + "+" + s.keyIdHex());
            }
            throw new NoteVerificationException("note is signed by " + signedBy
                    + " but by none of the known keys " + byId.keySet());
        }
        return List.copyOf(verified);
    }

    /** {@link #verify}, then the text, which may now be trusted. */
    public String verifiedText(Collection<VerifierKey> known) throws NoteVerificationException {
        verify(known);
        return text;
    }

    private static void checkText(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("note text must not be empty");
        }
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("note text must end with a newline");
        }
        if (text.length() > MAX_NOTE_BYTES) {
            throw new IllegalArgumentException("note text is larger than " + MAX_NOTE_BYTES + " bytes");
        }
        NoteFormat.checkNoteChars(text, "note text");
    }
}
