package dev.gradlab.lab.ui;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * Test-only page (on the test classpath, so never in the app): the server's used heap after full garbage collections,
 * in bytes, for measuring what open tabs retain.
 */
@Route("test/heap")
@AnonymousAllowed
public class HeapTestView extends Span implements BeforeEnterObserver {

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        setId("heap");
        setText(Long.toString(usedAfterGc()));
    }

    static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            best = Math.min(best, rt.totalMemory() - rt.freeMemory());
        }
        return best;
    }
}
