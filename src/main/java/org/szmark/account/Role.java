package org.szmark.account;

/** The three kinds of account; names double as the security role names used in {@code @RolesAllowed}. */
public enum Role {
    AUTHORITY, CERTIFIER, ENTERPRISE;

    public static final String AUTHORITY_ROLE = "AUTHORITY";
    public static final String CERTIFIER_ROLE = "CERTIFIER";
    public static final String ENTERPRISE_ROLE = "ENTERPRISE";
}
