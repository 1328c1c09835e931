package org.szmark.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Seeded input generation and the fuzz property shared by the fuzz tests (docs/fuzzing.md).
 *
 * <p>Inputs are random strings and bytes from the alphabet a parser reads, and mutations of valid seed
 * inputs (bit flips, inserts, deletes, duplicated and truncated runs, splices, boundary numbers,
 * unicode and control characters, very long runs), so that most inputs get past the first checks of a
 * parser and reach its deeper branches. The same seed gives the same inputs: a failure names the seed
 * and the input's index, and {@code -Dfuzz.seed=<seed>} replays it. (The properties are not under {@code szmark.}: the
 * application validates every {@code szmark.*} key against its configuration and would refuse to start.)
 */
public final class Fuzz {

    /** Inputs per parser for the pure fuzz tests. */
    public static final String INPUTS = "fuzz.inputs";
    /** The CI smoke run: about ten seconds for all parsers; the full run asks for 100,000. */
    public static final int DEFAULT_INPUTS = 10_000;
    public static final String SEED = "fuzz.seed";
    public static final long DEFAULT_SEED = 0x5A4D41524BL;

    /**
     * Characters that parsers treat specially somewhere: separators, quotes, escapes, controls, look-alikes,
     * and what the text rule refuses (org.szmark.text.TextRule): C1 controls, noncharacters, bidi controls,
     * invisible characters, lone and reversed surrogates. A lone surrogate cannot travel as UTF-8, so the last
     * entries are JSON escapes as text: inside a JSON string they reach the server as that character.
     */
    static final String[] INTERESTING = {
        "\u0000", "\t", "\n", "\r", "\u001b", "\u007f", " ", "/", ".", "-", "+", "=", "_", "%", "\\", "\"", "'",
        "{", "}", "[", "]", ":", ",", "x", "p", "0", "9", "a", "Z", "\u00a0", "\u0131", "\u00df", "\u0661",
        "\u2014", "\u2212", "\u3000", "\uff10", "\uff21", "\uff0d", "\ufeff", "\u2028", "\ufffd", "\ud800",
        "\udc00", "\ud83d\ude00", "\u6df1", "\u0085", "\u200b", "\u202e",
        "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f", "\u061c", "\ufdd0", "\ufffe", "\uffff",
        "\u0080", "\u009f", "\u00ad", "\u2060", "\u180e", "\u200d", "\udbff", "\udfff", "\ude00\ud83d",
        "\\ud800", "\\udfff", "\\ude00\\ud83d", "\\u202e", "\\u0085", "\\uffff",
    };

    /** Numbers at the edges of the ranges parsers check. */
    static final String[] NUMBERS = {
        "0", "00", "-0", "-1", "1", "7", "8", "9", "10", "31", "32", "63", "64", "99", "100", "255", "256", "999",
        "1000", "1949", "2001", "2100", "2101", "65535", "65536", "2147483647", "2147483648", "-2147483649",
        "9007199254740992", "9007199254740993", "999999999999999999", "1000000000000000000",
        "9223372036854775807", "9223372036854775808", "18446744073709551616", "1e3", "1E400", "1e-400",
        "1.5", "0.0", "-0.0", "0x10", "+1", "NaN", "Infinity", "1_000",
    };

    private static final String ANY_ASCII;

    static {
        StringBuilder sb = new StringBuilder();
        for (char c = 0x20; c < 0x7f; c++) {
            sb.append(c);
        }
        ANY_ASCII = sb.toString();
    }

    private final Random random;

    Fuzz(long seed) {
        this.random = new Random(seed);
    }

    public static long seed() {
        return Long.getLong(SEED, DEFAULT_SEED);
    }

    /** Inputs per parser: {@value #INPUTS}, else {@value #DEFAULT_INPUTS}. */
    public static int inputs() {
        return count(INPUTS, DEFAULT_INPUTS);
    }

    /** A count from a system property, or the default when unset. */
    public static int count(String property, int fallback) {
        return Integer.getInteger(property, fallback);
    }

