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
import java.util.concurrent.Callable;
import org.szmark.cli.Commands;
import org.szmark.cli.HelpOption;
import org.szmark.cli.SzmarkCommand;
import org.szmark.log.note.VerifierKey;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code audit [--key <verifier key> | --key-file <file>] <base URL>}: runs the {@link Auditor}
 * against a registry over HTTP and prints the outcome. Exit codes: 0 consistent, 1 discrepancy found,
 * 2 unusable arguments or the audit could not be completed.
 */
@Command(name = "audit", synopsisHeading = "usage: ", customSynopsis = AuditCommand.USAGE,
        description = {"Audit a registry's public log over HTTP.",
            "Recomputes the Merkle tree from all entries (docs/log.md), checks every stored checkpoint's signature and root"
                + " and the consistency proofs between consecutive checkpoints, and reports the first discrepancy."},
        footer = {"", "Exit codes: 0 consistent, 1 discrepancy found, 2 unusable arguments or the audit could not complete."})
public final class AuditCommand implements Callable<Integer> {

    static final String USAGE = "audit [--key <name+keyid+key> | --key-file <file>] <registry base URL>";

    @Spec CommandSpec spec;
    @Mixin HelpOption help;

    /** Where the log's verifier key comes from; neither: the registry's own /log/key, with a warning. */
    static final class KeySource {
        @Option(names = "--key", paramLabel = "<name+keyid+key>",
                description = "The log's verifier key (GET /log/key), obtained out of band.")
        String text;

        @Option(names = "--key-file", paramLabel = "<file>", description = "A file holding that key.")
        String file;
    }

    @ArgGroup(exclusive = true)
    KeySource keySource;

    @Parameters(index = "0", paramLabel = "<registry base URL>", description = "e.g. http://localhost:8080")
    String base;

    /** The {@code audit} command line without its name, as {@code java -jar quarkus-run.jar audit} takes it. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        return Commands.run("audit", args, out, err);
    }

    @Override
    public Integer call() {
        SzmarkCommand top = SzmarkCommand.of(spec);
        return audit(keySource == null ? null : keySource.text, keySource == null ? null : keySource.file, base,
                top.out(), top.err());
    }

    static int audit(String keyText, String keyFile, String base, PrintStream out, PrintStream err) {
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
