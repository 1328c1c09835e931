package org.szmark.signin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.szmark.account.Account;
import org.szmark.account.AccountDisabled;
import org.szmark.account.AccountService;
import org.szmark.account.Actor;
import org.szmark.account.AuditTrail;
import org.szmark.account.NotPermitted;
import org.szmark.account.Role;
import org.szmark.body.CertificationBody;
import org.szmark.common.Conflict;
import org.szmark.common.InvalidInput;
import org.szmark.common.NotFound;
import org.szmark.config.SzmarkConfig;
import org.szmark.enterprise.Enterprise;

/**
 * Staff users: made by the authority for any role, or by a body's or enterprise's admin staff for their own body
 * or enterprise; disabled, enabled and reset by the authority. A new user has no password: it sets one through the
 * one-time link this service returns (once) to whoever made it, as it does after a reset.
 */
@ApplicationScoped
public class StaffService {

    /** Lower-case letters, digits and . _ - ; starts with a letter or digit. Chinese names go in {@code name}. */
    static final Pattern USER_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

    @Inject EntityManager em;
    @Inject AccountService accounts;
    @Inject AuditTrail audit;
    @Inject SignInService signIn;
    @Inject PasswordHasher hasher;
    @Inject PasswordPolicy policy;
    @Inject SignInTime time;
    @Inject SzmarkConfig config;

    /** A new link's token in clear lives only in this value. */
    public record IssuedLink(StaffUser user, Account account, String link, OffsetDateTime expiresAt) {}

    @Transactional
    public IssuedLink create(String userName, String name, Role role, Long bodyId, Long enterpriseId, boolean admin, Actor by) {
        String u = SignInService.normalise(userName);
        if (!USER_NAME.matcher(u).matches()) {
            throw InvalidInput.field("userName", "must be 3 to 64 of a-z, 0-9, '.', '_' and '-', starting with a letter or digit");
        }
        if (role == null) throw InvalidInput.field("role", "must be AUTHORITY, CERTIFIER or ENTERPRISE");
        if (!by.isAuthority()) {
            // Admin staff of a body or an enterprise make staff of their own, never for anyone else.
            boolean own = role == by.role() && (role == Role.CERTIFIER ? bodyId != null && bodyId.equals(by.bodyId())
                    : role == Role.ENTERPRISE && enterpriseId != null && enterpriseId.equals(by.enterpriseId()));
            if (!own || !isAdmin(by)) {
                throw new NotPermitted("forbidden", "Only the authority, or an admin of the same body or enterprise, makes staff users");
            }
        }
        switch (role) {
            case AUTHORITY -> {
                if (bodyId != null || enterpriseId != null) throw InvalidInput.field("role", "authority staff belong to no body or enterprise");
            }
            case CERTIFIER -> {
                if (bodyId == null || enterpriseId != null) throw InvalidInput.field("bodyId", "a body's staff need the body's id, and no enterprise");
                if (em.find(CertificationBody.class, bodyId) == null) throw InvalidInput.field("bodyId", "no body " + bodyId);
            }
            case ENTERPRISE -> {
                if (enterpriseId == null || bodyId != null) throw InvalidInput.field("enterpriseId", "an enterprise's staff need its id, and no body");
                if (em.find(Enterprise.class, enterpriseId) == null) throw InvalidInput.field("enterpriseId", "no enterprise " + enterpriseId);
            }
        }
        if (byName(u).isPresent()) throw new Conflict("user-name-taken", "The user name " + u + " is taken");
        OffsetDateTime now = time.now();
        Account a = new Account();
        a.role = role;
        a.name = name.trim();
        a.bodyId = bodyId;
        a.enterpriseId = enterpriseId;
        a.createdAt = now;
        em.persist(a);
        StaffUser s = new StaffUser();
        s.accountId = a.id;
        s.userName = u;
        s.admin = admin;
        s.createdAt = now;
        s.createdBy = by.accountId();
        em.persist(s);
        em.flush(); // a name taken at the same moment fails here, on the unique key, before anything is returned
        audit.record("staff.create", "account", a.id, role + (bodyId != null ? " of body id " + bodyId : "")
                + (enterpriseId != null ? " of enterprise id " + enterpriseId : "") + ": " + u + (admin ? " (admin)" : ""));
        return link(s, a, by, now);
    }

    /**
     * A staff user made from the command line by whoever runs the registry: it acts as the authority (its first
     * enabled account), since only someone with the registry's database and configuration can run it.
     */
    @Transactional
    public IssuedLink createByOperator(String userName, String name, Role role, Long bodyId, Long enterpriseId, boolean admin) {
        Account authority = em.createQuery("select a from Account a where a.role = :r and a.disabledAt is null order by a.id",
                        Account.class).setParameter("r", Role.AUTHORITY).setMaxResults(1).getResultStream().findFirst()
                .orElseThrow(() -> new Conflict("no-authority", "The registry has no enabled authority account"));
        return create(userName, name, role, bodyId, enterpriseId, admin,
                new Actor(authority.id, Role.AUTHORITY, null, null, authority.name));
    }

    /** Authority only: a new one-time link (earlier unused ones stop working); optionally drops the second factor. */
    @Transactional
    public IssuedLink reset(long staffId, boolean dropTotp, Actor by) {
        requireAuthority(by);
        StaffUser s = em.find(StaffUser.class, staffId, LockModeType.PESSIMISTIC_WRITE);
        if (s == null) throw new NotFound("No staff user " + staffId);
        OffsetDateTime now = time.now();
        em.createQuery("update SignInLink l set l.usedAt = :now where l.staffUserId = :u and l.usedAt is null")
                .setParameter("now", now).setParameter("u", s.id).executeUpdate();
        if (dropTotp) {
            s.totpSecret = null;
            s.totpConfirmedAt = null;
            s.totpLastStep = null;
        }
        audit.record("staff.reset", "account", s.accountId, dropTotp ? "new password link; second factor removed" : "new password link");
        return link(s, em.find(Account.class, s.accountId), by, now);
    }

