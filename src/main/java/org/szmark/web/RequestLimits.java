package org.szmark.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.szmark.config.SzmarkConfig;

/**
 * Refuses requests the registry will not serve before any of them is read further, each with a problem
 * document: a request line or header fields over the registry's limits (414, 431), a body over
 * {@code szmark.http.max-body-size} (larger for report uploads and import files) whether declared (Content-Length) or sent in chunks (413), and
 * paths with matrix parameters, which the REST layer would misread.
 *
 * <p>The HTTP decoder answers a request line or header block over its own bounds
 * ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) with a bare 414 or 431
 * before any application code sees the request; Quarkus offers no hook there. Those bounds are therefore
 * set well above this class's limits (application.properties), so every request up to them gets the
 * problem document, and only larger ones the bare status.
 */
@Singleton
public class RequestLimits {

    /** The version token of an HTTP/1.1 request line ("HTTP/1.1"), RFC 9112 §2.3. */
    private static final int VERSION_LENGTH = 8;
    /**
     * Chunked bodies are read here, whole, before the REST layer sees them, so each one being read holds up
     * to max-body-size of memory; this many at once bounds that memory, and more are refused with a 503.
     * Clients that know their body's length (all usual ones) send Content-Length and are never counted.
     */
    static final int MAX_CHUNKED_READS = 16;

    private final long maxBody;
    private final long maxUpload;
    private final long maxImport;
    private final int maxRequestLine;
    private final long maxHeaderSize;
    private final ObjectMapper json;
    private final AtomicInteger chunkedReads = new AtomicInteger();

    /** Form fields of a report beside its photo. */
    static final long UPLOAD_FIELDS = 64 * 1024;

    RequestLimits(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize outerLimit, SzmarkConfig config,
            ObjectMapper json) {
        this.maxBody = config.http().maxBodySize().asLongValue();
        this.maxUpload = Math.max(maxBody, config.reports().maxPhotoSize().asLongValue() + UPLOAD_FIELDS);
        this.maxImport = Math.max(maxBody, config.imports().maxFileSize().asLongValue());
        if (outerLimit.asLongValue() < Math.max(maxUpload, maxImport + UPLOAD_FIELDS)) {
            throw new IllegalStateException("quarkus.http.limits.max-body-size must be at least szmark.http.max-body-size,"
                    + " szmark.reports.max-photo-size + 64K and szmark.imports.max-file-size + 64K ("
                    + Math.max(maxUpload, maxImport + UPLOAD_FIELDS) + " bytes)");
        }
        this.maxRequestLine = config.http().maxRequestLine();
        this.maxHeaderSize = config.http().maxHeaderSize().asLongValue();
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(-1000).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (requestLineLength(request) > maxRequestLine) {
            refuse(ctx, 414, "uri-too-long", "URI Too Long",
                    "The request line is longer than the registry accepts (" + maxRequestLine + " bytes)");
            return;
        }
        if (headerBytes(request) > maxHeaderSize) {
            refuse(ctx, 431, "header-fields-too-large", "Request Header Fields Too Large",
                    "The request's header fields are larger than the registry accepts (" + maxHeaderSize + " bytes)");
            return;
        }
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        long limit = limitFor(request);
        if (declared != null && exceeds(declared, limit)) {
            refuseTooLarge(ctx, limit);
            return;
        }
        String path = request.path();
        // No resource takes matrix parameters, and the REST layer decodes the rest of a path with ';'
        // a second time, so "%25" before a ';' would name another path or fail as a 500.
        if (path != null && path.indexOf(';') >= 0) {
            refuse(ctx, 400, "bad-request", "Bad Request", "The path has a ';' (matrix parameters are not supported)");
            return;
        }
        // No identifier or text contains U+0000, and PostgreSQL cannot store it in text.
        String uri = request.uri();
        if (uri != null && (uri.contains("%00") || uri.indexOf('\u0000') >= 0)) {
            refuse(ctx, 400, "bad-request", "Bad Request", "The request's path or query has the character U+0000 (%00)");
            return;
        }
        // ':' in a path segment (certificates:batch) may arrive percent-encoded; route on the decoded form.
        if (path != null && (path.contains("%3A") || path.contains("%3a"))) {
            ctx.reroute(path.replace("%3A", ":").replace("%3a", ":"));
            return;
        }
        if (declared == null && request.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            readChunked(ctx, limit);
            return;
        }
        ctx.next();
    }

