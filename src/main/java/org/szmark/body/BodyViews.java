package org.szmark.body;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.OffsetDateTime;
import org.szmark.text.FreeText;

/** JSON shapes of the certification bodies API. */
public final class BodyViews {
    private BodyViews() {}

    public record Contact(@Email @Size(max = 254) String email,
                          @Size(max = 40) @Pattern(regexp = "[0-9+()\\- ]*", message = "must be a phone number") String phone,
                          @Size(max = 300) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String website) {}

    public record BodyRequest(
            @NotBlank @Pattern(regexp = "[A-Z0-9]{2,8}", message = "must be 2 to 8 upper-case letters or digits") String code,
            @NotBlank @Size(max = 200) String nameZh,
            @Size(max = 200) String nameEn,
            @NotBlank @Size(max = 32) String approvalNumber,
            @Valid Contact contact) {}

    public record BodyUpdate(@NotBlank @Size(max = 200) String nameZh, @Size(max = 200) String nameEn, @Valid Contact contact) {}

    @Schema(name = "BodyStatusRequest")
    public record StatusRequest(@NotNull BodyStatus status, @NotBlank @Size(max = 500) @FreeText String reason) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BodyView(String code, String nameZh, String nameEn, String approvalNumber, BodyStatus status,
                           String statusReason, OffsetDateTime statusChangedAt, Contact contact, OffsetDateTime createdAt) {
        public static BodyView of(CertificationBody b) {
            Contact c = b.contactEmail == null && b.contactPhone == null && b.website == null ? null
                    : new Contact(b.contactEmail, b.contactPhone, b.website);
            return new BodyView(b.code, b.nameZh, b.nameEn, b.approvalNumber, b.status, b.statusReason,
                    b.statusChangedAt, c, b.createdAt);
        }
    }
}
