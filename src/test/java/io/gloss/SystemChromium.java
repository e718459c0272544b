package io.gloss;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Paths;
import java.util.List;

/**
 * Debian's Chromium, the one browser the tests drive (Playwright downloads none here; Surefire
 * sets PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD). The flags keep it from calling out to a closed network.
 */
public final class SystemChromium {

    private SystemChromium() {
    }

    public static Browser launch(Playwright playwright) {
        // Assertions wait as long as actions do (contexts use 10 s): 5 s, Playwright's default, is
        // short on a 2-core CI machine that runs the app, the test JVM and the browser at once.
        PlaywrightAssertions.setDefaultAssertionTimeout(10_000);
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium"))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }
}
