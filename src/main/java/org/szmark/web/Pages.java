package org.szmark.web;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Common response headers of human-facing pages (web/SecurityHeaders adds those of every response). */
public final class Pages {
    private Pages() {}

    /** A page rendered in its language (the locale picks the wording {@code msg:} reads). */
    public static String render(TemplateInstance page, Lang lang) {
        return page.setLocale(lang.locale).render();
    }

    /** Pages vary by Accept-Language, so shared caches must key on it. */
    public static Response html(TemplateInstance page, Lang lang) {
        return html(render(page, lang), lang);
    }

    public static Response html(String page, Lang lang) {
        return Response.ok(page, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.VARY, "Accept-Language")
                .header(HttpHeaders.CONTENT_LANGUAGE, lang.tag)
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
                        + "script-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
                .build();
    }
}
