package org.szmark.account;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class AccountRepository implements PanacheRepository<Account> {

    public boolean anyAuthority() {
        return count("role", Role.AUTHORITY) > 0;
    }

    public List<Account> ofBody(long bodyId) {
        return list("bodyId", bodyId);
    }
}
