package org.szmark.account;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.szmark.account.AccountViews.AccountView;
import org.szmark.account.AccountViews.AuditView;
import org.szmark.account.AccountViews.DisableRequest;
import org.szmark.account.AccountViews.NewAccount;
import org.szmark.account.AccountViews.NewToken;
import org.szmark.account.AccountViews.NewTokenRequest;
import org.szmark.account.AccountViews.TokenView;
import org.szmark.common.InvalidInput;
import org.szmark.common.PageRequest;
import org.szmark.common.PageView;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    @Inject AccountService service;
    @Inject CurrentActor actor;
    @Inject AuditTrail audit;

    @GET
    @Path("accounts/me")
    @RolesAllowed({Role.AUTHORITY_ROLE, Role.CERTIFIER_ROLE, Role.ENTERPRISE_ROLE})
    public AccountView me() {
        Actor a = actor.get();
        return AccountView.of(service.visibleAccount(a.accountId(), a), service.tokensOf(a.accountId()));
    }

    @GET
    @Path("accounts")
    @RolesAllowed(Role.AUTHORITY_ROLE)
    public List<AccountView> list() {
        return service.list().stream().map(a -> AccountView.of(a, null)).toList();
    }

    /** Another authority account (for a second operator or a system). */
    @POST
    @Path("accounts")
    @RolesAllowed(Role.AUTHORITY_ROLE)
    public Response createAuthority(@Valid @NotNull NewAccount request) {
        var issued = service.createAccount(Role.AUTHORITY, request.name(), null, null, request.tokenLabel());
        return Response.status(201).entity(NewToken.of(issued)).build();
    }

    /** One account with its tokens (prefixes only): the authority any, others only their own. */
    @GET
    @Path("accounts/{id}")
    @RolesAllowed({Role.AUTHORITY_ROLE, Role.CERTIFIER_ROLE, Role.ENTERPRISE_ROLE})
    public AccountView get(@PathParam("id") long id) {
        Account a = service.visibleAccount(id, actor.get());
        return AccountView.of(a, service.tokensOf(a.id));
    }

    @POST
    @Path("accounts/{id}/disable")
    @RolesAllowed(Role.AUTHORITY_ROLE)
    public AccountView disable(@PathParam("id") long id, @Valid @NotNull DisableRequest request) {
        return AccountView.of(service.disable(id, request.reason(), actor.get()), null);
    }

    @POST
    @Path("accounts/{id}/enable")
    @RolesAllowed(Role.AUTHORITY_ROLE)
    public AccountView enable(@PathParam("id") long id) {
        return AccountView.of(service.enable(id, actor.get()), null);
    }

    /** The audit trail, newest first, filtered by acting account and by target. */
    @GET
    @Path("audit")
    @RolesAllowed(Role.AUTHORITY_ROLE)
    public PageView<AuditView> audit(@QueryParam("account") String account, @QueryParam("targetType") String targetType,
                                     @QueryParam("targetId") String targetId, @BeanParam PageRequest page) {
        Long accountId = null;
        if (account != null && !account.isBlank()) {
            try {
                accountId = Long.parseLong(account.trim());
            } catch (NumberFormatException e) {
                throw InvalidInput.field("account", "must be an account id");
            }
        }
        if (targetType != null && targetType.length() > 32) throw InvalidInput.field("targetType", "must be at most 32 characters");
        if (targetId != null && targetId.length() > AuditTrail.MAX_TARGET_ID) {
            throw InvalidInput.field("targetId", "must be at most " + AuditTrail.MAX_TARGET_ID + " characters");
        }
        return audit.search(accountId, blankToNull(targetType), blankToNull(targetId), page.page(), page.size()).map(AuditView::of);
    }

    @POST
    @Path("accounts/{id}/tokens")
    @RolesAllowed({Role.AUTHORITY_ROLE, Role.CERTIFIER_ROLE, Role.ENTERPRISE_ROLE})
    public Response issueToken(@PathParam("id") long id, @Valid NewTokenRequest request) {
        String label = request == null ? null : request.label();
        return Response.status(201).entity(NewToken.of(service.issueToken(id, label, actor.get()))).build();
    }

    @DELETE
    @Path("tokens/{id}")
    @RolesAllowed({Role.AUTHORITY_ROLE, Role.CERTIFIER_ROLE, Role.ENTERPRISE_ROLE})
    public TokenView revoke(@PathParam("id") long id) {
        return TokenView.of(service.revokeToken(id, actor.get()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
