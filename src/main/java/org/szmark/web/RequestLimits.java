package org.szmark.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses declared oversized bodies before they are read, with a problem document rather than the
 * bare 413 the HTTP layer gives for bodies that exceed the limit while streaming; and paths with
 * matrix parameters, which the REST layer would misread.
 */
@Singleton
public class RequestLimits {

    private final long maxBody;
    private final ObjectMapper json;

    RequestLimits(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBody, ObjectMapper json) {
        this.maxBody = maxBody.asLongValue();
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(-1000).handler(ctx -> {
            String declared = ctx.request().getHeader("Content-Length");
            if (declared != null && exceeds(declared)) {
                refuse(ctx, 413, "payload-too-large", "Payload too large",
                        "The request body is larger than the registry accepts (" + maxBody + " bytes)");
                return;
            }
            String path = ctx.request().path();
            // No resource takes matrix parameters, and the REST layer decodes the rest of a path with ';'
            // a second time, so "%25" before a ';' would name another path or fail as a 500.
            if (path != null && path.indexOf(';') >= 0) {
                refuse(ctx, 400, "bad-request", "Bad Request", "The path has a ';' (matrix parameters are not supported)");
                return;
            }
            // No identifier or text contains U+0000, and PostgreSQL cannot store it in text.
            String uri = ctx.request().uri();
            if (uri != null && (uri.contains("%00") || uri.indexOf('\u0000') >= 0)) {
                refuse(ctx, 400, "bad-request", "Bad Request", "The request's path or query has the character U+0000 (%00)");
                return;
            }
            // ':' in a path segment (certificates:batch) may arrive percent-encoded; route on the decoded form.
            if (path != null && (path.contains("%3A") || path.contains("%3a"))) {
                ctx.reroute(path.replace("%3A", ":").replace("%3a", ":"));
                return;
            }
            ctx.next();
        });
    }

    private void refuse(RoutingContext ctx, int status, String slug, String title, String detail) {
        Problem p = Problem.of(slug, title, status, detail, List.of()).at(ctx.request().path());
        try {
            ctx.response().setStatusCode(status)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Connection", "close")
                    .end(json.writeValueAsString(p));
        } catch (Exception e) {
            ctx.response().setStatusCode(status).end();
        }
    }

    private boolean exceeds(String declared) {
        try {
            return Long.parseLong(declared.trim()) > maxBody;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
