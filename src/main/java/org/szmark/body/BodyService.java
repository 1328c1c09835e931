package org.szmark.body;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.szmark.account.AccountService;
import org.szmark.account.AuditTrail;
import org.szmark.account.Role;
import org.szmark.body.BodyViews.BodyRequest;
import org.szmark.body.BodyViews.BodyUpdate;
import org.szmark.body.BodyViews.Contact;
import org.szmark.common.Conflict;
import org.szmark.common.InvalidInput;
import org.szmark.common.NotFound;
import org.szmark.common.Persistence;
import org.szmark.ident.IdentifierException;
import org.szmark.ident.IdentifierText;
import org.szmark.keys.BodyKeyService;

/** Certification bodies approved by the authority. */
@ApplicationScoped
public class BodyService {

    @Inject BodyRepository repository;
    @Inject AccountService accounts;
    @Inject AuditTrail audit;
    @Inject BodyKeyService keys;
    @Inject EntityManager em;
    @Inject Clock clock;

    public List<CertificationBody> list() {
        return repository.listAll(Sort.by("code"));
    }

    public CertificationBody get(String code) {
        return repository.findByCode(IdentifierText.normaliseCode(code))
                .orElseThrow(() -> new NotFound("No certification body with code " + code));
    }

    @Transactional
    public CertificationBody create(BodyRequest r) {
        String approval = approvalNumber(r.approvalNumber());
        if (repository.findByCode(r.code()).isPresent()) {
            throw new Conflict("duplicate-body", "A body with code " + r.code() + " exists already");
        }
        if (repository.findByApprovalNumber(approval).isPresent()) {
            throw new Conflict("duplicate-body", "A body with approval number " + approval + " exists already");
        }
        CertificationBody b = new CertificationBody();
        b.code = r.code();
        b.approvalNumber = approval;
        b.status = BodyStatus.ACTIVE;
        b.createdAt = now();
        describe(b, r.nameZh(), r.nameEn(), r.contact());
        Persistence.persistOrConflict(em, b, () -> new Conflict("duplicate-body", "A body with this code or approval number exists already"));
        keys.issue(b);
        audit.record("body.create", "body", b.code, b.approvalNumber + " " + b.nameZh);
        return b;
    }

    @Transactional
    public CertificationBody update(String code, BodyUpdate r) {
        CertificationBody b = get(code);
        describe(b, r.nameZh(), r.nameEn(), r.contact());
        audit.record("body.update", "body", b.code, b.nameZh);
        return b;
    }

    /**
     * Suspension or withdrawal shows on every certificate of the body; withdrawal is final. It also limits
     * what the body's certifiers may write from their next request on, and reactivation restores it
     * ({@link CertifierWrites}).
     */
    @Transactional
    public CertificationBody changeStatus(String code, BodyStatus status, String reason) {
        CertificationBody b = get(code);
        if (b.status == BodyStatus.WITHDRAWN && status != BodyStatus.WITHDRAWN) {
            throw new Conflict("body-withdrawn", "Body " + b.code + " was withdrawn; withdrawal is final");
        }
        if (b.status == status) {
            throw new Conflict("no-status-change", "Body " + b.code + " is already " + status);
        }
        audit.record("body.status", "body", b.code, b.status + " -> " + status + ": " + reason.trim());
        b.status = status;
        b.statusReason = reason.trim();
        b.statusChangedAt = now();
        return b;
    }

    @Transactional
    public AccountService.IssuedToken createCertifier(String code, String name, String label) {
        CertificationBody b = get(code);
        if (b.status == BodyStatus.WITHDRAWN) {
            throw new Conflict("body-withdrawn", "Body " + b.code + " was withdrawn and gets no new accounts");
        }
        return accounts.createAccount(Role.CERTIFIER, name, b.id, null, label);
    }

    private static String approvalNumber(String raw) {
        try {
            return ApprovalNumber.parse(raw).toString();
        } catch (IdentifierException e) {
            throw InvalidInput.field("approvalNumber", e.getMessage());
        }
    }

    private static void describe(CertificationBody b, String nameZh, String nameEn, Contact c) {
        b.nameZh = nameZh.trim();
        b.nameEn = nameEn == null || nameEn.isBlank() ? null : nameEn.trim();
        b.contactEmail = c == null ? null : c.email();
        b.contactPhone = c == null ? null : c.phone();
        b.website = c == null ? null : c.website();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
