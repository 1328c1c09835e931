package org.szmark.body;

import static org.szmark.body.BodyStatus.ACTIVE;
import static org.szmark.body.BodyStatus.SUSPENDED;

import java.util.EnumSet;
import java.util.Set;
import org.szmark.account.Actor;
import org.szmark.account.NotPermitted;
import org.szmark.account.Role;

/**
 * What a certifier may write while its body is ACTIVE, SUSPENDED or WITHDRAWN: the one place this rule lives
 * (docs/trust-model.md, "Body status and write access"). A suspended body may still take trust away, never
 * give it; a withdrawn body's certifiers write nothing. Reactivation restores everything. Only certifiers are
 * bound by it: the authority and enterprise accounts have no body. A refusal is a 403 {@code body-not-active}
 * problem naming the status.
 *
 * <pre>
 * write                                              ACTIVE  SUSPENDED  WITHDRAWN
 * issue, renew (single and batch)                    yes     no         no
 * reinstate a suspended certificate                  yes     no         no
 * record a surveillance audit of its certificates     yes     no         no
 * suspend, revoke, cancel its own certificates       yes     yes        no
 * register or change enterprises and products        yes     no         no
 * mint a token for its own account                   yes     yes        no
 * revoke its own tokens                              always (it only takes access away; not checked here)
 * </pre>
 *
 * The certificate writes take the body row the service has just read (and, for issuance, locked); the others
 * take the caller's body status as read when its request was authenticated.
 */
public final class CertifierWrites {
    private CertifierWrites() {}

    private enum Kind {
        ISSUE("issue or renew certificates", EnumSet.of(ACTIVE)),
        REINSTATE("reinstate certificates", EnumSet.of(ACTIVE)),
        SURVEIL("record surveillance audits", EnumSet.of(ACTIVE)),
        TAKE_TRUST_AWAY("suspend, revoke or cancel certificates", EnumSet.of(ACTIVE, SUSPENDED)),
        REGISTER_HOLDERS("register or change enterprises and products", EnumSet.of(ACTIVE)),
        MINT_TOKEN("mint API tokens", EnumSet.of(ACTIVE, SUSPENDED));

        final String what;
        final Set<BodyStatus> allowed;

        Kind(String what, Set<BodyStatus> allowed) {
            this.what = what;
            this.allowed = allowed;
        }
    }

    /** Issuance and renewal, single or batch: they give trust. */
    public static void issue(CertificationBody body) {
        check("Body " + body.code, body.status, Kind.ISSUE);
    }

    /** Reinstating a suspended certificate gives trust back. */
    public static void reinstate(CertificationBody body) {
        check("Body " + body.code, body.status, Kind.REINSTATE);
    }

    /** A surveillance audit moves its certificate's next due date on, which keeps trust in it. */
    public static void recordSurveillance(CertificationBody body) {
        check("Body " + body.code, body.status, Kind.SURVEIL);
    }

    /** Suspending, revoking or cancelling one of the body's certificates takes trust away. */
    public static void takeTrustAway(CertificationBody body) {
        check("Body " + body.code, body.status, Kind.TAKE_TRUST_AWAY);
    }

    /** Creating or changing an enterprise or adding a product. */
    public static void registerHolders(Actor by) {
        if (by.role() == Role.CERTIFIER) check("Your certification body", by.bodyStatus(), Kind.REGISTER_HOLDERS);
    }

    /** A new token for the caller's own account. */
    public static void mintToken(Actor by) {
        if (by.role() == Role.CERTIFIER) check("Your certification body", by.bodyStatus(), Kind.MINT_TOKEN);
    }

    private static void check(String body, BodyStatus status, Kind kind) {
        if (status != null && kind.allowed.contains(status)) return;
        String still = status == SUSPENDED ? "while SUSPENDED its certifiers may only suspend, revoke or cancel its certificates"
                : status == BodyStatus.WITHDRAWN ? "the certifiers of a WITHDRAWN body make no writes"
                : "its status could not be read";
        throw new NotPermitted("body-not-active", body + " is " + (status == null ? "of unknown status" : status)
                + ": its certifiers may not " + kind.what + " (" + still + ")");
    }
}
