package org.szmark.certificate;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class StatusEventRepository implements PanacheRepository<StatusEvent> {

    public List<StatusEvent> historyOf(long certificateId) {
        return list("certificateId = ?1 order by seq", certificateId);
    }
}
