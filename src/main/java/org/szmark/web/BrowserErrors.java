package org.szmark.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
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

    @Inject Messages messages;

    @CheckedTemplate(basePath = "pages")
    static class Templates {
        static native TemplateInstance error(Lang lang, String switchHref, int status, String title, String text);
    }

    public Optional<Response> page(int status, UriInfo uri, HttpHeaders headers) {
        if (headers == null || uri == null || !wantsHtml(headers)) return Optional.empty();
        String path = uri.getPath();
        for (String p : MACHINE_PATHS) {
            if (path.startsWith(p)) return Optional.empty();
        }
        Lang l = Lang.choose(uri.getQueryParameters().getFirst("lang"), headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        Msg m = messages.of(l);
        // 405 has a title of its own but shares the general text.
        String title = switch (status) {
            case 404 -> m.errorTitle404();
            case 400 -> m.errorTitle400();
            case 405 -> m.errorTitle405();
            default -> m.errorTitleOther();
        };
        String text = switch (status) {
            case 404 -> m.errorText404();
            case 400 -> m.errorText400();
            default -> m.errorTextOther();
        };
        return Optional.of(Response.fromResponse(Pages.html(Templates.error(l, null, status, title, text), l)).status(status).build());
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
