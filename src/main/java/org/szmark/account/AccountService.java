package org.szmark.account;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.szmark.body.CertifierWrites;
import org.szmark.common.Conflict;
import org.szmark.common.NotFound;
import org.szmark.config.SzmarkConfig;

/**
 * Accounts and their bearer tokens: creation, lookup by token, disabling, revocation, and the first
 * authority. Who may do what is in docs/trust-model.md ("Who may act"); each write is in the audit trail.
 */
@ApplicationScoped
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class);

    @Inject AccountRepository accounts;
    @Inject ApiTokenRepository tokens;
    @Inject AuditTrail audit;
    @Inject EntityManager em;
    @Inject SzmarkConfig config;
    @Inject jakarta.enterprise.event.Event<AccountDisabled> disabledEvents;

    /** A token in clear text exists only in this value, returned once to whoever created it. */
    public record IssuedToken(Account account, ApiToken token, String secret) {}

    /**
     * Read from the database on every request, on every instance, and never cached: a disabled account or a
     * revoked token answers 401 from the next request on, and a certifier's body status is the current one.
     */
    public Optional<Actor> identify(String secret) {
        return accounts.actorOfToken(TokenCodec.hash(secret));
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
        String secret = TokenCodec.generate();
        IssuedToken issued = issue(a, label, secret, TokenCodec.prefixOf(secret));
        audit.record("account.create", "account", a.id, role + (bodyId != null ? " of body id " + bodyId : "")
                + (enterpriseId != null ? " of enterprise id " + enterpriseId : "") + ": " + name
                + "; first token " + issued.token().id + labelled(label));
        return issued;
    }

    /**
     * Only the owner mints further tokens for its account, the authority included: it creates accounts (and
     * sees their first token once, to hand over) and disables them, but never holds a token minted later for
     * another account, so it cannot act as a body or a holder.
     */
    @Transactional
    public IssuedToken issueToken(long accountId, String label, Actor by) {
        Account a = visibleAccount(accountId, by);
        if (a.id != by.accountId()) {
            throw new NotPermitted("owner-only", "Only account " + a.id + " itself may mint tokens for it; the authority"
                    + " creates and disables accounts but cannot hold another account's tokens");
        }
        CertifierWrites.mintToken(by);
        String secret = TokenCodec.generate();
        IssuedToken issued = issue(a, label, secret, TokenCodec.prefixOf(secret));
        audit.record("token.issue", "account", a.id, "token " + issued.token().id + labelled(label));
        return issued;
    }

    /** Owners revoke their own tokens and the authority anyone's, whatever a body's status: it only takes access away. */
    @Transactional
    public ApiToken revokeToken(long tokenId, Actor by) {
        ApiToken t = tokens.findByIdOptional(tokenId).orElseThrow(() -> new NotFound("No token " + tokenId));
        if (!by.isAuthority() && t.accountId != by.accountId()) {
            throw new NotFound("No token " + tokenId);
        }
        if (t.revokedAt == null) {
            t.revokedAt = now();
            audit.record("token.revoke", "account", t.accountId, "token " + t.id + labelled(t.label));
        }
        return t;
    }

    /**
     * Its tokens answer 401 from the next request on, on every instance (see {@link #identify}); they work
     * again once it is enabled. The last enabled authority account cannot be disabled, or nobody could
     * administer the registry.
     */
    @Transactional
    public Account disable(long accountId, String reason, Actor by) {
        requireAuthority(by);
        Account a = lockForStatusChange(accountId);
        if (a.disabledAt != null) {
            throw new Conflict("no-status-change", "Account " + a.id + " is already disabled");
        }
        if (a.role == Role.AUTHORITY && accounts.enabledAuthoritiesOtherThan(a.id) == 0) {
            throw new Conflict("last-authority", "Account " + a.id + " is the last enabled authority account and cannot be disabled");
        }
        a.disabledAt = now();
        a.disabledReason = reason.trim();
        a.disabledBy = by.accountId();
        audit.record("account.disable", "account", a.id, a.disabledReason);
        disabledEvents.fire(new AccountDisabled(a.id));
        return a;
    }

    @Transactional
    public Account enable(long accountId, Actor by) {
        requireAuthority(by);
        Account a = lockForStatusChange(accountId);
        if (a.disabledAt == null) {
            throw new Conflict("no-status-change", "Account " + a.id + " is not disabled");
        }
        a.disabledAt = null;
        a.disabledReason = null;
        a.disabledBy = null;
        audit.record("account.enable", "account", a.id, null);
        return a;
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
     * Runs before the demo seeder (lower priority value first). A configured token must pass
     * {@link TokenCodec#bootstrapWeakness}, and none of it is kept in clear: its prefix is stored as
     * {@link TokenCodec#CONFIGURED_PREFIX}, also for one a registry stored before this rule.
     */
    @Transactional
    void bootstrap(@Observes @Priority(10) StartupEvent start) {
        Optional<String> configured = config.bootstrapToken().filter(s -> !s.isBlank()).map(String::trim);
        if (accounts.anyAuthority()) {
            configured.ifPresent(this::maskStoredBootstrapToken);
            return;
        }
        String secret;
        if (configured.isPresent()) {
            secret = configured.get();
            Optional<String> weakness = TokenCodec.bootstrapWeakness(secret);
            if (weakness.isPresent()) {
                throw new IllegalStateException("szmark.bootstrap-token " + weakness.get()
                        + " (README.md, Configuration: the estimate and how to generate a token)");
            }
        } else {
            secret = TokenCodec.generate();
        }
        Account a = new Account();
        a.role = Role.AUTHORITY;
        a.name = "Registry authority";
        a.createdAt = now();
        accounts.persist(a);
        IssuedToken issued = issue(a, "bootstrap", secret,
                configured.isPresent() ? TokenCodec.CONFIGURED_PREFIX : TokenCodec.prefixOf(secret));
        audit.record("account.create", "account", a.id, "first authority account; first token " + issued.token().id
                + (configured.isPresent() ? ", configured" : ", generated"));
        if (configured.isPresent()) {
            LOG.info("Created the authority account with the configured bootstrap token");
        } else {
            LOG.warnf("Created the authority account. Its API token is shown only now: %s", secret);
        }
    }

    private void maskStoredBootstrapToken(String secret) {
        tokens.findByHash(TokenCodec.hash(secret)).filter(t -> !TokenCodec.CONFIGURED_PREFIX.equals(t.prefix)).ifPresent(t -> {
            t.prefix = TokenCodec.CONFIGURED_PREFIX;
            LOG.info("No longer keeping the start of the configured bootstrap token in clear");
        });
        if (TokenCodec.bootstrapWeakness(secret).isPresent()) {
            LOG.warn("szmark.bootstrap-token is weaker than a new registry would accept; if it is still a valid token,"
                    + " revoke it and use a generated one (README.md, Configuration)");
        }
    }

    /** Locks the account row; for an authority, every authority row first (see {@link AccountRepository#lockAuthorities}). */
    private Account lockForStatusChange(long accountId) {
        Account a = accounts.findByIdOptional(accountId).orElseThrow(() -> new NotFound("No account " + accountId));
        if (a.role == Role.AUTHORITY) accounts.lockAuthorities();
        em.refresh(a, LockModeType.PESSIMISTIC_WRITE);
        return a;
    }

    private static void requireAuthority(Actor by) {
        if (!by.isAuthority()) throw new NotPermitted("forbidden", "Only the authority enables and disables accounts");
    }

    private IssuedToken issue(Account a, String label, String secret, String prefix) {
        ApiToken t = new ApiToken();
        t.accountId = a.id;
        t.prefix = prefix;
        t.tokenHash = TokenCodec.hash(secret);
        t.label = label;
        t.createdAt = now();
        tokens.persist(t);
        return new IssuedToken(a, t, secret);
    }

    private static String labelled(String label) {
        return label == null || label.isBlank() ? "" : " '" + label + "'";
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
