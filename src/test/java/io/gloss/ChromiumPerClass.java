package io.gloss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One system Chromium for a test class, launched before its first test and closed after its
 * last: {@code @RegisterExtension static final ChromiumPerClass chromium = new ChromiumPerClass();}
 * The contexts a test opens with {@link #newContext()} are closed after it, and the test fails if
 * a page opened with {@link #watchedPage} reported an error.
 */
public final class ChromiumPerClass implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {

    private Playwright playwright;
    private Browser browser;
    private final List<BrowserContext> contexts = new ArrayList<>();
    private final List<String> pageErrors = new ArrayList<>();

    public Browser browser() {
        return browser;
    }

    /** A context for this test only (SystemChromium's size and timeouts). */
    public BrowserContext newContext() {
        BrowserContext context = SystemChromium.newContext(browser);
        contexts.add(context);
        return context;
    }

    /** {@link SystemChromium#watchedPage}, reporting to this test's list of errors. */
    public Page watchedPage(BrowserContext context, String who, Collection<String> expected) {
        return SystemChromium.watchedPage(context, who, pageErrors, expected);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
        List<String> errors = List.copyOf(pageErrors);
        pageErrors.clear();
        assertEquals(List.of(), errors, "script errors or failed requests on the pages");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        playwright = Playwright.create();
        browser = SystemChromium.launch(playwright);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }
}