    public Random random() {
        return random;
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    public boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    public <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    public String pick(String[] items) {
        return items[random.nextInt(items.length)];
    }

    /** A length biased to short values, with the occasional boundary or huge one. */
    public int length(int max) {
        int r = random.nextInt(100);
        if (r < 60) {
            return random.nextInt(Math.min(max, 32) + 1);
        }
        if (r < 90) {
            return random.nextInt(max + 1);
        }
        return pick(List.of(0, 1, Math.max(0, max - 1), max, max + 1, max * 2, 4096));
    }

    /** One character: mostly from {@code alphabet}, sometimes printable ASCII or a special one. */
    public String character(String alphabet) {
        int r = random.nextInt(100);
        if (r < 75 && !alphabet.isEmpty()) {
            return String.valueOf(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        if (r < 88) {
            return String.valueOf(ANY_ASCII.charAt(random.nextInt(ANY_ASCII.length())));
        }
        if (r < 97) {
            return pick(INTERESTING);
        }
        return String.valueOf((char) random.nextInt(0x10000));
    }

    /** A random string over {@code alphabet} (with some foreign characters) of at most about {@code max} chars. */
    public String string(String alphabet, int max) {
        int n = length(max);
        StringBuilder sb = new StringBuilder(n);
        while (sb.length() < n) {
            sb.append(character(alphabet));
        }
        return sb.toString();
    }

    /** Random bytes, biased towards ASCII so that text formats get past their first checks. */
    public byte[] bytes(int max) {
        byte[] out = new byte[length(max)];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (chance(70) ? 0x20 + random.nextInt(0x5f) : random.nextInt(256));
        }
        return out;
    }

    /** {@code seed} changed by one to four mutations. */
    public String mutate(String seed, String alphabet, List<String> others) {
        StringBuilder s = new StringBuilder(seed);
        int rounds = 1 + random.nextInt(random.nextInt(4) + 1);
        for (int k = 0; k < rounds; k++) {
            mutateOnce(s, alphabet, others);
        }
        return s.toString();
    }

    private void mutateOnce(StringBuilder s, String alphabet, List<String> others) {
        int n = s.length();
        int at = n == 0 ? 0 : random.nextInt(n);
        switch (random.nextInt(12)) {
            case 0 -> { // bit flip, mostly in the low byte
                if (n > 0) {
                    int bit = chance(85) ? random.nextInt(8) : random.nextInt(16);
                    s.setCharAt(at, (char) (s.charAt(at) ^ (1 << bit)));
                }
            }
            case 1 -> s.insert(random.nextInt(n + 1), character(alphabet));
            case 2 -> {
                if (n > 0) {
                    s.delete(at, Math.min(n, at + 1 + random.nextInt(Math.min(n - at, 8))));
                }
            }
            case 3 -> { // duplicate a run, sometimes many times
                if (n > 0) {
                    int end = Math.min(n, at + 1 + random.nextInt(Math.min(n - at, 16)));
                    String run = s.substring(at, end);
                    s.insert(end, chance(10) ? run.repeat(1 + random.nextInt(200)) : run);
                }
            }
            case 4 -> s.setLength(n == 0 ? 0 : random.nextInt(n)); // truncate
            case 5 -> {
                if (n > 0) {
                    s.replace(at, at + 1, pick(INTERESTING));
                } else {
                    s.append(pick(INTERESTING));
                }
            }
            case 6 -> { // replace a run of digits (or any run) by a boundary number
                int start = at;
                while (start > 0 && Character.isDigit(s.charAt(start - 1))) {
                    start--;
                }
                int end = at;
                while (end < n && Character.isDigit(s.charAt(end))) {
                    end++;
                }
                s.replace(start, Math.max(end, Math.min(n, start + 1)), pick(NUMBERS));
            }
            case 7 -> { // splice with another seed
                if (!others.isEmpty()) {
                    String other = pick(others);
                    int from = other.isEmpty() ? 0 : random.nextInt(other.length());
                    s.replace(at, Math.min(n, at + random.nextInt(8)), other.substring(from));
                }
            }
            case 8 -> { // swap neighbours
                if (n > 1 && at + 1 < n) {
                    char c = s.charAt(at);
                    s.setCharAt(at, s.charAt(at + 1));
                    s.setCharAt(at + 1, c);
                }
            }
            case 9 -> { // change the case of a letter
                if (n > 0) {
                    char c = s.charAt(at);
                    s.setCharAt(at, Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
                }
            }
            case 10 -> { // a very long run
                if (chance(20)) {
                    s.insert(random.nextInt(n + 1), character(alphabet).repeat(100 + random.nextInt(5000)));
                }
            }
            default -> { // wrap in or cut off white space
                if (chance(50)) {
                    s.insert(0, pick(List.of(" ", "\t", "\u3000", "\n")));
                } else {
                    s.append(pick(List.of(" ", "\n", "\r\n", "\u00a0", "\u0000")));
                }
            }
        }
    }

    /** {@code seed} changed by one to four byte-level mutations. */
    public byte[] mutate(byte[] seed) {
        List<Byte> b = new ArrayList<>(seed.length + 16);
        for (byte x : seed) {
            b.add(x);
        }
        int rounds = 1 + random.nextInt(random.nextInt(4) + 1);
        for (int k = 0; k < rounds; k++) {
            int n = b.size();
            int at = n == 0 ? 0 : random.nextInt(n);
            switch (random.nextInt(7)) {
                case 0 -> {
                    if (n > 0) {
                        b.set(at, (byte) (b.get(at) ^ (1 << random.nextInt(8))));
                    }
                }
                case 1 -> b.add(random.nextInt(n + 1), (byte) random.nextInt(256));
                case 2 -> {
                    if (n > 0) {
                        b.subList(at, Math.min(n, at + 1 + random.nextInt(8))).clear();
                    }
                }
                case 3 -> {
                    if (n > 0) {
                        List<Byte> run = new ArrayList<>(b.subList(at, Math.min(n, at + 1 + random.nextInt(16))));
                        b.addAll(at, run);
                    }
                }
                case 4 -> {
                    if (n > 0) {
                        b.subList(random.nextInt(n), n).clear();
                    }
                }
                case 5 -> { // a byte that UTF-8 and JSON readers treat specially
                    byte[] special = {0, (byte) 0x80, (byte) 0xBF, (byte) 0xC0, (byte) 0xC3, (byte) 0xED,
                        (byte) 0xEF, (byte) 0xF4, (byte) 0xFF, '"', '\\', '{', '}', '[', ']', ':', ',', '\n'};
                    byte v = special[random.nextInt(special.length)];
                    if (n > 0) {
                        b.set(at, v);
                    } else {
                        b.add(v);
                    }
                }
                default -> {
                    if (n > 0) {
                        b.set(at, (byte) ('0' + random.nextInt(10)));
                    }
                }
            }
        }
        byte[] out = new byte[b.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.get(i);
        }
        return out;
    }

    /**
     * The usual input mix: mostly mutated seeds (so the deeper checks are reached), some pure random
     * strings over the parser's alphabet, and the seeds unchanged now and then.
     */
    public String input(List<String> seeds, String alphabet, int maxLength) {
        int r = random.nextInt(100);
        if (r < 5) {
            return pick(seeds);
        }
        if (r < 25) {
            return string(alphabet, maxLength);
        }
        String s = mutate(pick(seeds), alphabet, seeds);
        return chance(20) ? mutate(s, alphabet, seeds) : s;
    }

    /** The same for byte inputs: mutated seeds and random bytes. */
    public byte[] input(List<byte[]> seeds, int maxLength) {
        int r = random.nextInt(100);
        if (r < 5) {
            return pick(seeds).clone();
        }
        if (r < 20) {
            return bytes(maxLength);
        }
        byte[] b = mutate(pick(seeds));
        return chance(20) ? mutate(b) : b;
    }

    /** Checks one input; may throw only the parser's documented exception types. */
    @FunctionalInterface
    public interface Probe<T> {
        /** @return whether the parser accepted the input (for the statistics) */
        boolean check(T input) throws Throwable;
    }

    /**
     * Runs {@code count} generated inputs through {@code probe}. An exception that is none of
     * {@code refusals} (or a failed round-trip assertion) is a finding; the test fails listing up to
     * ten distinct findings with the seed, the input's index and the input itself.
     *
     * @return counts of accepted and refused inputs, which the caller checks so that a generator that
     *     never (or always) gets past the parser is noticed
     */
    @SafeVarargs
    public static <T> Result run(String target, int count, Function<Fuzz, T> generator, Probe<T> probe,
            Class<? extends Throwable>... refusals) {
        long seed = seed();
        Fuzz fuzz = new Fuzz(seed ^ target.hashCode());
        Map<String, String> findings = new LinkedHashMap<>();
        int accepted = 0;
        int refused = 0;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            T input = generator.apply(fuzz);
            try {
                if (probe.check(input)) {
                    accepted++;
                } else {
                    refused++;
                }
            } catch (Throwable t) {
                if (isOneOf(t, refusals)) {
                    refused++;
                    continue;
                }
                String key = t.getClass().getName() + " at " + (t.getStackTrace().length > 0 ? t.getStackTrace()[0] : "?");
                if (findings.size() < 10 && !findings.containsKey(key)) {
                    findings.put(key, "input #" + i + " " + show(input) + "\n    -> " + t);
                }
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("fuzz %-22s %,9d inputs  %,9d accepted  %,9d refused  %,6d ms  (seed %d)%n",
                target, count, accepted, refused, ms, seed);
        if (!findings.isEmpty()) {
            StringBuilder msg = new StringBuilder("fuzz " + target + " (seed " + seed + ", -D" + SEED + "=" + seed
                    + " replays it) found inputs that fail other than with "
                    + (refusals.length == 0 ? "no exception" : List.of(refusals)) + ":");
            findings.forEach((k, v) -> msg.append("\n  ").append(k).append("\n    ").append(v));
            throw new AssertionError(msg.toString());
        }
        return new Result(accepted, refused);
    }

    private static boolean isOneOf(Throwable t, Class<? extends Throwable>[] types) {
        for (Class<? extends Throwable> c : types) {
            if (c.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** Counts of one run. */
    public record Result(int accepted, int refused) {}

    /** An input as Java-escaped text, cut to a readable length. */
    public static String show(Object input) {
        String s = input instanceof byte[] b ? new String(b, StandardCharsets.ISO_8859_1) : String.valueOf(input);
        StringBuilder sb = new StringBuilder("\"");
        int shown = Math.min(s.length(), 400);
        for (int i = 0; i < shown; i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7f) {
                sb.append(c);
            } else {
                sb.append(String.format(input instanceof byte[] ? "\\x%02x" : "\\u%04x", (int) c));
            }
        }
        sb.append('"');
        if (s.length() > shown) {
            sb.append("... (").append(s.length()).append(input instanceof byte[] ? " bytes)" : " chars)");
        }
        return sb.toString();
    }
}
