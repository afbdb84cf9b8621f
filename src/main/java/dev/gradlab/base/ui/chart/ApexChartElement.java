package dev.gradlab.base.ui.chart;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

/** The client-side chart: a custom element that renders its {@code options} JSON with ApexCharts. */
@Tag("gradlab-apex-chart")
@NpmPackage(value = "apexcharts", version = "4.7.0")
@JsModule("./components/gradlab-apex-chart.js")
class ApexChartElement extends Component implements HasSize {

    /** Replaces all options; the client updates the live chart in place. */
    void setOptionsJson(String json) {
        getElement().setProperty("options", json);
    }

    String getOptionsJson() {
        return getElement().getProperty("options", "{}");
    }
}
