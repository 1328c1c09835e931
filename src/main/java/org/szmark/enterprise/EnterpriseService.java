package org.szmark.enterprise;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jboss.logging.Logger;
import org.szmark.account.AccountService;
import org.szmark.account.Actor;
import org.szmark.account.AuditTrail;
import org.szmark.account.Role;
import org.szmark.body.BodyStatus;
import org.szmark.body.CertificationBody;
import org.szmark.common.Conflict;
import org.szmark.common.InvalidInput;
import org.szmark.common.NotFound;
import org.szmark.common.PageView;
import org.szmark.common.Persistence;
import org.szmark.enterprise.EnterpriseViews.EnterpriseRequest;
import org.szmark.enterprise.EnterpriseViews.EnterpriseUpdate;
import org.szmark.enterprise.EnterpriseViews.ProductRequest;
import org.szmark.ident.IdentifierException;
import org.szmark.ident.IdentifierText;

/**
 * Certificate holders and their products, and who may change them (docs/trust-model.md, "Who may change
 * an enterprise"): the authority always; a certifier while its body is ACTIVE and the holder is its body's
 * alone ({@link #mayChange}); the holder's own enterprise account its contact data only.
 */
@ApplicationScoped
public class EnterpriseService {

    private static final Logger LOG = Logger.getLogger(EnterpriseService.class);

    @Inject EnterpriseRepository enterprises;
    @Inject ProductRepository products;
    @Inject AccountService accounts;
    @Inject AuditTrail audit;
    @Inject EntityManager em;
    @Inject Clock clock;

    /** A created enterprise and what the caller should know about its input. */
    public record Created(Enterprise enterprise, List<String> warnings) {}

    public Enterprise get(String rawCode) {
        String code = IdentifierText.normaliseCode(rawCode);
        return enterprises.findByCreditCode(code).orElseThrow(() -> new NotFound("No enterprise with credit code " + rawCode));
    }

    public PageView<Enterprise> search(String text, int page, int size) {
        var q = enterprises.search(text == null || text.isBlank() ? null : text.trim()).page(page, size);
        return new PageView<>(q.list(), page, size, q.count());
    }

    public List<Product> productsOf(Enterprise e) {
        return products.ofEnterprise(e.id);
    }

    @Transactional
    public Created create(EnterpriseRequest r, Actor by) {
        if (!by.isAuthority()) {
            activeBodyOf(by);
        }
        boolean legacy = Boolean.TRUE.equals(r.legacyCode());
        if (legacy && !by.isAuthority()) {
            throw InvalidInput.field("legacyCode", "only the authority may import legacy credit codes");
        }
        List<String> warnings = new ArrayList<>();
        String code;
        boolean legacyCode = false;
        try {
            if (legacy) {
                CreditCode c = CreditCode.parseLegacy(r.creditCode());
                code = c.value();
                if (!c.checkValid()) {
                    legacyCode = true;
                    warnings.add("Credit code " + code + " has a wrong check character; imported as a legacy code");
                    LOG.warnf("Legacy credit code %s imported by account %d", code, by.accountId());
                }
            } else {
                code = CreditCode.parse(r.creditCode()).value();
            }
        } catch (IdentifierException e) {
            throw InvalidInput.field("creditCode", e.getMessage());
        }
        final String finalCode = code;
        if (enterprises.findByCreditCode(code).isPresent()) {
            throw new Conflict("duplicate-enterprise", "An enterprise with credit code " + code + " exists already");
        }
        Enterprise e = new Enterprise();
        e.creditCode = code;
        e.legacyCode = legacyCode;
        e.registeredByBodyId = by.isAuthority() ? null : by.bodyId();
        e.createdAt = now();
        describe(e, r.nameZh(), r.nameEn(), r.addressZh(), r.addressEn());
        Persistence.persistOrConflict(em, e, () -> new Conflict("duplicate-enterprise",
                "An enterprise with credit code " + finalCode + " exists already"));
        audit.record("enterprise.create", "enterprise", e.creditCode, e.nameZh);
        return new Created(e, warnings);
    }

    /**
     * Replaces the names and addresses, and the contact data if the request has any. The credit code never
     * changes: a different code is a different enterprise.
     */
    @Transactional
    public Enterprise update(String code, EnterpriseUpdate r, Actor by) {
        Enterprise e = get(code);
        if (by.role() == Role.ENTERPRISE) {
            if (!by.isEnterprise(e.id)) {
                throw new ChangeRefused("not-your-enterprise", "An enterprise account may change only its own enterprise");
            }
            if (!r.nameZh().trim().equals(e.nameZh) || !Objects.equals(blankToNull(r.nameEn()), e.nameEn)
                    || !Objects.equals(blankToNull(r.addressZh()), e.addressZh)
                    || !Objects.equals(blankToNull(r.addressEn()), e.addressEn)) {
                throw contactOnly(e);
            }
        } else {
            mayChange(e, by);
        }
        describe(e, r.nameZh(), r.nameEn(), r.addressZh(), r.addressEn());
        if (r.contact() != null) {
            e.website = blankToNull(r.contact().website());
            e.contactEmail = blankToNull(r.contact().email());
            e.contactPhone = blankToNull(r.contact().phone());
        }
        // A concurrent change shows here as an OptimisticLockException (a 409), not at commit as a 500.
        em.flush();
        audit.record("enterprise.update", "enterprise", e.creditCode, e.nameZh);
        return e;
    }

