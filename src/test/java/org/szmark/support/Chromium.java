package org.szmark.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Headless Chromium for page tests: the DOM as a person's browser ends up with it, scripts included. */
public final class Chromium {
    private Chromium() {}

    public static final Path BINARY = Path.of("/usr/bin/chromium");

    /** Skips the calling test, saying what is missing, where Chromium is not installed. */
    public static void assumeInstalled() {
        if (!Files.isExecutable(BINARY)) {
            System.out.println("Chromium is not installed (Debian package chromium): skipping the browser test");
        }
        Assumptions.assumeTrue(Files.isExecutable(BINARY), "Chromium is not installed (Debian package chromium): browser test skipped");
    }

    /** The DOM after load and a few seconds of script time. */
    public static String render(String url, String language) throws Exception {
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> cmd = List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--no-first-run", "--user-data-dir=" + profile, "--lang=" + language, "--accept-lang=" + language,
                "--virtual-time-budget=5000", "--dump-dom", url);
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String(out, StandardCharsets.UTF_8);
    }
}
