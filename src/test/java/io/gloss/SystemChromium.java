package io.gloss;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Paths;
import java.util.Collection;
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

    /** A context of the size the scenarios are written for; actions wait up to 10 s. */
    public static BrowserContext newContext(Browser browser) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        context.setDefaultTimeout(10_000);
        return context;
    }

    /**
     * Logs the page in through Gloss' own login form, the way a person does, and waits for the
     * home page; {@code base} is the site's root with its slash ({@code @TestHTTPResource("/")}).
     */
    public static void logIn(Page page, String base, String username) {
        page.navigate(base + "login");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(TestAccounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        page.waitForURL(base);
    }

    /**
     * A page that reports what would go wrong in front of a person: script errors, console errors,
     * anything the Content-Security-Policy blocked, and answers of 400 or more (as "409 POST /api/decisions", the path from the site's root),
     * except the browser's own /favicon.ico and the failures a scenario provokes on purpose.
     * Each report starts with {@code who}.
     */
    public static Page watchedPage(BrowserContext context, String who, List<String> errors, Collection<String> expected) {
        Page page = context.newPage();
        // Whatever the Content-Security-Policy blocks (an inline script or handler, a style, a
        // load from elsewhere) is reported on the console; the script is Playwright's, so the
        // page's policy does not apply to it.
        page.addInitScript("document.addEventListener('securitypolicyviolation', e => console.error("
                + "'Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI))");
        page.onPageError(error -> errors.add(who + ": " + error));
        page.onConsoleMessage(message -> {
            // Failed loads are reported (with their address) by the response listener below.
            if (("error".equals(message.type()) && !message.text().startsWith("Failed to load resource"))
                    || message.text().contains("Content Security Policy")) {
                errors.add(who + ": console: " + message.text());
            }
        });
        page.onResponse(response -> {
            // Gloss has no /favicon.ico and no page links to one; the browser asks on its own.
            String failure = response.status() + " " + response.request().method() + " "
                    + response.url().replaceFirst("^https?://[^/]+", "");
            if (response.status() >= 400 && !response.url().endsWith("/favicon.ico") && !expected.contains(failure)) {
                errors.add(who + ": " + failure);
            }
        });
        return page;
    }
}
