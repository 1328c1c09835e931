package org.szmark.account;

import org.szmark.body.BodyStatus;

/**
 * The authenticated caller of a request, as the services see it. A certifier's {@code bodyStatus} is its
 * body's status as read when the request was authenticated (every request reads it anew); what that status
 * allows is decided in {@link org.szmark.body.CertifierWrites}.
 */
public record Actor(long accountId, Role role, Long bodyId, Long enterpriseId, String name, BodyStatus bodyStatus) {

    public static final String ATTRIBUTE = "szmark.actor";

    /** An actor made in code rather than authenticated: a certifier's body status is unknown, so it may not write. */
    public Actor(long accountId, Role role, Long bodyId, Long enterpriseId, String name) {
        this(accountId, role, bodyId, enterpriseId, name, null);
    }

    public boolean isAuthority() {
        return role == Role.AUTHORITY;
    }

    public boolean isCertifierOf(long body) {
        return role == Role.CERTIFIER && bodyId != null && bodyId == body;
    }

    public boolean isEnterprise(long enterprise) {
        return role == Role.ENTERPRISE && enterpriseId != null && enterpriseId == enterprise;
    }

    static Actor of(Account a, BodyStatus bodyStatus) {
        return new Actor(a.id, a.role, a.bodyId, a.enterpriseId, a.name, bodyStatus);
    }
}
