package org.szmark.body;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class BodyRepository implements PanacheRepository<CertificationBody> {

    public Optional<CertificationBody> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public Optional<CertificationBody> findByApprovalNumber(String approvalNumber) {
        return find("approvalNumber", approvalNumber).firstResultOptional();
    }
}
