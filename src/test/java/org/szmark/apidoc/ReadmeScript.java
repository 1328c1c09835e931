package org.szmark.apidoc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell of a README section, read as the small language it is written in, so that a test can run it:
 * fenced {@code sh} blocks of {@code curl} commands, {@code NAME=value} assignments, {@code NAME=$(curl … | jq -r
 * .path)} captures and {@code NAME=${OTHER##*}/}} suffixes, each command followed by a {@code # → <status>}
 * line. Anything else is refused, so the README cannot hold a step the test silently skips.
 */
final class ReadmeScript {

    /** One step: an assignment ({@code curl} null) or a request, with the variable it captures into. */
    record Step(String variable, String value, String suffixOf, Curl curl, String jqPath, int expectedStatus, String text) {}

    /** A curl command: method, URL, headers, body and output file, with variables still unexpanded. */
    record Curl(String method, String url, Map<String, String> headers, String body, String output) {}

    private static final Pattern FENCE = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern EXPECT = Pattern.compile("#\\s*→\\s*(\\d{3})\\b.*");
    private static final Pattern CAPTURE = Pattern.compile("(\\w+)=\\$\\((curl\\s.*)\\|\\s*jq -r (\\.[\\w.]+)\\s*\\)", Pattern.DOTALL);
    private static final Pattern SUFFIX = Pattern.compile("(\\w+)=\\$\\{(\\w+)##\\*/}");
    private static final Pattern ASSIGN = Pattern.compile("(\\w+)=(\\S+)");

    private ReadmeScript() {}

    /** The section that starts with the heading {@code title} and ends at the next heading of its level. */
    static String section(String markdown, String title) {
        int start = markdown.indexOf("\n" + title + "\n");
        if (start < 0) throw new IllegalArgumentException("no section " + title);
        int end = markdown.indexOf("\n## ", start + title.length() + 1);
        return markdown.substring(start, end < 0 ? markdown.length() : end);
    }

    static List<Step> parse(String section) {
        List<Step> steps = new ArrayList<>();
        Matcher fence = FENCE.matcher(section);
        while (fence.find()) {
            for (String line : logicalLines(fence.group(1))) {
                String t = line.strip();
                if (t.isEmpty()) continue;
                Matcher e = EXPECT.matcher(t);
                if (e.matches()) {
                    if (steps.isEmpty() || steps.get(steps.size() - 1).curl() == null
                            || steps.get(steps.size() - 1).expectedStatus() != 0) {
                        throw new IllegalArgumentException("an expected status follows no request: " + t);
                    }
                    Step last = steps.remove(steps.size() - 1);
                    steps.add(new Step(last.variable(), null, null, last.curl(), last.jqPath(), Integer.parseInt(e.group(1)), last.text()));
                    continue;
                }
                if (t.startsWith("#")) continue;
                steps.add(step(t));
            }
        }
        for (Step s : steps) {
            if (s.curl() != null && s.expectedStatus() == 0) throw new IllegalArgumentException("no expected status after: " + s.text());
        }
        return steps;
    }

    private static Step step(String t) {
        Matcher m = CAPTURE.matcher(t);
        if (m.matches()) return new Step(m.group(1), null, null, curl(m.group(2)), m.group(3), 0, t);
        m = SUFFIX.matcher(t);
        if (m.matches()) return new Step(m.group(1), null, m.group(2), null, null, 0, t);
        if (t.startsWith("curl ")) return new Step(null, null, null, curl(t), null, 0, t);
        List<String> words = words(t);
        m = ASSIGN.matcher(words.size() == 1 ? words.get(0) : "");
        if (m.matches()) return new Step(m.group(1), m.group(2), null, null, null, 0, t);
        throw new IllegalArgumentException("not a step the README test can run: " + t);
    }

    private static Curl curl(String command) {
        List<String> w = words(command);
        String method = null;
        String url = null;
        String body = null;
        String output = null;
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < w.size(); i++) {
            String a = w.get(i);
            switch (a) {
                case "-s", "-sS", "-S" -> { }
                case "-X" -> method = w.get(++i);
                case "-H" -> {
                    String h = w.get(++i);
                    int colon = h.indexOf(':');
                    if (colon < 1) throw new IllegalArgumentException("not a header: " + h);
                    headers.put(h.substring(0, colon).strip(), h.substring(colon + 1).strip());
                }
                case "-d" -> body = w.get(++i);
                case "-o" -> output = w.get(++i);
                default -> {
                    if (a.startsWith("-") || url != null) throw new IllegalArgumentException("curl option the README test does not know: " + a);
                    url = a;
                }
            }
        }
        if (url == null) throw new IllegalArgumentException("curl without a URL: " + command);
        return new Curl(method == null ? (body == null ? "GET" : "POST") : method, url, headers, body, output);
    }

    /**
     * Shell words: white space separates them; single quotes keep everything; double quotes keep all but
     * {@code $}; a {@code #} starting a word comments out the rest. Variables stay as written ({@link #expand}).
     * Double-quoted parts are marked so that expansion happens there and outside quotes only.
     */
    static List<String> words(String s) {
        List<String> words = new ArrayList<>();
        StringBuilder w = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                if (w != null) words.add(w.toString());
                w = null;
                continue;
            }
            if (w == null) {
                if (c == '#') break;
                w = new StringBuilder();
            }
            if (c == '\'') {
                int end = s.indexOf('\'', i + 1);
                if (end < 0) throw new IllegalArgumentException("unclosed quote in: " + s);
                // Single-quoted text is literal: its dollars are escaped from expansion.
                w.append(s.substring(i + 1, end).replace("$", "\\$"));
                i = end;
            } else if (c == '"') {
                int end = s.indexOf('"', i + 1);
                if (end < 0) throw new IllegalArgumentException("unclosed quote in: " + s);
                w.append(s, i + 1, end);
                i = end;
            } else {
                w.append(c);
            }
        }
        if (w != null) words.add(w.toString());
        return words;
    }

    private static final Pattern VARIABLE = Pattern.compile("(\\\\?)\\$(?:\\{(\\w+)}|(\\w+))");

    /** Replaces {@code $NAME} and {@code ${NAME}} (not escaped ones) with their values; an unset one is an error. */
    static String expand(String s, Map<String, String> variables) {
        Matcher m = VARIABLE.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(2) != null ? m.group(2) : m.group(3);
            String value;
            if (!m.group(1).isEmpty()) {
                value = "$" + (m.group(2) != null ? "{" + name + "}" : name);
            } else {
                value = variables.get(name);
                if (value == null) throw new IllegalArgumentException("$" + name + " is used before it is set");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString().replace("\\$", "$");
    }

    /** Lines joined where a backslash ends one or a quote is still open, as the shell reads them. */
    static List<String> logicalLines(String block) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        for (String raw : block.split("\n", -1)) {
            if (current.isEmpty() && raw.strip().startsWith("#")) {
                // A comment line: its apostrophes and quotes are prose.
                lines.add(raw);
                continue;
            }
            current.append(raw);
            for (char c : raw.toCharArray()) {
                if (quote == 0 && (c == '\'' || c == '"')) quote = c;
                else if (c == quote) quote = 0;
            }
            if (quote != 0) {
                current.append('\n');
            } else if (raw.endsWith("\\")) {
                current.setLength(current.length() - 1);
                current.append(' ');
            } else {
                lines.add(current.toString());
                current.setLength(0);
            }
        }
        if (quote != 0) throw new IllegalArgumentException("unclosed quote in block: " + block);
        if (!current.isEmpty()) lines.add(current.toString());
        return lines;
    }
}
