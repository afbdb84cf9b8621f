package dev.gradlab.base.ui.formula;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

/**
 * A LaTeX formula, inline by default; {@link #display(String)} for a centred block formula. Invalid TeX is shown in red
 * instead of failing.
 *
 * <pre>{@code
 * Formula update = Formula.display("\\theta^{(2)} = 8 - 1 \\times (1 + 2) = 5");
 * update.setTex("\\theta^{(2)} = 8 - 1 \\times 1 = 7");
 * }</pre>
 */
@Tag("gradlab-formula")
@NpmPackage(value = "katex", version = "0.16.22")
@JsModule("./components/gradlab-formula.js")
public class Formula extends Component implements HasSize, HasStyle {

    public Formula(String tex) {
        setTex(tex);
    }

    /** A block formula, centred on its own line; scrolls sideways inside itself when wider than a phone. */
    public static Formula display(String tex) {
        Formula f = new Formula(tex);
        f.setDisplayMode(true);
        return f;
    }

    public void setTex(String tex) {
        getElement().setAttribute("tex", tex);
    }

    public String getTex() {
        return getElement().getAttribute("tex");
    }

    public void setDisplayMode(boolean display) {
        getElement().setAttribute("display-mode", display);
        getElement().getClassList().set("gradlab-formula-block", display);
    }

    public boolean isDisplayMode() {
        return getElement().hasAttribute("display-mode");
    }
}
