package org.szmark.keys;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class BodyKeyRepository implements PanacheRepository<BodyKey> {

    public Optional<BodyKey> findByKeyId(String keyId) {
        return find("keyId", keyId).firstResultOptional();
    }

    public Optional<BodyKey> findByPrefix(String prefix) {
        return find("keyIdPrefix", prefix).firstResultOptional();
    }

    public List<BodyKey> ofBody(long bodyId) {
        return list("bodyId = ?1 order by id", bodyId);
    }

    public List<BodyKey> usableOf(long bodyId) {
        return list("bodyId = ?1 and retiredAt is null and revokedAt is null and compromisedAt is null order by id desc", bodyId);
    }

    public List<BodyKey> allKeys() {
        return list("order by id");
    }
}
