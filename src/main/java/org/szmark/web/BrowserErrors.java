package org.szmark.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.Optional;

/**
 * A refused request from a person's browser gets a page in their language instead of a problem document
 * (RFC 9457 stays the answer for programs): when the request asks for HTML and its path is not one of the
 * machine interfaces.
 */
@Singleton
public class BrowserErrors {

    /** Paths that only programs call; they answer problem documents whatever the Accept header says. */
    private static final String[] MACHINE_PATHS = {"/api/", "/log/", "/q/", "/trust-list", "/badge/", "/tile/"};

    @Inject Texts texts;
    @Inject @Location("pages/error.html") Template page;

    public Optional<Response> page(int status, UriInfo uri, HttpHeaders headers) {
        if (headers == null || uri == null || !wantsHtml(headers)) return Optional.empty();
        String path = uri.getPath();
        for (String p : MACHINE_PATHS) {
            if (path.startsWith(p)) return Optional.empty();
        }
        Lang l = Lang.choose(uri.getQueryParameters().getFirst("lang"), headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        Map<String, String> t = texts.of(l);
        String key = status == 404 || status == 400 || status == 405 ? String.valueOf(status) : "other";
        String text = t.getOrDefault("error.text." + key, t.get("error.text.other"));
        String html = page.data("lang", l).data("t", t).data("switchHref", null).data("status", status)
                .data("title", t.get("error.title." + key)).data("text", text).render();
        return Optional.of(Response.fromResponse(Pages.html(html, l)).status(status).build());
    }

    /** Browsers put text/html first in Accept; a client that names JSON or problem+json first is a program. */
    static boolean wantsHtml(HttpHeaders headers) {
        String accept = headers.getHeaderString(HttpHeaders.ACCEPT);
        if (accept == null) return false;
        int html = accept.indexOf("text/html");
        if (html < 0) return false;
        int json = accept.indexOf("json");
        return json < 0 || html < json;
    }
}
