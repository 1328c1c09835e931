package org.szmark.signin;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
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
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.szmark.account.Role;
import org.szmark.apidoc.ApiDocument;
import org.szmark.common.DomainException;
import org.szmark.config.SzmarkConfig;
import org.szmark.web.Lang;
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

    @Inject @Location("signin/sign-in.html") Template signInPage;
    @Inject @Location("signin/account.html") Template accountPage;
    @Inject @Location("signin/password.html") Template passwordPage;
    @Inject @Location("signin/message.html") Template messagePage;
    @Inject @Location("signin/code.html") Template codePage;
    @Inject @Location("signin/totp.html") Template totpPage;
    @Inject @Location("signin/continue.html") Template continuePage;
    @Inject ProviderSessions providerSessions;
    @Inject io.vertx.ext.web.RoutingContext routing;
    @Inject TotpService totp;
    @Inject SignInTexts texts;
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
        Map<String, String> t = texts.of(l);
        String notice = null;
        if (locked != null) {
            notice = t.get("signin.locked").replace("{until}", clock(locked, l));
        } else if (error != null) {
            notice = t.get("signin.wrong");
        } else if (signedOut != null) {
            notice = t.get("signin.signed-out");
        }
        SzmarkConfig.SignIn.Oidc oidc = config.signIn().oidc();
        String oidcLink = oidc.enabled() ? t.get("signin.oidc").replace("{provider}", oidc.providerName()) : null;
        return Pages.html(page(signInPage, l).data("notice", notice).data("alert", locked != null || error != null)
                .data("oidcLink", oidcLink), l);
    }

    /**
     * Sign-in through the OpenID Connect provider. Only when {@code szmark.sign-in.oidc.enabled}: quarkus-oidc's
     * authorization code flow guards this path alone (tenant {@code staff}, {@link OidcTenants}), so a person arrives
     * here with a verified ID token. Its claims name an existing staff user; the registry's own session follows.
     */
    @GET
    @Path("sign-in/oidc")
    @Operation(operationId = "signInOidc", summary = "Staff sign-in through the OpenID Connect provider", description = """
            Anyone; only when OpenID Connect sign-in is turned on (404 otherwise). Sends the browser to the provider             and, back from it with a verified ID token, opens the session of the staff user the token names: a page             that continues to the console. A person who is no staff user, or whose user is disabled: 403 page.""")
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
            return message(l, 403, e.reason == SignInService.ProviderRefusal.DISABLED ? "oidc.disabled" : "oidc.unknown");
        }
        providerSessions.endProviderSession();
        providerSessions.open(routing, secret);
        // A page rather than a redirect: the browser comes here from the provider's site, and a redirect would carry
        // that cross-site start on to the console, whose SameSite=Strict cookie the browser would then not send.
        return Pages.html(page(continuePage, l), l);
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
            case SIGNED_IN -> s.actor().role() == Role.CERTIFIER ? "/console" : "/console/account";
        });
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
        return Pages.html(accountView(s, l, changed != null ? texts.of(l).get("account.password.changed") : null, false), l);
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
        Map<String, String> t = texts.of(l);
        if (newPassword == null || !newPassword.equals(repeat)) {
            return Response.fromResponse(Pages.html(accountView(s, l, t.get("password.mismatch"), true), l)).status(400).build();
        }
        try {
            staff.changePassword(s, oldPassword, newPassword);
        } catch (DomainException e) {
            return Response.fromResponse(Pages.html(accountView(s, l, problemText(e, t), true), l)).status(400).build();
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
        return Response.fromResponse(Pages.html(codeView(s, l, texts.of(l).get("signin.code.wrong")), l)).status(400).build();
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
            return Response.fromResponse(Pages.html(totpView(s, l, texts.of(l).get("totp.wrong")), l)).status(400).build();
        }
        return message(l, 200, "totp.done");
    }

    @GET
    @Path("sign-in/password")
    @Operation(operationId = "setPasswordPage", summary = "Set a password from a link", description = """
            Anyone with a link from the authority. A used, expired or unknown link: 410 page.""")
    public Response passwordForm(@QueryParam("token") String token, @QueryParam("lang") String lang,
                                 @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept) {
        Lang l = Lang.choose(lang, accept);
        var user = staff.linkUser(token);
        if (user.isEmpty()) return message(l, 410, "link.unusable");
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
        Map<String, String> t = texts.of(l);
        var user = staff.linkUser(token);
        if (user.isEmpty()) return message(l, 410, "link.unusable");
        if (password == null || !password.equals(repeat)) {
            return Response.fromResponse(Pages.html(passwordView(l, token, user.get().userName, t.get("password.mismatch")), l))
                    .status(400).build();
        }
        try {
            staff.setPassword(token, password);
        } catch (LinkUnusable e) {
            return message(l, 410, "link.unusable");
        } catch (DomainException e) {
            return Response.fromResponse(Pages.html(passwordView(l, token, user.get().userName, problemText(e, t)), l))
                    .status(400).build();
        }
        return message(l, 200, "password.set");
    }

    private TemplateInstance page(Template template, Lang l) {
        return template.data("lang", l).data("t", texts.of(l));
    }

    private String codeView(StaffSignIn s, Lang l, String notice) {
        return page(codePage, l).data("csrf", tokens.of(s.secret())).data("notice", notice).render();
    }

    private String totpView(StaffSignIn s, Lang l, String notice) {
        TotpService.Enrolment e = totp.enrolment(s.staffUserId());
        return page(totpPage, l).data("csrf", tokens.of(s.secret())).data("notice", notice).data("enrolment", e)
                .data("required", s.stage() == StaffSignIn.Stage.ENROLMENT_NEEDED).render();
    }

    private String accountView(StaffSignIn s, Lang l, String notice, boolean alert) {
        return page(accountPage, l).data("who", s).data("csrf", tokens.of(s.secret())).data("notice", notice)
                .data("alert", alert).data("minLength", policy.min())
                .data("totp", staff.find(s.staffUserId()).hasTotp())
                .data("roleText", texts.of(l).get("role." + s.actor().role().name())).render();
    }

    private String passwordView(Lang l, String token, String userName, String notice) {
        return page(passwordPage, l).data("token", token).data("userName", userName).data("csrf", tokens.of(token))
                .data("notice", notice).data("minLength", policy.min())
                .data("rule", texts.of(l).get("password.rule").replace("{min}", String.valueOf(policy.min()))).render();
    }

    Response refusedForm(Lang l) {
        return message(l, 403, "form.refused");
    }

    Response message(Lang l, int status, String key) {
        Map<String, String> t = texts.of(l);
        String html = page(messagePage, l).data("title", t.get(key + ".title")).data("text", t.get(key + ".text")).render();
        return Response.fromResponse(Pages.html(html, l)).status(status).build();
    }

    static String problemText(DomainException e, Map<String, String> t) {
        if (e.getMessage().contains("current password")) return t.get("password.old-wrong");
        if (e.getMessage().contains("user name")) return t.get("password.is-name");
        if (e.getMessage().contains("at least")) return t.get("password.short");
        return t.get("password.refused");
    }

    private String clock(String epoch, Lang l) {
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
