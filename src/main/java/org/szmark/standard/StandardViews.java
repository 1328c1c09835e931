package org.szmark.standard;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.LocalDate;
import org.szmark.text.FreeText;

/** JSON shapes of the standards catalogue API. */
public final class StandardViews {
    private StandardViews() {}

    /** Self-declaration and disclosure (自我声明公开): when and where the standard was published. */
    public record SelfDeclaration(@NotNull LocalDate declaredOn,
                                  @NotBlank @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String disclosedAt) {}

    /** Advancedness evaluation (先进性评价) against a catalogue item. */
    public record Evaluation(@NotBlank @Size(max = 300) String catalogueItem, LocalDate passedOn) {}

    /** Status as published: CURRENT, or ABOLISHED by a notice, or REPLACED by another standard. */
    @Schema(name = "StandardStatusChange")
    public record StatusChange(@NotNull StandardStatus status, @Size(max = 64) String replacedBy,
                               LocalDate abolishedOn, @Size(max = 500) @FreeText String notice) {}

    /** Body of create (POST) and full update (PUT). */
    public record StandardRequest(
            @NotBlank @Size(max = 64) String number,
            @NotBlank @Size(max = 300) String titleZh,
            @Size(max = 300) String titleEn,
            @NotBlank @Size(max = 300) String issuingOrganisation,
            LocalDate publishedOn,
            LocalDate implementedOn,
            @Valid StatusChange status,
            @Valid SelfDeclaration selfDeclaration,
            @Valid Evaluation evaluation) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StandardView(String number, String kind, String titleZh, String titleEn, String issuingOrganisation,
                               LocalDate publishedOn, LocalDate implementedOn, StandardStatus status,
                               String replacedBy, LocalDate abolishedOn, String abolitionNotice,
                               SelfDeclaration selfDeclaration, Evaluation evaluation, boolean eligible) {
        public static StandardView of(Standard s, LocalDate today) {
            return new StandardView(s.number, s.kind, s.titleZh, s.titleEn, s.issuingOrganisation, s.publishedOn,
                    s.implementedOn, s.status, s.replacedBy, s.abolishedOn, s.abolitionNotice,
                    s.declaredOn == null ? null : new SelfDeclaration(s.declaredOn, s.declarationUrl),
                    s.evaluationItem == null ? null : new Evaluation(s.evaluationItem, s.evaluationPassedOn),
                    s.eligibleOn(today));
        }
    }
}
