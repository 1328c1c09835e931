package org.szmark.signin;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.szmark.account.Role;
import org.szmark.apidoc.ApiDocument;
import org.szmark.common.DomainException;
import org.szmark.config.SzmarkConfig;
import org.szmark.web.Lang;
import org.szmark.web.Messages;
import org.szmark.web.Msg;
import org.szmark.web.Pages;

/**
 * The pages of staff sign-in: the sign-in form (it posts to Quarkus' {@code /j_security_check}), where a person
 * lands after it, setting a password from a link, and the small account page with sign-out and password change.
 * Every form but the sign-in one carries a {@link FormTokens} token; a missing or forged one gets a 403 page.
 */
@Path("/")
@Tag(name = ApiDocument.PAGES)
@Produces(MediaType.TEXT_HTML)
public class SignInPages {

    /** The pages' templates under templates/signin, checked at build time against these parameters. */
    @CheckedTemplate(basePath = "signin", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Views {
        static native TemplateInstance signIn(Lang lang, String switchHref, String notice, boolean alert, String oidcProvider);

        static native TemplateInstance account(Lang lang, String switchHref, StaffSignIn who, String csrf, String notice,
                                               boolean alert, int minLength, boolean totp);

        static native TemplateInstance password(Lang lang, String switchHref, String token, String userName, String csrf,
                                                String notice, int minLength);

        static native TemplateInstance message(Lang lang, String switchHref, String title, String text);

        static native TemplateInstance code(Lang lang, String switchHref, String csrf, String notice);

        static native TemplateInstance totp(Lang lang, String switchHref, String csrf, String notice,
                                            TotpService.Enrolment enrolment, boolean required);

        /** Signed in through the OpenID Connect provider: a page that moves on (see {@link #oidc}). */
        static native TemplateInstance proceed(Lang lang, String switchHref);
    }

    @Inject TotpService totp;
    @Inject Messages messages;
    @Inject ProviderSessions providerSessions;
    @Inject io.vertx.ext.web.RoutingContext routing;
    @Inject SecurityIdentity identity;
    @Inject SignInService signIn;
    @Inject StaffService staff;
    @Inject FormTokens tokens;
    @Inject PasswordPolicy policy;
    @Inject SzmarkConfig config;
    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String cookieName;

    @GET
    @Path("sign-in")
    @Operation(operationId = "signInPage", summary = "Staff sign-in page", description = """
            Anyone. The form posts j_username and j_password to /j_security_check; a wrong name or password comes \
            back here with `error`, a locked name with `locked` (until when, in epoch seconds).""")
    public Response signInPage(@QueryParam("lang") String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept,
                               @QueryParam("error") String error, @QueryParam("locked") String locked,
                               @QueryParam("signedOut") String signedOut) {
        Lang l = Lang.choose(lang, accept);
        Msg m = messages.of(l);
        String notice = null;
        if (locked != null) {
            notice = m.signinLocked(clock(locked));
        } else if (error != null) {
            notice = m.signinWrong();
        } else if (signedOut != null) {
            notice = m.signinSignedOut();
        }
        SzmarkConfig.SignIn.Oidc oidc = config.signIn().oidc();
        return Pages.html(Views.signIn(l, null, notice, locked != null || error != null,
                oidc.enabled() ? oidc.providerName() : null), l);
    }

    /**
     * Sign-in through the OpenID Connect provider. Only when {@code szmark.sign-in.oidc.enabled}: quarkus-oidc's
     * authorization code flow guards this path alone (tenant {@code staff}, {@link OidcTenants}), so a person arrives
     * here with a verified ID token. Its claims name an existing staff user; the registry's own session follows.
     */
    @GET
    @Path("sign-in/oidc")
    @Operation(operationId = "signInOidc", summary = "Staff sign-in through the OpenID Connect provider", description = """
            Anyone; only when OpenID Connect sign-in is turned on (404 otherwise). Sends the browser to the provider \
            and, back from it with a verified ID token, opens the session of the staff user the token names: a page \
            that continues to the console. A person who is no staff user, or whose user is disabled: 403 page.""")
    public Response oidc(@QueryParam("lang") String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept) {
        SzmarkConfig.SignIn.Oidc oidc = config.signIn().oidc();
        if (!oidc.enabled()) throw new jakarta.ws.rs.NotFoundException();
        Lang l = Lang.choose(lang, accept);
        if (!(identity.getPrincipal() instanceof org.eclipse.microprofile.jwt.JsonWebToken token)
                || token.getIssuer() == null || token.getSubject() == null) {
            return see("/sign-in"); // not from the provider: the path's policy lets no other identity through
        }
        Object claimed = token.getClaim(oidc.claim());
        var remote = routing.request().remoteAddress();
        String secret;
        try {
            secret = signIn.signInFromProvider(token.getIssuer(), token.getSubject(),
                    claimed instanceof String c ? c : null, remote == null ? null : remote.hostAddress());
        } catch (SignInService.ProviderRefused e) {
            org.jboss.logging.Logger.getLogger(SignInPages.class)
                    .infof("OpenID Connect sign-in refused for subject %s of %s: %s", token.getSubject(), token.getIssuer(), e.getMessage());
            providerSessions.endProviderSession();
            Msg m = messages.of(l);
            return e.reason == SignInService.ProviderRefusal.DISABLED
                    ? message(l, 403, m.oidcDisabledTitle(), m.oidcDisabledText())
                    : message(l, 403, m.oidcUnknownTitle(), m.oidcUnknownText());
        }
        providerSessions.endProviderSession();
        providerSessions.open(routing, secret);
        // A page rather than a redirect: the browser comes here from the provider's site, and a redirect would carry
        // that cross-site start on to the console, whose SameSite=Strict cookie the browser would then not send.
        return Pages.html(Views.proceed(l, null), l);
    }

    /** Where Quarkus sends a person after the password: the second step, the console, or the account page. */
    @GET
    @Path("sign-in/landing")
    @Authenticated
    @Operation(hidden = true, operationId = "signInLanding", summary = "After sign-in", description = "A signed-in person. Redirects onwards.")
    public Response landing() {
        StaffSignIn s = identity.getAttribute(StaffSignIn.ATTRIBUTE);
        if (s == null) return see("/sign-in");
        return see(switch (s.stage()) {
            case CODE_NEEDED -> "/sign-in/code";
            case ENROLMENT_NEEDED -> "/console/account/totp";
            case SIGNED_IN -> consoleOf(s.actor().role());
        });
    }

    /** The page a signed-in person lands on: the console of their role, or their account page where it has none. */
    static String consoleOf(Role role) {
        return switch (role) {
            case CERTIFIER -> "/console";
            case AUTHORITY -> "/console/account";
            case ENTERPRISE -> "/console/account";
        };
    }

    @GET
    @Path("console/account")
    @Authenticated
    @Operation(hidden = true, operationId = "accountPage", summary = "Signed-in account", description = """
            A signed-in person. Who is signed in, with sign-out and password change.""")
    public Response account(@QueryParam("lang") String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept,
                            @QueryParam("changed") String changed) {
        StaffSignIn s = identity.getAttribute(StaffSignIn.ATTRIBUTE);
        if (s == null || s.stage() == StaffSignIn.Stage.CODE_NEEDED) return see("/sign-in");
        if (s.stage() == StaffSignIn.Stage.ENROLMENT_NEEDED) return see("/console/account/totp");
        Lang l = Lang.choose(lang, accept);
        return Pages.html(accountView(s, l, changed != null ? messages.of(l).accountPasswordChanged() : null, false), l);
    }

    @POST
    @Path("console/account/password")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true, operationId = "changePassword", summary = "Change the password", description = """
            A signed-in person, with the form's token, the current password and the new one twice.""")
    public Response changePassword(@RestForm("csrf-token") String csrf, @RestForm("oldPassword") String oldPassword,
                                   @RestForm("newPassword") String newPassword, @RestForm("repeat") String repeat,
                                   @QueryParam("lang") String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept) {
        Lang l = Lang.choose(lang, accept);
        StaffSignIn s = identity.getAttribute(StaffSignIn.ATTRIBUTE);
        if (s == null || s.stage() != StaffSignIn.Stage.SIGNED_IN) return see("/sign-in");
        if (!tokens.valid(s.secret(), csrf)) return refusedForm(l);
        Msg m = messages.of(l);
        if (newPassword == null || !newPassword.equals(repeat)) {
            return status(400, accountView(s, l, m.passwordMismatch(), true), l);
        }
        try {
            staff.changePassword(s, oldPassword, newPassword);
        } catch (DomainException e) {
            return status(400, accountView(s, l, problemText(e, m), true), l);
        }
        return see("/console/account?changed=1&lang=" + l.param());
    }

