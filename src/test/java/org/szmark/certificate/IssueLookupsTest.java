package org.szmark.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.szmark.certificate.CertificateViews.IssueRequest;
import org.szmark.enterprise.Enterprise;
import org.szmark.enterprise.EnterpriseRepository;
import org.szmark.enterprise.Product;
import org.szmark.enterprise.ProductRepository;
import org.szmark.standard.Standard;
import org.szmark.standard.StandardRepository;

/**
 * A batch's look-ups, against repositories that count their queries: after the prefetch, everything the
 * items name is answered from memory, found or not, spelled as the items spell it; anything else is
 * still asked of the database.
 */
class IssueLookupsTest {

    final List<String> asked = new ArrayList<>();

    final Enterprise holderA = enterprise(1, "91440300MA5F000001");
    final Enterprise holderB = enterprise(2, "91440300MA5F000002");
    final Product productA = product(10, 1, "M-1");
    final Product productB = product(20, 2, "M-2");
    final Standard standard = standard(5, "T/SZWD 004-2019");

    final EnterpriseRepository enterprises = new EnterpriseRepository() {
        @Override
        public List<Enterprise> findByCreditCodes(Collection<String> codes) {
            asked.add("holders " + codes.size());
            return List.of(holderA, holderB).stream().filter(e -> codes.contains(e.creditCode)).toList();
        }

        @Override
        public Optional<Enterprise> findByCreditCode(String code) {
            asked.add("holder " + code);
            return Optional.empty();
        }
    };
    final ProductRepository products = new ProductRepository() {
        @Override
        public List<Product> findByModels(Collection<Long> ids, Collection<String> models) {
            asked.add("products");
            // Every product of these holders with one of these models: holder 1 has M-2 as well, unasked.
            return List.of(productA, productB, product(11, 1, "M-2")).stream()
                    .filter(p -> ids.contains(p.enterpriseId) && models.contains(p.model)).toList();
        }

        @Override
        public Optional<Product> findByModel(long enterpriseId, String model) {
            asked.add("product " + enterpriseId + " " + model);
            return Optional.empty();
        }
    };
    final StandardRepository standards = new StandardRepository() {
        @Override
        public List<Standard> findByNumbers(Collection<String> numbers) {
            asked.add("standards");
            return numbers.contains(standard.number) ? List.of(standard) : List.of();
        }

        @Override
        public Optional<Standard> findByNumber(String number) {
            asked.add("standard " + number);
            return Optional.empty();
        }
    };
    final CertificateRepository certificates = new CertificateRepository() {
        @Override
        public List<String> takenNumbers(Collection<String> numbers) {
            asked.add("numbers " + numbers.size());
            return numbers.contains("CQC-1") ? List.of("CQC-1") : List.of();
        }

        @Override
        public Optional<Certificate> findByNumber(String number) {
            asked.add("number " + number);
            return Optional.empty();
        }
    };

    @Test
    void whatTheItemsNameIsAnsweredFromMemory() {
        IssueLookups lookups = new IssueLookups(enterprises, products, standards, certificates).prefetch(List.of(
                item(" 91440300ma5f000001 ", " M-1 ", "t/szwd 004—2019", "cqc-1"),
                item("91440300MA5F000002", "M-2", "T/SZWD 004-2019", "CQC-2"),
                item("91440300MA5F000002", "M-9", "NOT A STANDARD", null),
                item("91440300MA5F000099", "M-1", "T/SZWD 005-2019", " ")));
        assertThat(asked).containsExactly("holders 3", "products", "standards", "numbers 2");
        asked.clear();

        assertThat(lookups.holder("91440300MA5F000001")).contains(holderA);
        assertThat(lookups.holder(" 91440300ma5f000002")).contains(holderB);
        assertThat(lookups.holder("91440300MA5F000099")).isEmpty();
        assertThat(lookups.product(1, " M-1")).contains(productA);
        assertThat(lookups.product(2, "M-2")).contains(productB);
        assertThat(lookups.product(2, "M-9")).isEmpty();
        assertThat(lookups.standard("T/SZWD 004-2019")).contains(standard);
        assertThat(lookups.standard("T/SZWD 005-2019")).isEmpty();
        assertThat(lookups.taken("CQC-1")).isTrue();
        assertThat(lookups.taken("CQC-2")).isFalse();
        assertThat(lookups.holderIds()).containsExactlyInAnyOrder(1L, 2L);
        assertThat(asked).as("answered from memory").isEmpty();

        // Pairs no item named are asked for, even where the prefetch happened to read the row.
        assertThat(lookups.product(1, "M-2")).isEmpty();
        assertThat(lookups.holder("91440300MA5F000003")).isEmpty();
        assertThat(lookups.standard("T/SZWD 006-2019")).isEmpty();
        assertThat(lookups.taken("CQC-3")).isFalse();
        assertThat(asked).containsExactly("product 1 M-2", "holder 91440300MA5F000003", "standard T/SZWD 006-2019",
                "number CQC-3");
    }

    @Test
    void aSingleIssuanceAsksAsItGoes() {
        IssueLookups lookups = new IssueLookups(enterprises, products, standards, certificates);
        assertThat(lookups.holder("91440300MA5F000001")).isEmpty();
        assertThat(lookups.holder("91440300MA5F000001")).isEmpty();
        assertThat(asked).containsExactly("holder 91440300MA5F000001");
    }

    static IssueRequest item(String holder, String model, String standard, String number) {
        return new IssueRequest(number, holder, model, null, standard, "范围", "型式试验", null, null, null, null);
    }

    static Enterprise enterprise(long id, String code) {
        Enterprise e = new Enterprise();
        e.id = id;
        e.creditCode = code;
        return e;
    }

    static Product product(long id, long enterpriseId, String model) {
        Product p = new Product();
        p.id = id;
        p.enterpriseId = enterpriseId;
        p.model = model;
        return p;
    }

    static Standard standard(long id, String number) {
        Standard s = new Standard();
        s.id = id;
        s.number = number;
        return s;
    }
}
