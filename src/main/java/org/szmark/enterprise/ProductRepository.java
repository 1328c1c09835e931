package org.szmark.enterprise;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
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

    /** Every product of these enterprises with one of these models (a superset of the pairs asked for). */
    public List<Product> findByModels(Collection<Long> enterpriseIds, Collection<String> models) {
        return enterpriseIds.isEmpty() || models.isEmpty() ? List.of()
                : list("enterpriseId in ?1 and model in ?2", enterpriseIds, models);
    }
}
