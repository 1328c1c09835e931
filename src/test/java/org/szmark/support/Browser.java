package org.szmark.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium driven through WebDriver, for tests that act and measure as a person's browser would (sizes,
 * clicks, forms). Uses Debian's chromium and chromium-driver only: nothing is downloaded.
 */
public final class Browser {
    private Browser() {}

    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    /** Skips the calling test, saying what is missing, where Chromium or its driver is not installed. */
    public static void assumeInstalled() {
        boolean ok = Files.isExecutable(Chromium.BINARY) && Files.isExecutable(DRIVER);
        if (!ok) System.out.println("Chromium or chromium-driver is not installed (Debian packages): skipping the browser test");
        Assumptions.assumeTrue(ok, "Chromium or chromium-driver is not installed: browser test skipped");
    }

    /** A fresh headless browser with a window of the given size and language; the caller quits it. */
    public static ChromeDriver open(int width, int height, String language) {
        ChromeOptions o = new ChromeOptions();
        o.setBinary(Chromium.BINARY.toFile());
        o.addArguments(List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=" + width + "," + height, "--lang=" + language));
        o.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        ChromeDriver d = new ChromeDriver(service, o);
        d.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return d;
    }
}
