package org.szmark.signin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.szmark.account.Account;
import org.szmark.account.Actor;
import org.szmark.body.BodyStatus;
import org.szmark.config.SzmarkConfig;

/**
 * Sign-in by name and password, and the sessions it opens. Every decision reads the database, so all instances
 * agree: failed sign-ins lock a name for {@code lockout}; a session ends at sign-out, when its account is disabled,
 * after {@code idle-timeout} unused and {@code max-age} after sign-in.
 */
@ApplicationScoped
public class SignInService {

    private static final Logger LOG = Logger.getLogger(SignInService.class);
    /** last_seen_at is written at most this often per session: a request a second should not be a write a second. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    public static final int MAX_NAME = 64;

    @Inject EntityManager em;
    @Inject PasswordHasher hasher;
    @Inject SignInTime time;
    @Inject SzmarkConfig config;
    @Inject TotpPolicy totpPolicy;
    @Inject org.szmark.account.AuditTrail audit;

    /** Failed sign-ins per client address in the current lockout period; per instance only (docs/accounts.md). */
    private Cache<String, AtomicInteger> perAddress;

    @jakarta.annotation.PostConstruct
    void init() {
        perAddress = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(config.signIn().lockout()).build();
    }

    public static String normalise(String name) {
        return name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Checks the password and opens a session; its secret is returned, for the encrypted cookie only.
     *
     * @throws SignInRefused the same way for a wrong password, an unknown, disabled or password-less name; with the
     *                       time the lock ends once the name or the address is locked
     */
    public String signIn(String rawName, String password, String address) {
        OffsetDateTime now = time.now();
        String name = normalise(rawName);
        String nameHash = Secrets.hash("staff-name:" + name);
        AtomicInteger fromAddress = address == null ? null : perAddress.getIfPresent(address);
        if (fromAddress != null && fromAddress.get() >= config.signIn().maxFailuresPerAddress()) {
            throw SignInRefused.locked(now.plus(config.signIn().lockout()));
        }
        Optional<OffsetDateTime> locked = QuarkusTransaction.requiringNew().call(() -> lockedUntil(nameHash, now));
        if (locked.isPresent()) throw SignInRefused.locked(locked.get());

        Optional<StaffUser> user = name.isEmpty() || name.length() > MAX_NAME || password == null || password.length() > 1024
                ? Optional.empty() : QuarkusTransaction.requiringNew().call(() -> enabledUser(name));
        boolean right;
        if (user.isPresent() && user.get().passwordHash != null) {
            right = hasher.verify(password, user.get().passwordHash);
        } else {
            hasher.burn(password == null ? "" : password);
            right = false;
        }
        if (!right) {
            if (address != null) perAddress.get(address, a -> new AtomicInteger()).incrementAndGet();
            Optional<OffsetDateTime> nowLocked = recordFailure(nameHash, now);
            if (nowLocked.isPresent()) throw SignInRefused.locked(nowLocked.get());
            throw SignInRefused.wrong();
        }
        StaffUser u = user.get();
        return QuarkusTransaction.requiringNew().call(() -> open(u.id, password, address, now));
    }

    /** A wrong second-factor code counts like a wrong password; the lock's end once it locks the name. */
    public Optional<OffsetDateTime> countFailure(String userName) {
        return recordFailure(Secrets.hash("staff-name:" + normalise(userName)), time.now());
    }

    /** Until when the name is locked, if it is. */
    public Optional<OffsetDateTime> lockedUntil(String userName) {
        OffsetDateTime now = time.now();
        return QuarkusTransaction.requiringNew().call(() -> lockedUntil(Secrets.hash("staff-name:" + normalise(userName)), now));
    }

    private Optional<OffsetDateTime> lockedUntil(String nameHash, OffsetDateTime now) {
        SignInFailure f = em.find(SignInFailure.class, nameHash);
        return f != null && f.lockedUntil != null && f.lockedUntil.isAfter(now) ? Optional.of(f.lockedUntil) : Optional.empty();
    }

    private Optional<StaffUser> enabledUser(String name) {
        return em.createQuery("select u from StaffUser u join Account a on a.id = u.accountId"
                        + " where u.userName = :n and a.disabledAt is null", StaffUser.class)
                .setParameter("n", name).getResultStream().findFirst();
    }

    /** Counts one failure under the row's lock; the Nth in a row locks the name and starts the count again. */
    private Optional<OffsetDateTime> recordFailure(String nameHash, OffsetDateTime now) {
        for (int attempt = 0; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    SignInFailure f = em.find(SignInFailure.class, nameHash, LockModeType.PESSIMISTIC_WRITE);
                    if (f == null) {
                        f = new SignInFailure();
                        f.nameHash = nameHash;
                        f.lastFailure = now;
                        em.persist(f);
                        em.flush(); // a concurrent first failure of the same name fails here, on the key
                    }
                    // "In a row" means within one lockout period of each other: failures of long ago do not add up
                    // with one today to lock a person out after a single typo.
                    if (f.lastFailure.isBefore(now.minus(config.signIn().lockout()))) f.failures = 0;
                    f.failures++;
                    f.lastFailure = now;
                    if (f.failures >= config.signIn().maxFailures()) {
                        f.failures = 0;
                        f.lockedUntil = now.plus(config.signIn().lockout());
                        return Optional.of(f.lockedUntil);
                    }
                    return Optional.<OffsetDateTime>empty();
                });
            } catch (PersistenceException | io.quarkus.narayana.jta.QuarkusTransactionException e) {
                // Two first failures of one name at once: one insert loses on the key; count again under the lock.
                if (attempt >= 2) throw e;
            }
        }
    }

    private String open(long userId, String password, String address, OffsetDateTime now) {
        StaffUser u = em.find(StaffUser.class, userId, LockModeType.PESSIMISTIC_WRITE);
        em.createQuery("delete from SignInFailure f where f.nameHash = :h")
                .setParameter("h", Secrets.hash("staff-name:" + u.userName)).executeUpdate();
        if (hasher.outdated(u.passwordHash)) {
            u.passwordHash = hasher.hash(password); // parameters were raised since it was set
        }
        String secret = Secrets.generate();
        StaffSession s = persistSession(u, secret, StaffSession.PASSWORD, u.hasTotp(), address, now);
        LOG.infof("Staff user %d signed in (session %d)", u.id, s.id);
        return secret;
    }

    /** Why the provider's person gets no session: no staff user for it, or the user's account is disabled. */
    public enum ProviderRefusal { UNKNOWN, DISABLED }

    /** Thrown by {@link #signInFromProvider}; the page names the reason, the log the person. */
    public static final class ProviderRefused extends RuntimeException {
        public final ProviderRefusal reason;

        ProviderRefused(ProviderRefusal reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }

    /**
     * Opens a session for a person the OpenID Connect provider has authenticated (its ID token verified by
     * quarkus-oidc). The user is the one linked to the token's issuer and subject; failing that, the one whose user
     * name the configured claim names and that is linked to no one yet, which links it. Never creates a user. The
     * provider's second factor is trusted: the session owes no TOTP code (docs/accounts.md, "OpenID Connect").
     *
     * @throws ProviderRefused for an unknown person (also a name linked to another subject) or a disabled account
     */
    public String signInFromProvider(String issuer, String subject, String claimed, String address) {
        OffsetDateTime now = time.now();
        return QuarkusTransaction.requiringNew().call(() -> {
            StaffUser u = em.createQuery("select u from StaffUser u where u.oidcIssuer = :i and u.oidcSubject = :s", StaffUser.class)
                    .setParameter("i", issuer).setParameter("s", subject).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .getResultStream().findFirst().orElse(null);
            if (u == null) {
                String name = normalise(claimed);
                u = name.isEmpty() || name.length() > MAX_NAME ? null
                        : em.createQuery("select u from StaffUser u where u.userName = :n", StaffUser.class)
                                .setParameter("n", name).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                                .getResultStream().findFirst().orElse(null);
                if (u == null || u.oidcSubject != null) {
                    throw new ProviderRefused(ProviderRefusal.UNKNOWN, u == null ? "no staff user " + name
                            : "staff user " + u.id + " is linked to another subject");
                }
                u.oidcIssuer = issuer;
                u.oidcSubject = subject;
                audit.record("staff.oidc-link", "account", u.accountId, "linked to subject " + subject + " of " + issuer);
            }
            Account a = em.find(Account.class, u.accountId);
            if (a == null || a.disabledAt != null) {
                throw new ProviderRefused(ProviderRefusal.DISABLED, "staff user " + u.id + " is disabled");
            }
            String secret = Secrets.generate();
            StaffSession s = persistSession(u, secret, StaffSession.OIDC, false, address, now);
            em.flush();
            audit.record("staff.sign-in", "account", u.accountId, "through OpenID Connect (" + issuer + "), session " + s.id);
            LOG.infof("Staff user %d signed in through OpenID Connect (session %d)", u.id, s.id);
            return secret;
        });
    }

    /** The session's row; only the secret's SHA-256 is stored. */
    private StaffSession persistSession(StaffUser u, String secret, String method, boolean awaitingCode, String address,
                                        OffsetDateTime now) {
        StaffSession s = new StaffSession();
        s.staffUserId = u.id;
        s.secretHash = Secrets.hash(secret);
        s.createdAt = now;
        s.lastSeenAt = now;
        s.method = method;
        s.awaitingCode = awaitingCode;
        s.clientAddress = address == null ? null : address.substring(0, Math.min(64, address.length()));
        em.persist(s);
        return s;
    }

    /**
     * The session behind a cookie's secret, as it is now in the database: unrevoked, its account enabled, used
     * within the idle timeout and younger than the maximum age. Touches last_seen_at at most once a minute.
     */
    @Transactional
    public Optional<StaffSignIn> session(String secret) {
        if (!Secrets.plausible(secret)) return Optional.empty();
        List<Object[]> rows = em.createQuery("select s, u, a, b.status from StaffSession s"
                        + " join StaffUser u on u.id = s.staffUserId join Account a on a.id = u.accountId"
                        + " left join CertificationBody b on b.id = a.bodyId"
                        + " where s.secretHash = :h and s.revokedAt is null and a.disabledAt is null", Object[].class)
                .setParameter("h", Secrets.hash(secret)).getResultList();
        if (rows.isEmpty()) return Optional.empty();
        StaffSession s = (StaffSession) rows.get(0)[0];
        StaffUser u = (StaffUser) rows.get(0)[1];
        Account a = (Account) rows.get(0)[2];
        OffsetDateTime now = time.now();
        if (!s.lastSeenAt.plus(config.signIn().idleTimeout()).isAfter(now)
                || !s.createdAt.plus(config.signIn().maxAge()).isAfter(now)) {
            return Optional.empty();
        }
        if (Duration.between(s.lastSeenAt, now).compareTo(TOUCH_EVERY) >= 0) {
            // One conditional update: of several instances touching at once only one writes.
            em.createQuery("update StaffSession s set s.lastSeenAt = :now where s.id = :id and s.lastSeenAt < :before")
                    .setParameter("now", now).setParameter("id", s.id).setParameter("before", now.minus(TOUCH_EVERY))
                    .executeUpdate();
        }
        Actor actor = new Actor(a.id, a.role, a.bodyId, a.enterpriseId, a.name, (BodyStatus) rows.get(0)[3]);
        StaffSignIn.Stage stage = s.awaitingCode ? StaffSignIn.Stage.CODE_NEEDED
                : !u.hasTotp() && totpRequired(a) && !StaffSession.OIDC.equals(s.method) ? StaffSignIn.Stage.ENROLMENT_NEEDED : StaffSignIn.Stage.SIGNED_IN;
        return Optional.of(new StaffSignIn(s.id, u.id, u.userName, u.admin, actor, stage, secret));
    }

    private boolean totpRequired(Account a) {
        return totpPolicy.required(a.role);
    }

    /** Sign-out: the row is revoked, so the cookie is refused on every instance even if it is replayed. */
    @Transactional
    public void signOut(long sessionId) {
        em.createQuery("update StaffSession s set s.revokedAt = :now where s.id = :id and s.revokedAt is null")
                .setParameter("now", time.now()).setParameter("id", sessionId).executeUpdate();
    }

    /** Every open session of a user, e.g. when its account is disabled or its password changes. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int revokeAll(long staffUserId, Long exceptSession) {
        return em.createQuery("update StaffSession s set s.revokedAt = :now"
                        + " where s.staffUserId = :u and s.revokedAt is null and s.id <> :keep")
                .setParameter("now", time.now()).setParameter("u", staffUserId)
                .setParameter("keep", exceptSession == null ? -1L : exceptSession).executeUpdate();
    }
}
