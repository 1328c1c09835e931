package org.szmark.certificate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.szmark.certificate.CertificateViews.IssueRequest;
import org.szmark.enterprise.Enterprise;
import org.szmark.enterprise.EnterpriseRepository;
import org.szmark.enterprise.Product;
import org.szmark.enterprise.ProductRepository;
import org.szmark.ident.IdentifierException;
import org.szmark.ident.IdentifierText;
import org.szmark.standard.Standard;
import org.szmark.standard.StandardNumber;
import org.szmark.standard.StandardRepository;

/**
 * The rows an issuance looks up by what its request names: the holder, the product, the standard, and
 * whether a chosen certificate number is taken. A single issuance asks as it goes; a batch asks once per
 * kind for all of its items ({@link #prefetch}) and then answers from memory, which saves four round trips
 * per certificate. Within the batch's transaction a prefetched answer is as good as one asked later: the
 * batch only reads these rows, and numbers are settled by the body lock and the unique index.
 */
final class IssueLookups {
    private final EnterpriseRepository enterprises;
    private final ProductRepository products;
    private final StandardRepository standards;
    private final CertificateRepository certificates;

    private final Map<String, Optional<Enterprise>> holderByCode = new HashMap<>();
    private final Map<String, Optional<Product>> productByModel = new HashMap<>();
    private final Map<String, Optional<Standard>> standardByNumber = new HashMap<>();
    private final Map<String, Boolean> numberTaken = new HashMap<>();

    IssueLookups(EnterpriseRepository enterprises, ProductRepository products, StandardRepository standards,
                 CertificateRepository certificates) {
        this.enterprises = enterprises;
        this.products = products;
        this.standards = standards;
        this.certificates = certificates;
    }

    /** Reads, with one query per kind, every row the items name; what is not found is remembered as absent. */
    IssueLookups prefetch(List<IssueRequest> items) {
        Set<String> codes = new HashSet<>();
        Set<String> models = new HashSet<>();
        Map<String, Set<String>> modelsByCode = new HashMap<>();
        Set<String> standardNumbers = new HashSet<>();
        Set<String> numbers = new HashSet<>();
        for (IssueRequest r : items) {
            if (r == null) continue;
            if (r.holder() != null) codes.add(creditCode(r.holder()));
            if (r.holder() != null && r.productModel() != null) {
                models.add(model(r.productModel()));
                modelsByCode.computeIfAbsent(creditCode(r.holder()), c -> new HashSet<>()).add(model(r.productModel()));
            }
            if (r.standard() != null) {
                try {
                    standardNumbers.add(StandardNumber.parse(r.standard()).toString());
                } catch (IdentifierException e) {
                    // Reported by the item itself.
                }
            }
            if (r.number() != null && !r.number().isBlank()) numbers.add(CertificateService.normaliseNumber(r.number()));
        }
        codes.forEach(c -> holderByCode.put(c, Optional.empty()));
        List<Long> holderIds = new ArrayList<>();
        for (Enterprise e : enterprises.findByCreditCodes(codes)) {
            holderByCode.put(e.creditCode, Optional.of(e));
            holderIds.add(e.id);
        }
        // Absent unless found: only the pairs the items name (the query below may return more).
        modelsByCode.forEach((code, wanted) -> holderByCode.get(code)
                .ifPresent(h -> wanted.forEach(m -> productByModel.put(productKey(h.id, m), Optional.empty()))));
        for (Product p : products.findByModels(holderIds, models)) {
            productByModel.computeIfPresent(productKey(p.enterpriseId, p.model), (k, absent) -> Optional.of(p));
        }
        standardNumbers.forEach(n -> standardByNumber.put(n, Optional.empty()));
        for (Standard s : standards.findByNumbers(standardNumbers)) standardByNumber.put(s.number, Optional.of(s));
        numbers.forEach(n -> numberTaken.put(n, false));
        for (String n : certificates.takenNumbers(numbers)) numberTaken.put(n, true);
        return this;
    }

    /** The ids of the holders found so far. */
    Set<Long> holderIds() {
        Set<Long> ids = new HashSet<>();
        holderByCode.values().forEach(h -> h.ifPresent(e -> ids.add(e.id)));
        return ids;
    }

    Optional<Enterprise> holder(String rawCreditCode) {
        return holderByCode.computeIfAbsent(creditCode(rawCreditCode), enterprises::findByCreditCode);
    }

    Optional<Product> product(long holderId, String rawModel) {
        String model = model(rawModel);
        return productByModel.computeIfAbsent(productKey(holderId, model), k -> products.findByModel(holderId, model));
    }

    Optional<Standard> standard(String normalisedNumber) {
        return standardByNumber.computeIfAbsent(normalisedNumber, standards::findByNumber);
    }

    /** Whether a number was taken before this transaction; numbers handed out within it are the caller's to track. */
    boolean taken(String normalisedNumber) {
        return numberTaken.computeIfAbsent(normalisedNumber, n -> certificates.findByNumber(n).isPresent());
    }

    static String creditCode(String raw) {
        return IdentifierText.normaliseCode(raw);
    }

    static String model(String raw) {
        return raw.trim();
    }

    private static String productKey(long holderId, String model) {
        return holderId + "\n" + model;
    }
}