    /**
     * Reads a chunked body (RFC 9112 §7.1) up to the limit and hands it on as the request's body, which the REST
     * layer then reads instead of the stream. The REST layer's own check would stop such a body at the limit
     * too, but answers a bare 413 written straight to the connection.
     */
    private void readChunked(RoutingContext ctx, long limit) {
        if (chunkedReads.incrementAndGet() > MAX_CHUNKED_READS) {
            chunkedReads.decrementAndGet();
            refuse(ctx, 503, "busy", "Service busy", "Too many chunked request bodies are being received at the "
                    + "moment; retry in a second, or send Content-Length", Map.of("Retry-After", "1"));
            return;
        }
        // The body stays referenced until the response ends (or the connection drops), so it counts until then.
        ctx.addEndHandler(ignored -> chunkedReads.decrementAndGet());
        Buffer body = Buffer.buffer();
        boolean[] refused = {false};
        HttpServerRequest request = ctx.request();
        request.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + (long) chunk.length() > limit) {
                refused[0] = true;
                refuseTooLarge(ctx, limit);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(ignored -> {
            if (!refused[0]) {
                ctx.setBody(body);
                ctx.next();
            }
        });
        request.resume();
    }

    /** Length of the request line as the HTTP decoder counts it: method SP request-target SP version. */
    static long requestLineLength(HttpServerRequest request) {
        return request.method().name().length() + 1L + request.uri().length() + 1L + VERSION_LENGTH;
    }

    /** Bytes of all header fields, each as "name: value"; header text is Latin-1, one byte a character. */
    static long headerBytes(HttpServerRequest request) {
        long total = 0;
        for (Map.Entry<String, String> field : request.headers()) {
            total += field.getKey().length() + 2L + field.getValue().length();
        }
        return total;
    }

    private void refuseTooLarge(RoutingContext ctx, long limit) {
        refuse(ctx, 413, "payload-too-large", "Payload too large",
                "The request body is larger than the registry accepts here (" + limit + " bytes)");
    }

    /**
     * Report uploads (a photo with a few fields: docs/reports.md) and import files (docs/import.md) may be larger
     * than any other body.
     */
    private long limitFor(HttpServerRequest request) {
        String path = request.path();
        if (request.method() == io.vertx.core.http.HttpMethod.POST && ("/api/v1/imports".equals(path) || "/console/import".equals(path))) {
            // the console's upload form sends the file with a few fields
            return "/console/import".equals(path) ? maxImport + UPLOAD_FIELDS : maxImport;
        }
        if (request.method() == io.vertx.core.http.HttpMethod.POST && path != null
                && (path.equals("/api/v1/reports/form") || ((path.startsWith("/V/") || path.startsWith("/v/")) && path.endsWith("/report")))) {
            return maxUpload;
        }
        return maxBody;
    }

    private void refuse(RoutingContext ctx, int status, String slug, String title, String detail) {
        refuse(ctx, status, slug, title, detail, Map.of());
    }

    private void refuse(RoutingContext ctx, int status, String slug, String title, String detail, Map<String, String> extra) {
        Problem p = Problem.of(slug, title, status, detail, List.of());
        // A target refused for its length is not echoed back.
        if (status != 414) {
            p = p.at(ctx.request().path());
        }
        var response = ctx.response().setStatusCode(status);
        extra.forEach(response::putHeader);
        try {
            response.putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(json.writeValueAsString(p));
        } catch (Exception e) {
            response.end();
        }
    }

    private static boolean exceeds(String declared, long limit) {
        try {
            return Long.parseLong(declared.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
