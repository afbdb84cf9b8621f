package dev.gradlab.lab.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * Test-only page (on the test classpath, so never in the app): the server's used heap after full garbage collections,
 * in bytes, for measuring what open tabs retain. The number is in a child element with id {@code heap}: the view's own
 * element is given the id {@code main-content} by the layout (the skip link's target), which once replaced an id set
 * on the view itself, so the test waited in vain for {@code #heap}.
 */
@Route("test/heap")
@AnonymousAllowed
public class HeapTestView extends Div implements BeforeEnterObserver {

    private final Span heap = new Span();

    public HeapTestView() {
        heap.setId("heap");
        add(heap);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        heap.setText(Long.toString(usedAfterGc()));
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
