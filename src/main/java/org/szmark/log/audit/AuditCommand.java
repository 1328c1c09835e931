package org.szmark.log.audit;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.szmark.log.note.VerifierKey;

/**
 * {@code audit [--key <verifier key> | --key-file <file>] <base URL>}: runs the {@link Auditor}
 * against a registry over HTTP and prints the outcome. Exit codes: 0 consistent, 1 discrepancy found,
 * 2 unusable arguments or the audit could not be completed.
 */
public final class AuditCommand {

    static final String USAGE = "usage: audit [--key <name+keyid+key> | --key-file <file>] <registry base URL>";

    private AuditCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        String keyText = null;
        String keyFile = null;
        String base = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if ((a.equals("--key") || a.equals("--key-file")) && i + 1 < args.size()) {
                if (a.equals("--key")) {
                    keyText = args.get(++i);
                } else {
                    keyFile = args.get(++i);
                }
            } else if (!a.startsWith("--") && base == null) {
                base = a;
            } else {
                err.println(USAGE);
                return 2;
            }
        }
        if (base == null || (keyText != null && keyFile != null)) {
            err.println(USAGE);
            return 2;
        }
        HttpSource source;
        try {
            source = new HttpSource(base);
        } catch (IllegalArgumentException e) {
            err.println("audit: " + e.getMessage());
            return 2;
        }
        VerifierKey key;
        try {
            if (keyFile != null) {
                keyText = Files.readString(Path.of(keyFile), StandardCharsets.UTF_8);
            }
            if (keyText == null) {
                Auditor.Answer a = source.get("/log/key");
                if (a.status() != 200) {
                    err.println("audit: GET /log/key answered " + a.status());
                    return 2;
                }
                keyText = new String(a.body(), StandardCharsets.UTF_8);
                err.println("audit: warning: using the key the registry serves; pass --key with a key obtained out of band"
                        + " for an independent audit");
            }
            key = VerifierKey.parse(keyText.trim());
        } catch (IOException e) {
            err.println("audit: cannot obtain the log key: " + e);
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("audit: not a verifier key: " + e.getMessage());
            return 2;
        }
        out.println("auditing log " + key.name() + " at " + source.base() + " with key " + key);
        Auditor.Report r = new Auditor(source, key, line -> out.println("  " + line)).run();
        switch (r.verdict()) {
            case CONSISTENT -> {
                out.println("CONSISTENT: " + r.checkpoints() + " checkpoints up to tree size " + r.treeSize()
                        + " agree with the entries and with each other");
                return 0;
            }
            case DISCREPANCY -> {
                out.println("DISCREPANCY: " + r.detail());
                return 1;
            }
            default -> {
                err.println("INCOMPLETE: " + r.detail());
                return 2;
            }
        }
    }

    /** Reads from a registry over HTTP(S). */
    static final class HttpSource implements Auditor.Source {
        private final String base;
        private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();

        HttpSource(String baseUrl) {
            String b = baseUrl.replaceAll("/+$", "");
            try {
                URI u = new URI(b);
                if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
                    throw new IllegalArgumentException("base URL must be an http(s) URL: " + baseUrl);
                }
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("base URL is not a URL: " + baseUrl);
            }
            this.base = b;
        }

        String base() {
            return base;
        }

        @Override
        public Auditor.Answer get(String path) throws IOException {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET().build();
            try {
                HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                return new Auditor.Answer(r.statusCode(), r.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
        }
    }
}