    private IssuedLink link(StaffUser s, Account a, Actor by, OffsetDateTime now) {
        String token = Secrets.generate();
        SignInLink l = new SignInLink();
        l.staffUserId = s.id;
        l.tokenHash = Secrets.hash(token);
        l.createdAt = now;
        l.expiresAt = now.plus(config.signIn().linkValidity());
        l.createdBy = by.accountId();
        em.persist(l);
        String base = config.publicBaseUrl().trim().replaceAll("/+$", "");
        return new IssuedLink(s, a, base + "/sign-in/password?token=" + token, l.expiresAt);
    }

    /** The user a link is for, while it is unused and unexpired; empty otherwise (one answer for all cases). */
    public Optional<StaffUser> linkUser(String token) {
        return usableLink(token).map(l -> em.find(StaffUser.class, l.staffUserId));
    }

    private Optional<SignInLink> usableLink(String token) {
        if (!Secrets.plausible(token)) return Optional.empty();
        return em.createQuery("select l from SignInLink l where l.tokenHash = :h and l.usedAt is null and l.expiresAt > :now",
                        SignInLink.class)
                .setParameter("h", Secrets.hash(token)).setParameter("now", time.now()).getResultStream().findFirst();
    }

    /**
     * Sets the password through a link and uses the link up; every open session of the user ends. A second use,
     * even at the same moment, finds the link used.
     */
    @Transactional
    public StaffUser setPassword(String token, String password) {
        SignInLink l = usableLink(token).orElseThrow(LinkUnusable::new);
        StaffUser s = em.find(StaffUser.class, l.staffUserId, LockModeType.PESSIMISTIC_WRITE);
        policy.check(s.userName, password);
        int used = em.createQuery("update SignInLink l set l.usedAt = :now where l.id = :id and l.usedAt is null")
                .setParameter("now", time.now()).setParameter("id", l.id).executeUpdate();
        if (used != 1) throw new LinkUnusable();
        s.passwordHash = hasher.hash(password);
        s.passwordChangedAt = time.now();
        signIn.revokeAll(s.id, null);
        audit.record("staff.password-set", "account", s.accountId, "through a one-time link");
        return s;
    }

    /** The signed-in user's own change: the old password is needed; the user's other sessions end. */
    @Transactional
    public void changePassword(StaffSignIn who, String oldPassword, String newPassword) {
        StaffUser s = em.find(StaffUser.class, who.staffUserId(), LockModeType.PESSIMISTIC_WRITE);
        if (oldPassword == null || oldPassword.length() > 1024 || !hasher.verify(oldPassword, s.passwordHash)) {
            throw InvalidInput.field("oldPassword", "is not the current password");
        }
        policy.check(s.userName, newPassword);
        s.passwordHash = hasher.hash(newPassword);
        s.passwordChangedAt = time.now();
        signIn.revokeAll(s.id, who.sessionId());
        audit.record("staff.password-change", "account", s.accountId, null);
    }

    /** Disabling ends the user's sessions at once (also when the account is disabled through /accounts/{id}/disable). */
    @Transactional
    public Account disable(long staffId, String reason, Actor by) {
        return accounts.disable(find(staffId).accountId, reason, by);
    }

    @Transactional
    public Account enable(long staffId, Actor by) {
        return accounts.enable(find(staffId).accountId, by);
    }

    void onAccountDisabled(@Observes AccountDisabled disabled) {
        em.createQuery("select u from StaffUser u where u.accountId = :a", StaffUser.class)
                .setParameter("a", disabled.accountId()).getResultStream().findFirst()
                .ifPresent(u -> signIn.revokeAll(u.id, null));
    }

    public StaffUser find(long staffId) {
        StaffUser s = em.find(StaffUser.class, staffId);
        if (s == null) throw new NotFound("No staff user " + staffId);
        return s;
    }

    /** The authority sees every staff user; an admin of a body or an enterprise sees its own staff. */
    public List<Object[]> list(Actor by) {
        if (by.isAuthority()) {
            return em.createQuery("select u, a from StaffUser u join Account a on a.id = u.accountId order by u.id", Object[].class)
                    .getResultList();
        }
        if (!isAdmin(by)) throw new NotPermitted("forbidden", "Only the authority, or an admin of a body or enterprise, lists staff users");
        return em.createQuery("select u, a from StaffUser u join Account a on a.id = u.accountId"
                        + " where a.role = :r and (a.bodyId = :b or a.enterpriseId = :e) order by u.id", Object[].class)
                .setParameter("r", by.role()).setParameter("b", by.bodyId() == null ? -1L : by.bodyId())
                .setParameter("e", by.enterpriseId() == null ? -1L : by.enterpriseId()).getResultList();
    }

    public Account accountOf(StaffUser s) {
        return em.find(Account.class, s.accountId);
    }

    private boolean isAdmin(Actor by) {
        return em.createQuery("select count(u) from StaffUser u where u.accountId = :a and u.admin = true", Long.class)
                .setParameter("a", by.accountId()).getSingleResult() > 0;
    }

    private Optional<StaffUser> byName(String u) {
        return em.createQuery("select u from StaffUser u where u.userName = :n", StaffUser.class)
                .setParameter("n", u).getResultStream().findFirst();
    }

    private static void requireAuthority(Actor by) {
        if (!by.isAuthority()) throw new NotPermitted("forbidden", "Only the authority resets staff users");
    }
}
