package org.szmark.report;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Set;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.szmark.common.InvalidInput;
import org.szmark.config.SzmarkConfig;
import org.szmark.report.ReportViews.Submission;
import org.szmark.text.TextRule;

/** Form uploads of reports (the API's and the page's): their fields checked like the JSON, the photo read once. */
@Singleton
public class ReportUploads {

    @Inject Validator validator;
    @Inject SzmarkConfig config;

    /** Form fields are not read by the JSON reader, so the text rule is applied here, as it is to JSON. */
    Submission submission(String token, String number, String whereBought, String note, String contact) {
        text("token", token, TextRule.Kind.ONE_LINE);
        text("certificateNumber", number, TextRule.Kind.ONE_LINE);
        text("whereBought", whereBought, TextRule.Kind.ONE_LINE);
        text("note", note, TextRule.Kind.FREE_TEXT);
        text("contact", contact, TextRule.Kind.ONE_LINE);
        Submission s = new Submission(token, number, whereBought, note, contact);
        Set<ConstraintViolation<Submission>> bad = validator.validate(s);
        if (!bad.isEmpty()) {
            ConstraintViolation<Submission> v = bad.iterator().next();
            throw InvalidInput.field(v.getPropertyPath().toString(), v.getMessage());
        }
        return s;
    }

    private static void text(String field, String value, TextRule.Kind kind) {
        if (value == null) return;
        TextRule.check(value, kind).ifPresent(r -> {
            throw InvalidInput.field(field, r.message());
        });
    }

    /** The photo's bytes, or null when none was sent; a photo over the limit is refused before it is read. */
    byte[] bytes(FileUpload photo) {
        if (photo == null || photo.uploadedFile() == null || photo.size() == 0) return null;
        long max = config.reports().maxPhotoSize().asLongValue();
        if (photo.size() > max) throw InvalidInput.field("photo", "must be at most " + max + " bytes");
        try {
            return Files.readAllBytes(photo.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The client's address as the HTTP layer sees it (behind a proxy: as forwarded, when that is configured). */
    static String client(HttpServerRequest request) {
        return request == null || request.remoteAddress() == null ? "" : request.remoteAddress().hostAddress();
    }

}
