package org.szmark.enterprise;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jboss.logging.Logger;
import org.szmark.account.AccountService;
import org.szmark.account.Actor;
import org.szmark.account.AuditTrail;
import org.szmark.account.Role;
import org.szmark.body.BodyStatus;
import org.szmark.body.CertificationBody;
import org.szmark.common.Conflict;
import org.szmark.common.DomainException;
import org.szmark.common.InvalidInput;
import org.szmark.common.NotFound;
import org.szmark.common.PageView;
import org.szmark.common.Persistence;
import org.szmark.config.SzmarkConfig;
import org.szmark.enterprise.EnterpriseViews.EnterpriseRequest;
import org.szmark.enterprise.EnterpriseViews.EnterpriseUpdate;
import org.szmark.enterprise.EnterpriseViews.ProductItem;
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
    @Inject Validator validator;
    @Inject SzmarkConfig config;

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
        List<String> warnings = new ArrayList<>();
        ReadCode read = readCode(r, by, warnings);
        if (enterprises.findByCreditCode(read.code()).isPresent()) {
            throw new Conflict("duplicate-enterprise", "An enterprise with credit code " + read.code() + " exists already");
        }
        Enterprise e = newEnterprise(r, read, by);
        Persistence.persistOrConflict(em, e, () -> new Conflict("duplicate-enterprise",
                "An enterprise with credit code " + read.code() + " exists already"));
        audit.record("enterprise.create", "enterprise", e.creditCode, e.nameZh);
        return new Created(e, warnings);
    }

    /**
     * What one item of a batch came to: the record it created ({@code created}) or the one already registered
     * with the same data, and what the caller should know about its input.
     */
    public record Batched<T>(T record, boolean created, List<String> warnings) {}

    /**
     * Registers many holders in one transaction (POST /api/v1/enterprises:batch, imports). Each item is checked
     * on its own, as a single registration would be, and comes to a {@link Batched} or to the
     * {@link DomainException} that refused it. A holder already registered with the same data (the members the
     * item gives; an absent optional one is not compared) is {@link Batched#created() present}, whoever registered
     * it: nothing is written. One registered with other data is refused: a batch never changes a holder (PUT does,
     * under its ownership rules). A body that may not register holders refuses the whole batch, and so does a
     * holder registered by another request at the same moment (the retry finds it present).
     */
    @Transactional
    public List<Object> createBatch(List<EnterpriseRequest> items, Actor by) {
        requireBatchSize(items.size(), "enterprises");
        if (!by.isAuthority()) {
            activeBodyOf(by);
        }
        Set<String> codes = new HashSet<>();
        for (EnterpriseRequest r : items) {
            if (r != null && r.creditCode() != null) codes.add(IdentifierText.normaliseCode(r.creditCode()));
        }
        Map<String, Enterprise> known = new HashMap<>();
        for (List<String> chunk : chunks(new ArrayList<>(codes))) {
            enterprises.findByCreditCodes(chunk).forEach(e -> known.put(e.creditCode, e));
        }
        List<Object> results = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            EnterpriseRequest r = items.get(i);
            Enterprise fresh;
            List<String> warnings = new ArrayList<>();
            try {
                if (r == null) throw InvalidInput.field("enterprises[" + i + "]", "must be an object");
                validate(r);
                ReadCode read = readCode(r, by, warnings);
                Enterprise existing = known.get(read.code());
                if (existing != null) {
                    List<String> differ = differences(existing, r);
                    if (!differ.isEmpty()) {
                        throw new Conflict("duplicate-enterprise", "Enterprise " + read.code() + " is registered with other "
                                + String.join(", ", differ) + "; a batch never changes a registered enterprise (PUT "
                                + "/api/v1/enterprises/" + read.code() + " does)");
                    }
                    results.add(new Batched<>(existing, false, List.of()));
                    continue;
                }
                fresh = newEnterprise(r, read, by);
            } catch (DomainException e) {
                results.add(e);
                continue;
            }
            // Outside the item's checks: a failed insert ends the transaction (PostgreSQL), so it ends the batch.
            persistInBatch(fresh, () -> new Conflict("duplicate-enterprise", "Enterprise " + fresh.creditCode
                    + " was registered by another request at the same time; send the batch again to find it present"));
            audit.record("enterprise.create", "enterprise", fresh.creditCode, fresh.nameZh);
            known.put(fresh.creditCode, fresh);
            results.add(new Batched<>(fresh, true, warnings));
        }
        return results;
    }

    /**
     * Registers many products, each of the holder its item names, in one transaction (POST
     * /api/v1/products:batch, imports), with the semantics of {@link #createBatch}: a product already registered
     * with the same model and data is present, whoever may change the holder; a new one needs the caller to be
     * allowed to change its holder, as a single registration does.
     */
    @Transactional
    public List<Object> addProducts(List<ProductItem> items, Actor by) {
        requireBatchSize(items.size(), "products");
        CertificationBody own = by.isAuthority() ? null : activeBodyOf(by);
        Set<String> codes = new HashSet<>();
        Set<String> models = new HashSet<>();
        for (ProductItem r : items) {
            if (r != null && r.holder() != null) codes.add(IdentifierText.normaliseCode(r.holder()));
            if (r != null && r.model() != null) models.add(r.model().trim());
        }
        Map<String, Enterprise> holders = new HashMap<>();
        for (List<String> chunk : chunks(new ArrayList<>(codes))) {
            enterprises.findByCreditCodes(chunk).forEach(e -> holders.put(e.creditCode, e));
        }
        Map<String, Product> known = new HashMap<>();
        List<Long> holderIds = holders.values().stream().map(e -> e.id).toList();
        for (List<Long> chunk : chunks(holderIds)) {
            for (List<String> modelChunk : chunks(new ArrayList<>(models))) {
                products.findByModels(chunk, modelChunk).forEach(p -> known.put(p.enterpriseId + "\n" + p.model, p));
            }
        }
        // Who certifies each holder, read once for all of them (V9 index), for the ownership rule of mayChange.
        Map<Long, Long[]> certifiers = new HashMap<>();
        if (own != null) {
            for (List<Long> chunk : chunks(holderIds)) {
                em.createQuery("select c.holderId, min(c.bodyId), max(c.bodyId) from Certificate c where c.holderId in :h"
                                + " group by c.holderId", Object[].class).setParameter("h", chunk).getResultList()
                        .forEach(row -> certifiers.put((Long) row[0], new Long[] {(Long) row[1], (Long) row[2]}));
            }
        }
        List<Object> results = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            ProductItem r = items.get(i);
            Product fresh;
            try {
                if (r == null) throw InvalidInput.field("products[" + i + "]", "must be an object");
                validate(r);
                Enterprise e = holders.get(IdentifierText.normaliseCode(r.holder()));
                if (e == null) throw new NotFound("No enterprise with credit code " + r.holder());
                String model = r.model().trim();
                Product existing = known.get(e.id + "\n" + model);
                if (existing != null) {
                    List<String> differ = differences(existing, r);
                    if (!differ.isEmpty()) {
                        throw new Conflict("duplicate-product", "Enterprise " + e.creditCode + " has a product with model " + model
                                + " with other " + String.join(", ", differ) + "; a batch never changes a registered product");
                    }
                    results.add(new Batched<>(existing, false, List.of()));
                    continue;
                }
                if (own != null) {
                    Long[] bodies = certifiers.getOrDefault(e.id, new Long[] {null, null});
                    mayChange(e, own, bodies[0], bodies[1]);
                }
                fresh = newProduct(e, r.nameZh(), r.nameEn(), model, r.trademark(), gtinOf(r.gtin()));
            } catch (DomainException e) {
                results.add(e);
                continue;
            }
            persistInBatch(fresh, () -> new Conflict("duplicate-product", "Model " + fresh.model + " was registered by another"
                    + " request at the same time; send the batch again to find it present"));
            String holderCode = IdentifierText.normaliseCode(r.holder());
            audit.record("product.create", "enterprise", holderCode, "model " + fresh.model + ": " + fresh.nameZh);
            known.put(fresh.enterpriseId + "\n" + fresh.model, fresh);
            results.add(new Batched<>(fresh, true, List.of()));
        }
        return results;
    }

    /** The credit code a registration names, read as a new one or (the authority only) a legacy one. */
    private record ReadCode(String code, boolean legacy) {}

    private ReadCode readCode(EnterpriseRequest r, Actor by, List<String> warnings) {
        boolean legacy = Boolean.TRUE.equals(r.legacyCode());
        if (legacy && !by.isAuthority()) {
            throw InvalidInput.field("legacyCode", "only the authority may import legacy credit codes");
        }
        try {
            if (legacy) {
                CreditCode c = CreditCode.parseLegacy(r.creditCode());
                if (!c.checkValid()) {
                    warnings.add("Credit code " + c.value() + " has a wrong check character; imported as a legacy code");
                    LOG.warnf("Legacy credit code %s imported by account %d", c.value(), by.accountId());
                    return new ReadCode(c.value(), true);
                }
                return new ReadCode(c.value(), false);
            }
            return new ReadCode(CreditCode.parse(r.creditCode()).value(), false);
        } catch (IdentifierException e) {
            throw InvalidInput.field("creditCode", e.getMessage());
        }
    }

    private Enterprise newEnterprise(EnterpriseRequest r, ReadCode read, Actor by) {
        Enterprise e = new Enterprise();
        e.creditCode = read.code();
        e.legacyCode = read.legacy();
        e.registeredByBodyId = by.isAuthority() ? null : by.bodyId();
        e.createdAt = now();
        describe(e, r.nameZh(), r.nameEn(), r.addressZh(), r.addressEn());
        return e;
    }

    /** The members of {@code r} that say something else than the registered holder; absent optional ones say nothing. */
    private static List<String> differences(Enterprise e, EnterpriseRequest r) {
        List<String> differ = new ArrayList<>();
        if (!r.nameZh().trim().equals(e.nameZh)) differ.add("nameZh");
        if (differsIfGiven(r.nameEn(), e.nameEn)) differ.add("nameEn");
        if (differsIfGiven(r.addressZh(), e.addressZh)) differ.add("addressZh");
        if (differsIfGiven(r.addressEn(), e.addressEn)) differ.add("addressEn");
        return differ;
    }

    private static List<String> differences(Product p, ProductItem r) {
        List<String> differ = new ArrayList<>();
        if (!r.nameZh().trim().equals(p.nameZh)) differ.add("nameZh");
        if (differsIfGiven(r.nameEn(), p.nameEn)) differ.add("nameEn");
        if (differsIfGiven(r.trademark(), p.trademark)) differ.add("trademark");
        if (differsIfGiven(r.gtin(), p.gtin)) differ.add("gtin");
        return differ;
    }

    private static boolean differsIfGiven(String given, String registered) {
        return given != null && !given.isBlank() && !given.trim().equals(registered);
    }

    private void requireBatchSize(int size, String member) {
        int max = config.enterprises().maxBatchSize();
        if (size == 0 || size > max) {
            throw InvalidInput.field(member, "must hold 1 to " + max + " " + member);
        }
    }

    private void validate(Object item) {
        InvalidInput.check(validator, item);
    }

    /**
     * Inserts at once (the keys are IDENTITY columns), without the flush a single registration makes, which in
     * a batch would check every entity of the transaction once per item.
     */
    private void persistInBatch(Object entity, java.util.function.Supplier<Conflict> conflict) {
        try {
            em.persist(entity);
        } catch (jakarta.persistence.PersistenceException e) {
            if (Persistence.isConstraintViolation(e)) throw conflict.get();
            throw e;
        }
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> out = new ArrayList<>();
        for (int from = 0; from < all.size(); from += 1000) out.add(all.subList(from, Math.min(all.size(), from + 1000)));
        return out;
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
        String gtin = gtinOf(r.gtin());
        if (products.findByModel(e.id, model).isPresent()) {
            throw new Conflict("duplicate-product", "Enterprise " + e.creditCode + " already has a product with model " + model);
        }
        Product p = newProduct(e, r.nameZh(), r.nameEn(), model, r.trademark(), gtin);
        Persistence.persistOrConflict(em, p, () -> new Conflict("duplicate-product", "This enterprise already has a product with model " + model));
        audit.record("product.create", "enterprise", e.creditCode, "model " + model + ": " + p.nameZh);
        return p;
    }

    private static String gtinOf(String raw) {
        String gtin = raw == null || raw.isBlank() ? null : raw.trim();
        if (gtin != null && !Gtin.isValid(gtin)) {
            throw InvalidInput.field("gtin", "must be a GTIN-8, -12, -13 or -14 with a correct check digit");
        }
        return gtin;
    }

    private Product newProduct(Enterprise e, String nameZh, String nameEn, String model, String trademark, String gtin) {
        Product p = new Product();
        p.enterpriseId = e.id;
        p.nameZh = nameZh.trim();
        p.nameEn = blankToNull(nameEn);
        p.model = model;
        p.trademark = blankToNull(trademark);
        p.gtin = gtin;
        p.createdAt = now();
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
        mayChange(e, own, (Long) bodies[0], (Long) bodies[1]);
    }

    /** The rule of {@link #mayChange(Enterprise, Actor)} for a certifier of {@code own}, given who certifies the holder. */
    private void mayChange(Enterprise e, CertificationBody own, Long lowest, Long highest) {
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
