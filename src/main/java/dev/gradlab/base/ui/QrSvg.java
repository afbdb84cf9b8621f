package dev.gradlab.base.ui;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code of a link as inline SVG (dark modules as one path, a quiet zone of four modules), named for screen readers:
 * share links (authoring) and class join links (live classes) are projected with it.
 */
public final class QrSvg {

    private static final int BORDER = 4;

    private QrSvg() {}

    public static String of(String text, String accessibleName) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int size = qr.size + 2 * BORDER;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M')
                            .append(x + BORDER)
                            .append(',')
                            .append(y + BORDER)
                            .append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"gradlab-qr\""
                + " style=\"width:100%;max-width:16rem;height:auto;display:block\" viewBox=\"0 0 " + size + " "
                + size + "\" aria-label=\"" + escape(accessibleName) + "\" shape-rendering=\"crispEdges\">"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
