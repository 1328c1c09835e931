package org.szmark.enterprise;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

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

    public record EnterpriseUpdate(@NotBlank @Size(max = 200) String nameZh, @Size(max = 200) String nameEn,
                                   @Size(max = 300) String addressZh, @Size(max = 300) String addressEn) {}

    public record ProductRequest(@NotBlank @Size(max = 200) String nameZh, @Size(max = 200) String nameEn,
                                 @NotBlank @Size(max = 100) String model, @Size(max = 100) String trademark,
                                 @Size(max = 14) String gtin) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProductView(long id, String nameZh, String nameEn, String model, String trademark, String gtin) {
        public static ProductView of(Product p) {
            return new ProductView(p.id, p.nameZh, p.nameEn, p.model, p.trademark, p.gtin);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EnterpriseView(String creditCode, String nameZh, String nameEn, String addressZh, String addressEn,
                                 Boolean legacyCode, OffsetDateTime createdAt, List<ProductView> products,
                                 List<String> warnings) {
        public static EnterpriseView of(Enterprise e, List<Product> products) {
            return new EnterpriseView(e.creditCode, e.nameZh, e.nameEn, e.addressZh, e.addressEn,
                    e.legacyCode ? Boolean.TRUE : null, e.createdAt,
                    products == null ? null : products.stream().map(ProductView::of).toList(), null);
        }

        public EnterpriseView withWarnings(List<String> w) {
            return new EnterpriseView(creditCode, nameZh, nameEn, addressZh, addressEn, legacyCode, createdAt, products,
                    w.isEmpty() ? null : w);
        }
    }
}
