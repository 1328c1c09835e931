package org.szmark.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.szmark.certificate.CertificateStatus;
import org.szmark.certificate.CertificateViews.CertificateView;
import org.szmark.certificate.CertificateViews.IssueRequest;
import org.szmark.certificate.CertificateViews.StatusRequest;
import org.szmark.certificate.ReasonCode;
import org.szmark.certificate.StatusChange;
import org.szmark.common.DomainException;
import org.szmark.common.InvalidInput;
import org.szmark.enterprise.EnterpriseViews.EnterpriseRequest;
import org.szmark.enterprise.EnterpriseViews.ProductRequest;
import org.szmark.surveillance.AuditResult;
import org.szmark.surveillance.SurveillanceViews.AuditRequest;
import org.szmark.text.TextRule;

/**
 * The console's forms: what they hold, and how their fields become the API's requests. Form fields are not
 * read by the JSON reader, so the text rule and the requests' constraints are applied here, with the same
 * messages as the API gives.
 */
@ApplicationScoped
public class ConsoleForms {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject Validator validator;

    /** A fresh key for one rendering of a form: submitting that form twice is one change. */
    static String newKey() {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        return "console-" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** The issue form as shown and as sent back. */
    public record IssueForm(String formKey, String number, String holder, String productModel, String standard, String scope,
                            String certificationMode, String siteName, String siteAddress, String issueDate,
                            String expiryDate, String predecessor, boolean newHolder, String holderNameZh,
                            String holderNameEn, String holderAddressZh, boolean newProduct, String productNameZh,
                            String productNameEn, String productTrademark, String productGtin) {

        static IssueForm blank(LocalDate today) {
            return new IssueForm(null, null, null, null, null, null, null, null, null, today.toString(), null, null, false,
                    null, null, null, false, null, null, null, null);
        }

        /** A renewal: everything from the predecessor, to be changed where it changed; new dates. */
        static IssueForm renewing(CertificateView p, LocalDate today) {
            return new IssueForm(null, null, p.holder().creditCode(), p.product().model(), p.standard().number(), p.scope(),
                    p.certificationMode(), p.productionSite().name(), p.productionSite().address(), today.toString(), null,
                    p.number(), false, null, null, null, false, null, null, null, null);
        }

        /** The same form with a key, fresh unless it already has one (a refused form keeps its key). */
        IssueForm withKey() {
            if (formKey != null && !formKey.isBlank()) return this;
            return new IssueForm(newKey(), number, holder, productModel, standard, scope, certificationMode, siteName,
                    siteAddress, issueDate, expiryDate, predecessor, newHolder, holderNameZh, holderNameEn, holderAddressZh,
                    newProduct, productNameZh, productNameEn, productTrademark, productGtin);
        }

        public boolean renewal() {
            return predecessor != null && !predecessor.isBlank();
        }
    }

    /** What an issuance form becomes: the holder and product to register first, if new, and the issuance. */
    public record IssueParts(EnterpriseRequest holder, ProductRequest product, IssueRequest issue) {}

    /** A status change form: the reason, a suspension's last day, and the certificate's history length when shown. */
    public record StatusForm(String reasonCode, String reasonText, String suspendedUntil, String expectedSeq, String confirm,
                             String formKey) {
        static StatusForm blank(CertificateView c, String key) {
            return new StatusForm(null, null, null, String.valueOf(c.history().size()), null, key);
        }
    }

    /** A refusal as the page shows it. */
    public record Refusal(int status, String type, String title, String detail, List<DomainException.FieldError> fields) {}

    static Refusal problem(DomainException e) {
        return new Refusal(e.status(), e.type(), e.title(), e.getMessage(), e.fieldErrors());
    }

    /** A change a certificate can take, with the path word of its form. */
    public record ActionLink(String path, StatusChange change) {}

    /** The changes a certificate in this status can take, as links to their forms. */
    static List<ActionLink> actionsFor(CertificateStatus status) {
        List<StatusChange> changes = switch (status) {
            case VALID -> List.of(StatusChange.SUSPENDED, StatusChange.REVOKED, StatusChange.CANCELLED);
            case SUSPENDED -> List.of(StatusChange.REINSTATED, StatusChange.REVOKED, StatusChange.CANCELLED);
            default -> List.of();
        };
        return changes.stream().map(c -> new ActionLink(action(c), c)).toList();
    }

    static StatusChange change(String action) {
        return switch (action) {
            case "suspend" -> StatusChange.SUSPENDED;
            case "reinstate" -> StatusChange.REINSTATED;
            case "revoke" -> StatusChange.REVOKED;
            case "cancel" -> StatusChange.CANCELLED;
            default -> throw InvalidInput.field("action", "must be suspend, reinstate, revoke or cancel");
        };
    }

    static String action(StatusChange change) {
        return switch (change) {
            case SUSPENDED -> "suspend";
            case REINSTATED -> "reinstate";
            case REVOKED -> "revoke";
            case CANCELLED -> "cancel";
            default -> throw new IllegalArgumentException(change.name());
        };
    }

    static List<ReasonCode> reasonsFor(StatusChange change) {
        List<ReasonCode> out = new ArrayList<>();
        for (ReasonCode r : ReasonCode.values()) if (r.allowedFor.contains(change)) out.add(r);
        return out;
    }

    /** The form's own checks, before any service: a consequence confirmed, a reason chosen that fits. */
    List<String> check(StatusForm f, StatusChange change) {
        List<String> errors = new ArrayList<>();
        if (!"yes".equals(f.confirm())) errors.add("confirm");
        if (f.reasonCode() == null || f.reasonCode().isBlank()) {
            errors.add("reasonCode");
        } else {
            try {
                if (!ReasonCode.valueOf(f.reasonCode()).allowedFor.contains(change)) errors.add("reasonCode");
            } catch (IllegalArgumentException e) {
                errors.add("reasonCode");
            }
        }
        if (change == StatusChange.SUSPENDED && date(f.suspendedUntil()) == null) errors.add("suspendedUntil");
        if (f.expectedSeq() == null || !f.expectedSeq().matches("[0-9]{1,9}")) errors.add("expectedSeq");
        if (f.formKey() == null || f.formKey().isBlank()) errors.add("formKey");
        if (f.reasonText() != null && (!TextRule.accepts(f.reasonText(), TextRule.Kind.FREE_TEXT) || f.reasonText().length() > 1000)) {
            errors.add("reasonText");
        }
        return errors;
    }

    StatusRequest request(StatusForm f, StatusChange change) {
        String text = f.reasonText() == null || f.reasonText().isBlank() ? null : f.reasonText().strip();
        LocalDate until = change == StatusChange.SUSPENDED ? date(f.suspendedUntil()) : null;
        return new StatusRequest(ReasonCode.valueOf(f.reasonCode()), text, until, null);
    }

    AuditRequest audit(String auditedOn, String result, String notes) {
        text("notes", notes, true);
        LocalDate day = date(auditedOn);
        if (day == null) throw InvalidInput.field("auditedOn", "must be a date (YYYY-MM-DD)");
        AuditResult r;
        try {
            r = AuditResult.valueOf(result == null ? "" : result);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.field("result", "must be PASSED, PASSED_WITH_FINDINGS or FAILED");
        }
        return valid(new AuditRequest(day, r, notes == null || notes.isBlank() ? null : notes.strip()), "");
    }

    /** The parts of an issuance form, each checked as the API checks its request. */
    IssueParts parts(IssueForm f) {
        text("number", f.number(), false);
        text("holder", f.holder(), false);
        text("productModel", f.productModel(), false);
        text("standard", f.standard(), false);
        text("scope", f.scope(), true);
        text("certificationMode", f.certificationMode(), false);
        text("siteName", f.siteName(), false);
        text("siteAddress", f.siteAddress(), false);
        text("predecessor", f.predecessor(), false);
        text("holderNameZh", f.holderNameZh(), false);
        text("holderNameEn", f.holderNameEn(), false);
        text("holderAddressZh", f.holderAddressZh(), false);
        text("productNameZh", f.productNameZh(), false);
        text("productNameEn", f.productNameEn(), false);
        text("productTrademark", f.productTrademark(), false);
        text("productGtin", f.productGtin(), false);
        if (f.formKey() == null || f.formKey().isBlank()) throw InvalidInput.field("formKey", "is missing: reload the form");
        LocalDate issue = optionalDate("issueDate", f.issueDate());
        LocalDate expiry = optionalDate("expiryDate", f.expiryDate());
        EnterpriseRequest holder = f.newHolder() ? valid(ConsoleService.holderRequest(f), "holder") : null;
        ProductRequest product = f.newProduct() ? valid(ConsoleService.productRequest(f), "product") : null;
        IssueRequest issueRequest = valid(ConsoleService.issueRequest(f, issue, expiry), "");
        return new IssueParts(holder, product, issueRequest);
    }

    private <T> T valid(T request, String prefix) {
        Set<ConstraintViolation<T>> bad = validator.validate(request);
        if (!bad.isEmpty()) {
            ConstraintViolation<T> v = bad.iterator().next();
            String path = v.getPropertyPath().toString();
            throw InvalidInput.field(prefix.isEmpty() ? path : prefix + "." + path, v.getMessage());
        }
        return request;
    }

    void text(String field, String value, boolean free) {
        if (value == null) return;
        TextRule.check(value, free ? TextRule.Kind.FREE_TEXT : TextRule.Kind.ONE_LINE).ifPresent(r -> {
            throw InvalidInput.field(field, r.message());
        });
    }

    private static LocalDate optionalDate(String field, String value) {
        if (value == null || value.isBlank()) return null;
        LocalDate d = date(value);
        if (d == null) throw InvalidInput.field(field, "must be a date (YYYY-MM-DD)");
        return d;
    }

    static LocalDate date(String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
