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
import org.jboss.logging.Logger;
import org.szmark.account.AccountService;
import org.szmark.account.Actor;
import org.szmark.account.AuditTrail;
import org.szmark.account.Role;
import org.szmark.body.CertifierWrites;
import org.szmark.common.Conflict;
import org.szmark.common.InvalidInput;
import org.szmark.common.NotFound;
import org.szmark.common.PageView;
import org.szmark.common.Persistence;
import org.szmark.enterprise.EnterpriseViews.EnterpriseRequest;
import org.szmark.enterprise.EnterpriseViews.EnterpriseUpdate;
import org.szmark.enterprise.EnterpriseViews.ProductRequest;
import org.szmark.ident.IdentifierException;

/** Certificate holders and their products. */
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
        String code = rawCode == null ? "" : rawCode.trim().toUpperCase();
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
        CertifierWrites.registerHolders(by);
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
        e.createdAt = now();
        describe(e, r.nameZh(), r.nameEn(), r.addressZh(), r.addressEn());
        Persistence.persistOrConflict(em, e, () -> new Conflict("duplicate-enterprise",
                "An enterprise with credit code " + finalCode + " exists already"));
        audit.record("enterprise.create", "enterprise", e.creditCode, e.nameZh);
        return new Created(e, warnings);
    }

    @Transactional
    public Enterprise update(String code, EnterpriseUpdate r, Actor by) {
        CertifierWrites.registerHolders(by);
        Enterprise e = get(code);
        describe(e, r.nameZh(), r.nameEn(), r.addressZh(), r.addressEn());
        audit.record("enterprise.update", "enterprise", e.creditCode, e.nameZh);
        return e;
    }

    @Transactional
    public Product addProduct(String code, ProductRequest r, Actor by) {
        CertifierWrites.registerHolders(by);
        Enterprise e = get(code);
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
