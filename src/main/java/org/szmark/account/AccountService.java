package org.szmark.account;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.szmark.common.NotFound;
import org.szmark.config.SzmarkConfig;

/** Accounts and their bearer tokens: creation, lookup by token, revocation, and the first authority. */
@ApplicationScoped
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class);

    @Inject AccountRepository accounts;
    @Inject ApiTokenRepository tokens;
    @Inject SzmarkConfig config;

    /** A token in clear text exists only in this value, returned once to whoever created it. */
    public record IssuedToken(Account account, ApiToken token, String secret) {}

    public Optional<Actor> identify(String secret) {
        return tokens.findByHash(TokenCodec.hash(secret))
                .filter(t -> t.revokedAt == null)
                .map(t -> accounts.findById(t.accountId))
                .filter(a -> a.disabledAt == null)
                .map(Actor::of);
    }

    @Transactional
    public IssuedToken createAccount(Role role, String name, Long bodyId, Long enterpriseId, String label) {
        Account a = new Account();
        a.role = role;
        a.name = name;
        a.bodyId = bodyId;
        a.enterpriseId = enterpriseId;
        a.createdAt = now();
        accounts.persist(a);
        return issue(a, label, TokenCodec.generate());
    }

    @Transactional
    public IssuedToken issueToken(long accountId, String label, Actor by) {
        Account a = visibleAccount(accountId, by);
        return issue(a, label, TokenCodec.generate());
    }

    @Transactional
    public ApiToken revokeToken(long tokenId, Actor by) {
        ApiToken t = tokens.findByIdOptional(tokenId).orElseThrow(() -> new NotFound("No token " + tokenId));
        if (!by.isAuthority() && t.accountId != by.accountId()) {
            throw new NotFound("No token " + tokenId);
        }
        if (t.revokedAt == null) {
            t.revokedAt = now();
        }
        return t;
    }

    public Account visibleAccount(long accountId, Actor by) {
        Account a = accounts.findByIdOptional(accountId).orElseThrow(() -> new NotFound("No account " + accountId));
        if (!by.isAuthority() && a.id != by.accountId()) {
            throw new NotFound("No account " + accountId);
        }
        return a;
    }

    public List<Account> list() {
        return accounts.listAll(io.quarkus.panache.common.Sort.by("id"));
    }

    public List<ApiToken> tokensOf(long accountId) {
        return tokens.ofAccount(accountId);
    }

    /**
     * The registry cannot be administered without one authority account, so an empty database gets one.
     * Runs before the demo seeder (lower priority value first).
     */
    @Transactional
    void bootstrap(@Observes @Priority(10) StartupEvent start) {
        if (accounts.anyAuthority()) {
            return;
        }
        Account a = new Account();
        a.role = Role.AUTHORITY;
        a.name = "Registry authority";
        a.createdAt = now();
        accounts.persist(a);
        Optional<String> configured = config.bootstrapToken().filter(s -> !s.isBlank());
        if (configured.isPresent()) {
            String secret = configured.get().trim();
            if (!TokenCodec.plausible(secret)) {
                throw new IllegalStateException("szmark.bootstrap-token must be " + TokenCodec.MIN_LENGTH + " to "
                        + TokenCodec.MAX_LENGTH + " printable characters without spaces");
            }
            issue(a, "bootstrap", secret);
            LOG.info("Created the authority account with the configured bootstrap token");
        } else {
            String secret = TokenCodec.generate();
            issue(a, "bootstrap", secret);
            LOG.warnf("Created the authority account. Its API token is shown only now: %s", secret);
        }
    }

    private IssuedToken issue(Account a, String label, String secret) {
        ApiToken t = new ApiToken();
        t.accountId = a.id;
        t.prefix = TokenCodec.prefixOf(secret);
        t.tokenHash = TokenCodec.hash(secret);
        t.label = label;
        t.createdAt = now();
        tokens.persist(t);
        return new IssuedToken(a, t, secret);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
