package org.szmark.account;

/** The authenticated caller of a request, as the services see it. */
public record Actor(long accountId, Role role, Long bodyId, Long enterpriseId, String name) {

    public static final String ATTRIBUTE = "szmark.actor";

    public boolean isAuthority() {
        return role == Role.AUTHORITY;
    }

    public boolean isCertifierOf(long body) {
        return role == Role.CERTIFIER && bodyId != null && bodyId == body;
    }

    public boolean isEnterprise(long enterprise) {
        return role == Role.ENTERPRISE && enterpriseId != null && enterpriseId == enterprise;
    }

    static Actor of(Account a) {
        return new Actor(a.id, a.role, a.bodyId, a.enterpriseId, a.name);
    }
}
