package org.szmark.signin;

import org.szmark.account.Actor;

/**
 * A live session as one request sees it. Until {@code stage} is {@link Stage#SIGNED_IN} the session grants no
 * role: the person has shown the password but still owes a TOTP code, or must enrol one first.
 */
public record StaffSignIn(long sessionId, long staffUserId, String userName, boolean admin, Actor actor, Stage stage,
                          String secret) {

    public static final String ATTRIBUTE = "szmark.staff";

    public enum Stage { SIGNED_IN, CODE_NEEDED, ENROLMENT_NEEDED }
}
