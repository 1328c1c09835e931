package org.szmark.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.szmark.common.DomainException;
import org.szmark.common.DomainException.FieldError;
import org.szmark.common.Persistence;
import org.szmark.common.TryAgainLater;

/**
 * The single place where exceptions become RFC 9457 problem responses. Details name fields and
 * values the caller sent, never exception classes or stack traces.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** Long enough for a database restart or failover, short enough not to turn clients away for long. */
    static final int RETRY_AFTER_SECONDS = 5;

    @jakarta.inject.Inject BrowserErrors browsers;

    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri, HttpHeaders headers) {
        if (e.status() == 400 || e.status() == 404) {
            Optional<Response> page = browsers.page(e.status(), uri, headers);
            if (page.isPresent()) return page.get();
        }
        return respond(Problem.of(e.type(), e.title(), e.status(), e.getMessage(), e.fieldErrors()), uri);
    }

    @ServerExceptionMapper
    public Response tryAgainLater(TryAgainLater e, UriInfo uri) {
        return Response.fromResponse(domain(e, uri, null)).header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .collect(Collectors.toList());
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(Problem.of("validation", "Invalid request", 400, detail, errors), uri);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        if (e instanceof StrictJson.RefusedText t) {
            // Well-formed JSON with a value the text rule refuses: invalid input of a named field, like a constraint.
            String name = path(t);
            FieldError error = new FieldError(name, t.reason());
            return respond(Problem.of("validation", "Invalid request", 400, name + ": " + t.reason(), List.of(error)), uri);
        }
        String field = null;
        String detail;
        if (e instanceof UnrecognizedPropertyException u) {
            field = path(u);
            detail = "Unknown field '" + u.getPropertyName() + "'";
        } else if (e instanceof InvalidFormatException f) {
            field = path(f);
            detail = "Field '" + field + "' must be " + describe(f.getTargetType());
        } else if (e instanceof MismatchedInputException m && !path(m).isEmpty()) {
            field = path(m);
            detail = "Field '" + field + "' must be " + describe(m.getTargetType());
        } else if (e instanceof JsonParseException) {
            detail = "The request body is not well-formed JSON";
        } else if (e instanceof JsonMappingException m && !path(m).isEmpty()) {
            field = path(m);
            detail = "Field '" + field + "' has an invalid value";
        } else {
            detail = "The request body is not valid JSON for this operation";
        }
        List<FieldError> errors = field == null || field.isEmpty() ? List.of() : List.of(new FieldError(field, detail));
        return respond(Problem.of("malformed-json", "Malformed request body", 400, detail, errors), uri);
    }

    // Quarkus ships mappers for some Jackson subtypes; more specific ones here take precedence over those.
    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response unparseable(JsonParseException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response mapping(JsonMappingException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        if (org.szmark.signin.SignInFilter.staffPage(uri.getPath())) return signIn();
        return challenge(uri, "This operation needs a bearer API token");
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        // A refused sign-in form: back to the form with its notice (signin/SignInFilter names a lock's end instead).
        if (uri.getPath().equals("/j_security_check")) {
            return Response.status(302).location(java.net.URI.create("/sign-in?error=1")).build();
        }
        if (org.szmark.signin.SignInFilter.staffPage(uri.getPath())) return signIn();
        return challenge(uri, "The bearer API token is unknown, revoked or malformed");
    }

    /** A person's page (the console, the sign-in steps) sends a browser without a live session to sign in. */
    private static Response signIn() {
        return Response.status(302).location(java.net.URI.create("/sign-in")).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of("forbidden", "Forbidden", 403,
                "The account behind this token may not perform this operation", List.of()), uri);
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return respond(Problem.of("concurrent-update", "Conflict with the current state", 409,
                "The record was changed by another request; read it again and retry", List.of()), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        // A body the JSON reader could not parse may arrive wrapped as a plain 400.
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof JsonProcessingException j) return json(j, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        if (status == 404 || status == 405 || status == 400) {
            Optional<Response> page = browsers.page(status, uri, headers);
            if (page.isPresent()) return page.get();
        }
        Response.StatusType info = e.getResponse().getStatusInfo();
        String title = info.getReasonPhrase() == null ? "Request refused" : info.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "No resource at this address";
            case 405 -> "This method is not allowed at this address";
            case 406 -> "None of the accepted media types can be produced here";
            case 413 -> "The request body is larger than the registry accepts";
            case 415 -> "This media type is not accepted here; send application/json";
            default -> title;
        };
        Response.ResponseBuilder r = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(slugFor(status), title, status, detail, List.of()).at(uri.getPath()));
        if (status == 405 && e.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
            r.header(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW));
        }
        return r.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        // Wrapped in whatever the transaction, ORM or pool layer threw: look at the whole chain.
        if (Persistence.isDatabaseUnavailable(e)) {
            return unavailable(e, uri);
        }
        if (Persistence.isBusy(e)) {
            return busy(e, uri);
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure, incident %s", incident);
        return respond(Problem.of("internal", "Internal error", 500,
                "The registry could not complete this request; incident " + incident, List.of()), uri);
    }

    /**
     * The database is out of reach (restart, failover, network): a temporary condition, so 503 with
     * Retry-After (RFC 9110 §15.6.4, §10.2.3). Nothing of the request was committed unless the outage
     * struck during the commit itself; a write sent with an Idempotency-Key can be retried safely.
     */
    static Response unavailable(Throwable e, UriInfo uri) {
        LOG.warnf("Database unavailable: %s", rootMessage(e));
        return retryLater(uri, RETRY_AFTER_SECONDS, Problem.of("database-unavailable", "Service temporarily unavailable", 503,
                "The registry's database cannot be reached at the moment; retry in a few seconds", List.of()));
    }

    /**
     * The database did not grant a lock in time (or chose this request as a deadlock victim): the registry is
     * busy, nothing of the request was committed, and a retry shortly after succeeds; 503 with Retry-After
     * (RFC 9110 §15.6.4), like an unreachable database, so clients retry the same way.
     */
    static Response busy(Throwable e, UriInfo uri) {
        LOG.warnf("Database busy: %s", rootMessage(e));
        return retryLater(uri, BUSY_RETRY_AFTER_SECONDS, Problem.of("busy", "Service busy", 503,
                "The registry is busy with other changes at the moment; retry in a second", List.of()));
    }

    /** Locks are held for milliseconds, so a second is enough for the queue ahead to clear. */
    static final int BUSY_RETRY_AFTER_SECONDS = 1;

    private static Response retryLater(UriInfo uri, int seconds, Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).header(HttpHeaders.RETRY_AFTER, seconds)
                .entity(problem.at(uri.getPath())).build();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 64; depth++) root = root.getCause();
        return String.valueOf(root.getMessage());
    }

    private static Response challenge(UriInfo uri, String detail) {
        return Response.status(401).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"szmark\"")
                .entity(Problem.of("unauthorized", "Authentication required", 401, detail, List.of()).at(uri.getPath()))
                .build();
    }

    static Response respond(Problem problem, UriInfo uri) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem.at(uri.getPath())).build();
    }

    private static String slugFor(int status) {
        return switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> "bad-request";
        };
    }

    private static String fieldOf(ConstraintViolation<?> v) {
        // Paths look like "create.request.nameZh": drop the method and parameter segments.
        String p = v.getPropertyPath().toString();
        String[] parts = p.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** Words for the expected type, so no Java class name ever reaches a caller. */
    private static String describe(Class<?> type) {
        if (type == null) return "of another type";
        if (type == String.class) return "a string";
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) return "an integer";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (type == LocalDate.class) return "a date (YYYY-MM-DD)";
        if (Temporal.class.isAssignableFrom(type)) return "a timestamp (RFC 3339)";
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) return "an array";
        return "a JSON object";
    }
}
