package org.szmark.standard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.szmark.account.AuditTrail;
import org.szmark.common.Conflict;
import org.szmark.common.DomainException.FieldError;
import org.szmark.common.InvalidInput;
import org.szmark.common.NotFound;
import org.szmark.common.PageView;
import org.szmark.common.Persistence;
import org.szmark.ident.IdentifierException;
import org.szmark.standard.StandardViews.StandardRequest;
import org.szmark.standard.StandardViews.StatusChange;

/** The catalogue of standards a certificate may be based on. */
@ApplicationScoped
public class StandardService {

    @Inject StandardRepository repository;
    @Inject EntityManager em;
    @Inject Clock clock;
    @Inject AuditTrail audit;

    /** Parses and normalises a number from outside, or says precisely why it is not one. */
    public static String normalise(String field, String raw) {
        try {
            return StandardNumber.parse(raw).toString();
        } catch (IdentifierException e) {
            throw InvalidInput.field(field, e.getMessage());
        }
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Standard get(String rawNumber) {
        String number = normaliseForLookup(rawNumber);
        return repository.findByNumber(number).orElseThrow(() -> new NotFound("No standard " + number + " in the catalogue"));
    }

    public PageView<Standard> search(String text, String kind, StandardStatus status, Boolean eligible, int page, int size) {
        var q = repository.search(blankToNull(text), blankToNull(kind), status, eligible, today()).page(page, size);
        return new PageView<>(q.list(), page, size, q.count());
    }

    @Transactional
    public Standard create(StandardRequest r) {
        String number = normalise("number", r.number());
        if (repository.findByNumber(number).isPresent()) {
            throw new Conflict("duplicate-standard", "Standard " + number + " is already in the catalogue");
        }
        Standard s = new Standard();
        s.number = number;
        s.createdAt = now();
        apply(s, r);
        Persistence.persistOrConflict(em, s, () -> new Conflict("duplicate-standard", "Standard " + number + " is already in the catalogue"));
        audit.record("standard.create", "standard", s.number, s.status + ": " + s.titleZh);
        return s;
    }

    @Transactional
    public Standard update(String rawNumber, StandardRequest r) {
        Standard s = get(rawNumber);
        String number = normalise("number", r.number());
        if (!number.equals(s.number)) {
            throw InvalidInput.field("number", "must be the number in the address (" + s.number + "); numbers never change");
        }
        apply(s, r);
        audit.record("standard.update", "standard", s.number, s.status + ": " + s.titleZh);
        return s;
    }

    private void apply(Standard s, StandardRequest r) {
        List<FieldError> errors = new ArrayList<>();
        s.kind = StandardNumber.parse(s.number).kind().name();
        s.titleZh = r.titleZh().trim();
        s.titleEn = trimToNull(r.titleEn());
        s.issuingOrganisation = r.issuingOrganisation().trim();
        s.publishedOn = r.publishedOn();
        s.implementedOn = r.implementedOn();
        if (r.publishedOn() != null && r.implementedOn() != null && r.implementedOn().isBefore(r.publishedOn())) {
            errors.add(new FieldError("implementedOn", "must not be before publishedOn"));
        }
        StatusChange st = r.status() == null ? new StatusChange(StandardStatus.CURRENT, null, null, null) : r.status();
        s.status = st.status();
        s.replacedBy = null;
        s.abolishedOn = null;
        s.abolitionNotice = null;
        switch (st.status()) {
            case CURRENT -> {
                if (st.replacedBy() != null || st.abolishedOn() != null || st.notice() != null) {
                    errors.add(new FieldError("status", "a CURRENT standard has no replacedBy, abolishedOn or notice"));
                }
            }
            case ABOLISHED -> {
                if (st.abolishedOn() == null) errors.add(new FieldError("status.abolishedOn", "is required when ABOLISHED"));
                if (st.notice() == null || st.notice().isBlank()) errors.add(new FieldError("status.notice", "is required when ABOLISHED"));
                s.abolishedOn = st.abolishedOn();
                s.abolitionNotice = trimToNull(st.notice());
            }
            case REPLACED -> {
                if (st.replacedBy() == null || st.replacedBy().isBlank()) {
                    errors.add(new FieldError("status.replacedBy", "is required when REPLACED"));
                } else {
                    try {
                        s.replacedBy = StandardNumber.parse(st.replacedBy()).toString();
                        if (s.replacedBy.equals(s.number)) errors.add(new FieldError("status.replacedBy", "cannot be the standard itself"));
                    } catch (IdentifierException e) {
                        errors.add(new FieldError("status.replacedBy", e.getMessage()));
                    }
                }
                s.abolishedOn = st.abolishedOn();
                s.abolitionNotice = trimToNull(st.notice());
            }
        }
        s.declaredOn = r.selfDeclaration() == null ? null : r.selfDeclaration().declaredOn();
        s.declarationUrl = r.selfDeclaration() == null ? null : r.selfDeclaration().disclosedAt().trim();
        s.evaluationItem = r.evaluation() == null ? null : r.evaluation().catalogueItem().trim();
        s.evaluationPassedOn = r.evaluation() == null ? null : r.evaluation().passedOn();
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).get(), errors);
        }
        s.updatedAt = now();
    }

    /** Lookups accept any spelling that normalises; unparseable text simply finds nothing. */
    private static String normaliseForLookup(String raw) {
        try {
            return StandardNumber.parse(raw).toString();
        } catch (IdentifierException e) {
            throw new NotFound("No standard " + raw + " in the catalogue (" + e.getMessage() + ")");
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static String trimToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