    @Transactional
    public Product addProduct(String code, ProductRequest r, Actor by) {
        Enterprise e = get(code);
        mayChange(e, by);
        String model = r.model().trim();
        String gtin = r.gtin() == null || r.gtin().isBlank() ? null : r.gtin().trim();
        if (gtin != null && !Gtin.isValid(gtin)) {
            throw InvalidInput.field("gtin", "must be a GTIN-8, -12, -13 or -14 with a correct check digit");
        }
        if (products.findByModel(e.id, model).isPresent()) {
            throw new Conflict("duplicate-product", "Enterprise " + e.creditCode + " already has a product with model " + model);
        }
        Product p = new Product();
        p.enterpriseId = e.id;
        p.nameZh = r.nameZh().trim();
        p.nameEn = blankToNull(r.nameEn());
        p.model = model;
        p.trademark = blankToNull(r.trademark());
        p.gtin = gtin;
        p.createdAt = now();
        Persistence.persistOrConflict(em, p, () -> new Conflict("duplicate-product", "This enterprise already has a product with model " + model));
        audit.record("product.create", "enterprise", e.creditCode, "model " + model + ": " + p.nameZh);
        return p;
    }

    @Transactional
    public AccountService.IssuedToken createAccount(String code, String name, String label) {
        Enterprise e = get(code);
        return accounts.createAccount(Role.ENTERPRISE, name, null, e.id, label);
    }

    /**
     * Refuses a change to a holder's names, address, contact data or products unless the caller is the
     * authority, or a certifier whose body is ACTIVE, when no other body has a certificate for the holder in
     * any status (expired, revoked and renewed ones count: they are still on record with the holder's
     * name), and either its own body has one, or the holder has none and was registered by its body or by
     * the authority. A holder registered by a body and not yet certified stays that body's until some
     * body certifies it; the authority settles anything else. These rules protect what pages show about
     * other bodies' certificates; what a certificate says is its signed record and never changes.
     */
    private void mayChange(Enterprise e, Actor by) {
        if (by.isAuthority()) return;
        if (by.role() != Role.CERTIFIER) throw contactOnly(e);
        CertificationBody own = activeBodyOf(by);
        // One index range read (V9): the lowest and highest body id among the holder's certificates.
        Object[] bodies = em.createQuery("select min(c.bodyId), max(c.bodyId) from Certificate c where c.holderId = :h",
                Object[].class).setParameter("h", e.id).getSingleResult();
        Long lowest = (Long) bodies[0];
        Long highest = (Long) bodies[1];
        if (lowest != null) {
            if (lowest.equals(own.id) && highest.equals(own.id)) return;
            CertificationBody other = em.find(CertificationBody.class, lowest.equals(own.id) ? highest : lowest);
            throw new ChangeRefused("certified-by-another-body", "Enterprise " + e.creditCode
                    + " is certified by another body (" + other.code + "); only the authority may change it or its products");
        }
        if (e.registeredByBodyId != null && !e.registeredByBodyId.equals(own.id)) {
            CertificationBody registrar = em.find(CertificationBody.class, e.registeredByBodyId);
            throw new ChangeRefused("registered-by-another-body", "Enterprise " + e.creditCode
                    + " was registered by another body (" + registrar.code + ") and has no certificate yet; only that body"
                    + " or the authority may change it or its products");
        }
    }

    /** The caller's body, which must be ACTIVE for its certifiers to write shared records. */
    private CertificationBody activeBodyOf(Actor by) {
        CertificationBody own = by.bodyId() == null ? null : em.find(CertificationBody.class, by.bodyId());
        if (own == null) {
            throw new ChangeRefused("not-a-certifier", "Only the authority and certifiers may register or change enterprises");
        }
        if (own.status != BodyStatus.ACTIVE) {
            throw new ChangeRefused("certifier-body-not-active", "Body " + own.code + " is " + own.status
                    + ": its certifiers may not register or change enterprises or products");
        }
        return own;
    }

    private static ChangeRefused contactOnly(Enterprise e) {
        return new ChangeRefused("enterprise-contact-only", "An enterprise account may change only the contact data of"
                + " enterprise " + e.creditCode + "; its names, address and products are changed by its certification body"
                + " or the authority, and its credit code never");
    }

    private static void describe(Enterprise e, String nameZh, String nameEn, String addressZh, String addressEn) {
        e.nameZh = nameZh.trim();
        e.nameEn = blankToNull(nameEn);
        e.addressZh = blankToNull(addressZh);
        e.addressEn = blankToNull(addressEn);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