    @POST
    @Path("sign-out")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true, operationId = "signOut", summary = "Sign out", description = """
            A signed-in person, with the form's token. The session ends on every instance; its cookie is refused \
            from then on, even if replayed.""")
    public Response signOut(@RestForm("csrf-token") String csrf, @QueryParam("lang") String lang,
                            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept) {
        StaffSignIn s = identity.getAttribute(StaffSignIn.ATTRIBUTE);
        if (s == null) return see("/sign-in");
        if (!tokens.valid(s.secret(), csrf)) return refusedForm(Lang.choose(lang, accept));
        signIn.signOut(s.sessionId());
        return Response.seeOther(URI.create("/sign-in?signedOut=1"))
                .cookie(new NewCookie.Builder(cookieName).value("").path("/").maxAge(0).httpOnly(true)
                        .sameSite(NewCookie.SameSite.STRICT).build())
                .build();
    }

    @GET
    @Path("sign-in/code")
    @Authenticated
    @Operation(hidden = true, operationId = "signInCodePage", summary = "Second sign-in step", description = """
            A person who gave the right password and has a second factor: the form for the authenticator's code.""")
    public Response codeForm(@QueryParam("lang") String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept) {
        StaffSignIn s = identity.getAttribute(StaffSignIn.ATTRIBUTE);
        if (s == null || s.stage() != StaffSignIn.Stage.CODE_NEEDED) return see("/sign-in/landing");
        Lang l = Lang.choose(lang, accept);
        return Pages.html(codeView(s, l, null), l);
    }

    @POST
    @Path("sign-in/code")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true, operationId = "signInCode", summary = "Second sign-in step", description = """
            The form's token and the 6-digit code. A wrong or already used code counts as a failed sign-in.""")
    public Response code(@RestForm("csrf-token") String csrf, @RestForm("code") String code,
                         @QueryParam("lang") String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept) {
        Lang l = Lang.choose(lang, accept);
        StaffSignIn s = identity.getAttribute(StaffSignIn.ATTRIBUTE);
        if (s == null || s.stage() != StaffSignIn.Stage.CODE_NEEDED) return see("/sign-in/landing");
        if (!tokens.valid(s.secret(), csrf)) return refusedForm(l);
        var locked = signIn.lockedUntil(s.userName());
        if (locked.isEmpty() && totp.completeSignIn(s, code)) return see("/sign-in/landing");
        if (locked.isEmpty()) locked = signIn.countFailure(s.userName());
        if (locked.isPresent()) {
            // A locked name's half-done session ends: sign-in starts again after the lock.
            signIn.signOut(s.sessionId());
            return see("/sign-in?locked=" + locked.get().toEpochSecond());
        }
        return status(400, codeView(s, l, messages.of(l).signinCodeWrong()), l);
    }

    @GET
    @Path("console/account/totp")
    @Authenticated
    @Operation(hidden = true, operationId = "totpEnrolmentPage", summary = "Set up the second factor", description = """
            A signed-in person (or one whose role requires a second factor it has not set up yet): the otpauth URI, \
            its QR image and the form to confirm a first code.""")
    public Response totpForm(@QueryParam("lang") String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept) {
        StaffSignIn s = identity.getAttribute(StaffSignIn.ATTRIBUTE);
        if (s == null || s.stage() == StaffSignIn.Stage.CODE_NEEDED) return see("/sign-in/landing");
        if (staff.find(s.staffUserId()).hasTotp()) return see("/console/account");
        Lang l = Lang.choose(lang, accept);
        return Pages.html(totpView(s, l, null), l);
    }

    @POST
    @Path("console/account/totp")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true, operationId = "totpEnrol", summary = "Turn on the second factor", description = """
            The form's token and a first code of the authenticator app; from then on sign-in asks for a code.""")
    public Response totpConfirm(@RestForm("csrf-token") String csrf, @RestForm("code") String code,
                                @QueryParam("lang") String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept) {
        Lang l = Lang.choose(lang, accept);
        StaffSignIn s = identity.getAttribute(StaffSignIn.ATTRIBUTE);
        if (s == null || s.stage() == StaffSignIn.Stage.CODE_NEEDED) return see("/sign-in/landing");
        if (!tokens.valid(s.secret(), csrf)) return refusedForm(l);
        if (staff.find(s.staffUserId()).hasTotp()) return see("/console/account");
        if (!totp.confirm(s.staffUserId(), code)) {
            return status(400, totpView(s, l, messages.of(l).totpWrong()), l);
        }
        Msg m = messages.of(l);
        return message(l, 200, m.totpTitle(), m.totpDone());
    }

    @GET
    @Path("sign-in/password")
    @Operation(operationId = "setPasswordPage", summary = "Set a password from a link", description = """
            Anyone with a link from the authority. A used, expired or unknown link: 410 page.""")
    public Response passwordForm(@QueryParam("token") String token, @QueryParam("lang") String lang,
                                 @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept) {
        Lang l = Lang.choose(lang, accept);
        var user = staff.linkUser(token);
        if (user.isEmpty()) return linkUnusable(l);
        return Pages.html(passwordView(l, token, user.get().userName, null), l);
    }

    @POST
    @Path("sign-in/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(operationId = "setPassword", summary = "Set a password from a link", description = """
            Anyone with a link, with the form's token and the new password twice. The link works once.""")
    public Response setPassword(@RestForm("token") String token, @RestForm("csrf-token") String csrf,
                                @RestForm("password") String password, @RestForm("repeat") String repeat,
                                @QueryParam("lang") String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept) {
        Lang l = Lang.choose(lang, accept);
        if (token == null || !tokens.valid(token, csrf)) return refusedForm(l);
        Msg m = messages.of(l);
        var user = staff.linkUser(token);
        if (user.isEmpty()) return linkUnusable(l);
        if (password == null || !password.equals(repeat)) {
            return status(400, passwordView(l, token, user.get().userName, m.passwordMismatch()), l);
        }
        try {
            staff.setPassword(token, password);
        } catch (LinkUnusable e) {
            return linkUnusable(l);
        } catch (DomainException e) {
            return status(400, passwordView(l, token, user.get().userName, problemText(e, m)), l);
        }
        return message(l, 200, m.passwordSetTitle(), m.passwordSetText());
    }

    private String codeView(StaffSignIn s, Lang l, String notice) {
        return Pages.render(Views.code(l, null, tokens.of(s.secret()), notice), l);
    }

    private String totpView(StaffSignIn s, Lang l, String notice) {
        return Pages.render(Views.totp(l, null, tokens.of(s.secret()), notice, totp.enrolment(s.staffUserId()),
                s.stage() == StaffSignIn.Stage.ENROLMENT_NEEDED), l);
    }

    private String accountView(StaffSignIn s, Lang l, String notice, boolean alert) {
        return Pages.render(Views.account(l, null, s, tokens.of(s.secret()), notice, alert, policy.min(),
                staff.find(s.staffUserId()).hasTotp()), l);
    }

    private String passwordView(Lang l, String token, String userName, String notice) {
        return Pages.render(Views.password(l, null, token, userName, tokens.of(token), notice, policy.min()), l);
    }

    Response refusedForm(Lang l) {
        Msg m = messages.of(l);
        return message(l, 403, m.formRefusedTitle(), m.formRefusedText());
    }

    private Response linkUnusable(Lang l) {
        Msg m = messages.of(l);
        return message(l, 410, m.linkUnusableTitle(), m.linkUnusableText());
    }

    Response message(Lang l, int status, String title, String text) {
        return status(status, Pages.render(Views.message(l, null, title, text), l), l);
    }

    private static Response status(int status, String html, Lang l) {
        return Response.fromResponse(Pages.html(html, l)).status(status).build();
    }

    static String problemText(DomainException e, Msg m) {
        if (e.getMessage().contains("current password")) return m.passwordOldWrong();
        if (e.getMessage().contains("user name")) return m.passwordIsName();
        if (e.getMessage().contains("at least")) return m.passwordShort();
        return m.passwordRefused();
    }

    private String clock(String epoch) {
        try {
            Instant at = Instant.ofEpochSecond(Long.parseLong(epoch.trim()));
            return DateTimeFormatter.ofPattern("HH:mm").withZone(config.pages().timeZone()).format(at);
        } catch (RuntimeException e) {
            return "?";
        }
    }

    private static Response see(String path) {
        return Response.seeOther(URI.create(path)).build();
    }
}
