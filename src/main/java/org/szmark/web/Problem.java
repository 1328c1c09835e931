package org.szmark.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.szmark.common.DomainException.FieldError;
import org.szmark.text.FreeText;

/**
 * RFC 9457 problem details, the one error shape of the API. Read back from stored batch outcomes
 * (Idempotency), where its detail is the registry's own prose, hence {@link FreeText}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, @FreeText String detail, String instance,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** Problem types are URNs so they stay stable wherever the registry is deployed. */
    public static String typeUri(String slug) {
        return "urn:szmark:problem:" + slug;
    }

    public static Problem of(String slug, String title, int status, String detail, List<FieldError> errors) {
        return new Problem(typeUri(slug), title, status, detail, null, errors);
    }

    public Problem at(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }
}
