package org.szmark.enterprise;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ProductRepository implements PanacheRepository<Product> {

    public List<Product> ofEnterprise(long enterpriseId) {
        return list("enterpriseId = ?1 order by model", enterpriseId);
    }

    public Optional<Product> findByModel(long enterpriseId, String model) {
        return find("enterpriseId = ?1 and model = ?2", enterpriseId, model).firstResultOptional();
    }
}
