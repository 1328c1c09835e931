package org.szmark.enterprise;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import org.szmark.body.BodyViews.Contact;
import org.szmark.web.Problem;

/** JSON shapes of the enterprises and products API. */
public final class EnterpriseViews {
    private EnterpriseViews() {}

    /** {@code legacyCode} lets the authority import a pre-2016 code whose check character fails. */
    public record EnterpriseRequest(@NotBlank @Size(max = 40) String creditCode,
                                    @NotBlank @Size(max = 200) String nameZh,
                                    @Size(max = 200) String nameEn,
                                    @Size(max = 300) String addressZh,
                                    @Size(max = 300) String addressEn,
                                    Boolean legacyCode) {}

    /**
     * The names and addresses replace the registered ones (an absent optional one is removed); {@code contact},
     * when present, replaces the contact data, and when absent leaves it as it is. An enterprise account must
     * send its names and addresses unchanged (docs/trust-model.md).
     */
    public record EnterpriseUpdate(@NotBlank @Size(max = 200) String nameZh, @Size(max = 200) String nameEn,
                                   @Size(max = 300) String addressZh, @Size(max = 300) String addressEn,
                                   @Valid Contact contact) {}

    public record ProductRequest(@NotBlank @Size(max = 200) String nameZh, @Size(max = 200) String nameEn,
                                 @NotBlank @Size(max = 100) String model, @Size(max = 100) String trademark,
                                 @Size(max = 14) String gtin) {}

    /** A product of a batch: the holder's credit code and the product as {@link ProductRequest} has it. */
    public record ProductItem(@NotBlank @Size(max = 40) String holder, @NotBlank @Size(max = 200) String nameZh,
                              @Size(max = 200) String nameEn, @NotBlank @Size(max = 100) String model,
                              @Size(max = 100) String trademark, @Size(max = 14) String gtin) {}

    public record EnterpriseBatchRequest(@NotNull List<EnterpriseRequest> enterprises) {}

    public record ProductBatchRequest(@NotNull List<ProductItem> products) {}

    /**
     * One item's result: {@code outcome} CREATED (status 201), PRESENT (200: registered already with the same
     * data, nothing written) or REFUSED (the problem's status), with the record or the problem.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EnterpriseBatchItem(int index, int status, String outcome, EnterpriseView enterprise, Problem problem) {}

    public record EnterpriseBatchResult(int created, int present, int refused, List<EnterpriseBatchItem> results) {}

    /** A product with the credit code of its holder, as a product batch answers it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HolderProductView(String holder, long id, String nameZh, String nameEn, String model, String trademark,
                                    String gtin) {
        public static HolderProductView of(String holder, Product p) {
            return new HolderProductView(holder, p.id, p.nameZh, p.nameEn, p.model, p.trademark, p.gtin);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProductBatchItem(int index, int status, String outcome, HolderProductView product, Problem problem) {}

    public record ProductBatchResult(int created, int present, int refused, List<ProductBatchItem> results) {}

    @Schema(name = "Product")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProductView(long id, String nameZh, String nameEn, String model, String trademark, String gtin) {
        public static ProductView of(Product p) {
            return new ProductView(p.id, p.nameZh, p.nameEn, p.model, p.trademark, p.gtin);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EnterpriseView(String creditCode, String nameZh, String nameEn, String addressZh, String addressEn,
                                 Contact contact, Boolean legacyCode, OffsetDateTime createdAt, List<ProductView> products,
                                 List<String> warnings) {
        public static EnterpriseView of(Enterprise e, List<Product> products) {
            Contact c = e.contactEmail == null && e.contactPhone == null && e.website == null ? null
                    : new Contact(e.contactEmail, e.contactPhone, e.website);
            return new EnterpriseView(e.creditCode, e.nameZh, e.nameEn, e.addressZh, e.addressEn, c,
                    e.legacyCode ? Boolean.TRUE : null, e.createdAt,
                    products == null ? null : products.stream().map(ProductView::of).toList(), null);
        }

        public EnterpriseView withWarnings(List<String> w) {
            return new EnterpriseView(creditCode, nameZh, nameEn, addressZh, addressEn, contact, legacyCode, createdAt,
                    products, w.isEmpty() ? null : w);
        }
    }
}
