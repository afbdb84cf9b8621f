package dev.gradlab.lab.ui;

import com.microsoft.playwright.Page;

/**
 * Waits once per test JVM for the first page: when the front-end bundle is stale, Vaadin rebuilds it on that first
 * request (a minute or more on two shared cores), longer than a single test's wait.
 */
final class FirstPage {

    private static boolean loaded;

    private FirstPage() {}

    static synchronized void await(Page page, String url) {
        if (loaded) {
            return;
        }
        page.navigate(url);
        page.waitForFunction(
                "() => !!(window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients)"
                        + " && document.querySelector('vaadin-app-layout') !== null",
                null,
                new Page.WaitForFunctionOptions().setTimeout(400_000));
        loaded = true;
    }
}
