package org.patchwork.layers;

import java.util.List;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;

/** The HTML representation of the API's documents: plain pages a person can browse and follow. */
public final class OgcHtml {

    private OgcHtml() {
    }

    static String page(String title, String body) {
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>%s · Patchwork OGC API</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem;color:#1b1b1b}
                table{border-collapse:collapse;font-size:.9rem}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}
                th{background:#f2f2f2}a{color:#0b5394}</style></head>
                <body><p><a href="/">Patchwork map</a> · <a href="/ogc?f=html">OGC API</a> · <a href="/ogc/collections?f=html">Collections</a></p>
                <h1>%s</h1>
                %s
                </body></html>
                """.formatted(escape(title), escape(title), body);
    }

    static String links(List<Link> links) {
        StringBuilder html = new StringBuilder("<ul>");
        for (Link link : links) {
            html.append("<li><a href=\"").append(escape(link.href())).append("\">")
                    .append(escape(link.title() != null ? link.title() : link.rel())).append("</a> <small>(")
                    .append(escape(link.rel())).append(", ").append(escape(link.type())).append(")</small></li>");
        }
        return html.append("</ul>").toString();
    }

    /** A table with one row per feature's properties, columns in the order of the first feature. */
    static String table(List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return "<p>No features match.</p>";
        }
        List<String> columns = List.copyOf(rows.get(0).keySet());
        StringBuilder html = new StringBuilder("<table><thead><tr>");
        columns.forEach(c -> html.append("<th>").append(escape(c)).append("</th>"));
        html.append("</tr></thead><tbody>");
        for (Map<String, Object> row : rows) {
            html.append("<tr>");
            columns.forEach(c -> html.append("<td>").append(escape(String.valueOf(row.getOrDefault(c, "")))).append("</td>"));
            html.append("</tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    public static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text);
    }
}
