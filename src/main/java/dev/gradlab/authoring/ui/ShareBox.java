package dev.gradlab.authoring.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import dev.gradlab.base.ui.QrSvg;

/**
 * A saved scenario's share link {@code /s/{slug}} (with a copy button), its QR code for projecting in class, and the
 * {@code <iframe>} code of the chrome-less embed ({@code ?embed=true}).
 */
final class ShareBox extends Composite<Div> {

    ShareBox(String slug, String idSuffix) {
        Div box = getContent();
        box.addClassName("gradlab-share");
        String link = baseUrl() + "/s/" + slug;
        TextField url = new TextField(getTranslation("share.link"));
        url.setValue(link);
        url.setReadOnly(true);
        url.setWidthFull();
        url.setId("share-link" + idSuffix);
        Button copy = new Button(getTranslation("share.copy"), VaadinIcon.COPY_O.create());
        copy.setId("share-copy" + idSuffix);
        copy.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Span copied = new Span();
        copied.getElement().setAttribute("aria-live", "polite");
        copy.addClickListener(e -> {
            copy.getElement().executeJs("return navigator.clipboard ? navigator.clipboard.writeText($0) : null", link);
            copied.setText(getTranslation("share.copied"));
        });
        Anchor open = new Anchor("s/" + slug, getTranslation("share.open"));
        open.setId("share-open" + idSuffix);
        TextField embed = new TextField(getTranslation("share.embed"));
        embed.setValue(
                "<iframe src=\"" + link + "?embed=true\" width=\"100%\" height=\"720\" title=\"GradLab\"></iframe>");
        embed.setReadOnly(true);
        embed.setWidthFull();
        embed.setId("share-embed" + idSuffix);
        Html qr = new Html(
                "<div class=\"gradlab-qr-box\">" + QrSvg.of(link, getTranslation("share.qr", link)) + "</div>");
        Div row = new Div(copy, open, copied);
        row.addClassName("gradlab-share-row");
        Div text = new Div(url, row, embed);
        text.addClassName("gradlab-share-text");
        box.add(new H2(getTranslation("share.heading")), new Div(text, qr));
    }

    /** {@code visibility.private|unlisted|public}: how a visibility is named on the page. */
    static String visibilityKey(dev.gradlab.authoring.Sharing s) {
        return "visibility." + s.wireName();
    }

    /** This server's address as the browser reached it ({@code server.forward-headers-strategy} behind a proxy). */
    static String baseUrl() {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request instanceof VaadinServletRequest servlet) {
            var r = servlet.getHttpServletRequest();
            boolean defaultPort = ("http".equals(r.getScheme()) && r.getServerPort() == 80)
                    || ("https".equals(r.getScheme()) && r.getServerPort() == 443);
            return r.getScheme() + "://" + r.getServerName() + (defaultPort ? "" : ":" + r.getServerPort())
                    + r.getContextPath();
        }
        return "";
    }
}
