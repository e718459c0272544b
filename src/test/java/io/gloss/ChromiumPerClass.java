package io.gloss;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One system Chromium for a test class, launched before its first test and closed after its
 * last: {@code @RegisterExtension static final ChromiumPerClass chromium = new ChromiumPerClass();}
 */
public final class ChromiumPerClass implements BeforeAllCallback, AfterAllCallback {

    private Playwright playwright;
    private Browser browser;

    public Browser browser() {
        return browser;
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
