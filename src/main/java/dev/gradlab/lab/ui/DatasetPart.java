package dev.gradlab.lab.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;
import dev.gradlab.base.ui.i18n.Numbers;
import dev.gradlab.lab.data.Datasets;
import dev.gradlab.lab.train.DatasetPreview;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A model page's data set before training: for 2-D sets a scatter picture of the points (class by colour and shape,
 * training filled, test hollow), for image sets one sample image per class with its class name; both with a table of
 * examples per class, so the picture has a text equivalent.
 */
final class DatasetPart extends Composite<Div> {

    DatasetPart(DatasetPreview preview) {
        Div box = getContent();
        box.setId("dataset-box");
        box.addClassName("gradlab-dataset");
        box.add(new H3(getTranslation("training.dataset.title")));
        Paragraph summary = new Paragraph(getTranslation(
                preview.isImage() ? "training.dataset.summary.images" : "training.dataset.summary.points",
                Numbers.format(preview.trainSize(), getLocale()),
                Numbers.format(preview.testSize(), getLocale()),
                preview.classes()));
        summary.setId("dataset-summary");
        box.add(summary);
        if (preview.points() != null) {
            box.add(points(preview, preview.points()));
        } else {
            box.add(samples(preview));
        }
    }

    private Div points(DatasetPreview preview, DatasetPreview.Points p) {
        Div picture = new Div();
        picture.setId("dataset-points");
        // sent once, not kept as a property in the session's state tree
        picture.getElement()
                .executeJs(
                        "this.innerHTML = $0",
                        BoundaryPicture.points(
                                p,
                                getTranslation(
                                        "training.dataset.aria.shapes", preview.trainSize(), preview.testSize())));
        Div pictureBox = new Div(picture);
        pictureBox.addClassName("gradlab-boundary");
        pictureBox.getStyle().set("flex", "0 1 18rem").set("min-width", "0");

        SimpleTable table = counts(preview, "training.dataset.train", "training.dataset.test");
        Paragraph ranges = new Paragraph(getTranslation(
                "training.dataset.ranges",
                Numbers.format(p.xMin(), getLocale(), 2),
                Numbers.format(p.xMax(), getLocale(), 2),
                Numbers.format(p.yMin(), getLocale(), 2),
                Numbers.format(p.yMax(), getLocale(), 2)));
        ranges.setId("dataset-ranges");
        Div text = new Div(table, ranges);
        text.getStyle().set("flex", "1 1 14rem").set("min-width", "0");

        Div row = new Div(pictureBox, text);
        row.getStyle()
                .set("display", "flex")
                .set("flex-wrap", "wrap")
                .set("gap", "var(--lumo-space-m)")
                .set("align-items", "flex-start");
        return row;
    }

    private Div samples(DatasetPreview preview) {
        List<String> names = Datasets.classNames(preview.name(), getLocale());
        Div grid = new Div();
        grid.setId("dataset-samples");
        grid.getStyle()
                .set("display", "grid")
                .set("grid-template-columns", "repeat(auto-fill, minmax(4.5rem, 1fr))")
                .set("gap", "var(--lumo-space-s)")
                .set("margin", "0 0 var(--lumo-space-m)")
                .set("padding", "0");
        for (DatasetPreview.Sample s : preview.samples()) {
            String name = names.get(s.label());
            Image image = new Image(png(s), getTranslation("training.dataset.sample.alt", name, s.index() + 1));
            image.setId("dataset-sample-" + s.label());
            image.setWidth("56px");
            image.setHeight("56px");
            image.getStyle()
                    .set("image-rendering", "pixelated")
                    .set("display", "block")
                    .set("margin", "0 auto");
            Element caption = new Element("figcaption").setText(name);
            caption.getStyle()
                    .set("font-size", "var(--lumo-font-size-xs)")
                    .set("text-align", "center")
                    .set("line-height", "1.2")
                    .set("overflow-wrap", "anywhere");
            Element figure = new Element("figure");
            figure.getStyle().set("margin", "0");
            figure.appendChild(image.getElement(), caption);
            grid.getElement().appendChild(figure);
        }
        return new Div(grid, counts(preview, "training.dataset.train", "training.dataset.test"));
    }

    /** Examples per class, training and test, plus the totals: the picture's text equivalent. */
    private SimpleTable counts(DatasetPreview preview, String trainKey, String testKey) {
        SimpleTable table = new SimpleTable(
                "dataset-counts",
                getTranslation(preview.isImage() ? "training.dataset.counts.images" : "training.dataset.counts.points"),
                List.of(getTranslation("training.dataset.class"), getTranslation(trainKey), getTranslation(testKey)));
        List<String> names = preview.isImage() ? Datasets.classNames(preview.name(), getLocale()) : null;
        int[] train = preview.trainCounts();
        int[] test = preview.testCounts();
        for (int c = 0; c < preview.classes(); c++) {
            String label = names != null ? names.get(c) : pointClass(c);
            Element row = table.addRow(
                    List.of(label, Numbers.format(train[c], getLocale()), Numbers.format(test[c], getLocale())),
                    List.of("dataset-class-" + c, "dataset-train-" + c, "dataset-test-" + c),
                    null);
            if (names == null) { // the class's marker, as drawn in the picture
                Span marker = new Span();
                marker.getElement().setProperty("innerHTML", BoundaryPicture.legendMarker(c, false));
                marker.getStyle()
                        .set("margin-inline-end", "var(--lumo-space-xs)")
                        .set("vertical-align", "middle");
                row.getChild(0).insertChild(0, marker.getElement());
            }
            // a class name, not code: the table's row headers are monospace elsewhere
            row.getChild(0).getStyle().set("font-family", "inherit").set("white-space", "nowrap");
        }
        Element total = table.addRow(
                List.of(
                        getTranslation("training.dataset.total"),
                        Numbers.format(preview.trainSize(), getLocale()),
                        Numbers.format(preview.testSize(), getLocale())),
                List.of("dataset-class-total", "dataset-train-total", "dataset-test-total"),
                null);
        total.getChild(0).getStyle().set("font-family", "inherit");
        return table;
    }

    /** "Class 0 (blue circles)": the colour and the shape in words, for 2-D sets. */
    private String pointClass(int c) {
        // the generated sets have two classes; words for more colours and shapes would go here
        return switch (c) {
            case 0 -> getTranslation("training.dataset.class.0");
            case 1 -> getTranslation("training.dataset.class.1");
            default -> getTranslation("training.dataset.class.n", c);
        };
    }

    /** A grey-scale PNG as a data URL (the pixels are in [0, 1]; shown light on dark, as matplotlib's gray map). */
    static String png(DatasetPreview.Sample s) {
        BufferedImage img = new BufferedImage(s.width(), s.height(), BufferedImage.TYPE_BYTE_GRAY);
        double[] px = s.pixels();
        for (int r = 0; r < s.height(); r++) {
            for (int c = 0; c < s.width(); c++) {
                int v = (int) Math.round(Math.max(0, Math.min(1, px[r * s.width() + c])) * 255);
                img.getRaster().setSample(c, r, 0, v);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
