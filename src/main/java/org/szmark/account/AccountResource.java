package org.szmark.account;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.szmark.account.AccountViews.AccountView;
import org.szmark.account.AccountViews.NewAccount;
import org.szmark.account.AccountViews.NewToken;
import org.szmark.account.AccountViews.NewTokenRequest;
import org.szmark.account.AccountViews.TokenView;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    @Inject AccountService service;
    @Inject CurrentActor actor;

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
}
