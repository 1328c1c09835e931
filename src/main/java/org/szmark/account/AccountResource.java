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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.szmark.account.AccountViews.AccountView;
import org.szmark.account.AccountViews.AuditView;
import org.szmark.account.AccountViews.DisableRequest;
import org.szmark.account.AccountViews.NewAccount;
import org.szmark.account.AccountViews.NewToken;
import org.szmark.account.AccountViews.NewTokenRequest;
import org.szmark.account.AccountViews.TokenView;
import org.szmark.apidoc.ApiDocument;
import org.szmark.common.InvalidInput;
import org.szmark.common.PageRequest;
import org.szmark.common.PageView;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocument.ACCOUNTS)
public class AccountResource {

    @Inject AccountService service;
    @Inject CurrentActor actor;
    @Inject AuditTrail audit;

    @GET
    @Path("accounts/me")
    @RolesAllowed({Role.AUTHORITY_ROLE, Role.CERTIFIER_ROLE, Role.ENTERPRISE_ROLE})
    @Operation(operationId = "getMyAccount", summary = "Who am I", description = """
            Any account. The calling account (its role, its body or enterprise id) with its tokens, of which only \
            the first 13 characters are ever shown again.""")
    public AccountView me() {
        Actor a = actor.get();
        return AccountView.of(service.visibleAccount(a.accountId(), a), service.tokensOf(a.accountId()));
    }

    @GET
    @Path("accounts")
    @RolesAllowed(Role.AUTHORITY_ROLE)
    @Operation(operationId = "listAccounts", summary = "All accounts", description = """
            Authority only. Every account with its role and whether it is disabled.""")
    public List<AccountView> list() {
        return service.list().stream().map(a -> AccountView.of(a, null)).toList();
    }

    /** Another authority account (for a second operator or a system). */
    @POST
    @Path("accounts")
    @RolesAllowed(Role.AUTHORITY_ROLE)
    @Operation(operationId = "createAuthorityAccount", summary = "Make another authority account", description = """
            Authority only. An authority account (for a second operator or a system) and its first token, in \
            `token` of this answer only. Certifier and enterprise accounts are made under their body or enterprise. \
            Errors: 400 `validation`.""")
    @APIResponse(responseCode = "201", description = "Made; the token is shown this once",
            content = @Content(schema = @Schema(implementation = NewToken.class)))
    public Response createAuthority(@Valid @NotNull NewAccount request) {
        var issued = service.createAccount(Role.AUTHORITY, request.name(), null, null, request.tokenLabel());
        return Response.status(201).entity(NewToken.of(issued)).build();
    }

    /** One account with its tokens (prefixes only): the authority any, others only their own. */
    @GET
    @Path("accounts/{id}")
    @RolesAllowed({Role.AUTHORITY_ROLE, Role.CERTIFIER_ROLE, Role.ENTERPRISE_ROLE})
    @Operation(operationId = "getAccount", summary = "One account", description = """
            The authority for any account; any other account for itself only. Whether it is disabled (when, why, by \
            whom) and its tokens (prefixes only). Someone else's: 404 `not-found`.""")
    public AccountView get(@PathParam("id") long id) {
        Account a = service.visibleAccount(id, actor.get());
        return AccountView.of(a, service.tokensOf(a.id));
    }

    @POST
    @Path("accounts/{id}/disable")
    @RolesAllowed(Role.AUTHORITY_ROLE)
    @Operation(operationId = "disableAccount", summary = "Disable an account", description = """
            Authority only, with a `reason`. From the next request on the account's tokens answer 401. The last \
            enabled authority account cannot be disabled: 409 `last-authority`. Errors: 400 `validation`, 404 \
            `not-found`.""")
    public AccountView disable(@PathParam("id") long id, @Valid @NotNull DisableRequest request) {
        return AccountView.of(service.disable(id, request.reason(), actor.get()), null);
    }

    @POST
    @Path("accounts/{id}/enable")
    @RolesAllowed(Role.AUTHORITY_ROLE)
    @Operation(operationId = "enableAccount", summary = "Enable a disabled account", description = """
            Authority only. Its tokens work again (revoked ones stay revoked). Unknown: 404 `not-found`.""")
    public AccountView enable(@PathParam("id") long id) {
        return AccountView.of(service.enable(id, actor.get()), null);
    }

    /** The audit trail, newest first, filtered by acting account and by target. */
    @GET
    @Path("audit")
    @RolesAllowed(Role.AUTHORITY_ROLE)
    @Operation(operationId = "listAuditEvents", summary = "The audit trail", description = """
            Authority only. Account and registry writes with their real actor, newest first, filtered by acting \
            `account` id, `targetType` (e.g. certificate, enterprise, body, account) and `targetId`. Errors: 400 \
            `validation`.""")
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
    @Operation(operationId = "issueToken", summary = "Make a new token for your own account", description = """
            The account itself only (the authority too gets 403 `owner-only` for another account). An optional \
            `label` says what the token is for; the token is in `token` of this answer only. Rotate by making a new \
            token, then revoking the old one.""")
    @APIResponse(responseCode = "201", description = "Made; the token is shown this once",
            content = @Content(schema = @Schema(implementation = NewToken.class)))
    public Response issueToken(@PathParam("id") long id, @Valid NewTokenRequest request) {
        String label = request == null ? null : request.label();
        return Response.status(201).entity(NewToken.of(service.issueToken(id, label, actor.get()))).build();
    }

    @DELETE
    @Path("tokens/{id}")
    @RolesAllowed({Role.AUTHORITY_ROLE, Role.CERTIFIER_ROLE, Role.ENTERPRISE_ROLE})
    @Operation(operationId = "revokeToken", summary = "Revoke a token", description = """
            The token's owner or the authority. The token answers 401 from the next request on. Unknown or someone \
            else's: 404 `not-found`.""")
    public TokenView revoke(@PathParam("id") long id) {
        return TokenView.of(service.revokeToken(id, actor.get()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
