package org.szmark.signin;

import io.quarkus.oidc.TenantResolver;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Confines the OpenID Connect provider to {@value #PATH}: that path is the tenant {@value #TENANT}
 * ({@code quarkus.oidc.staff.*}), every other path the default tenant, which is turned off, so the API's bearer
 * tokens and the form sign-in never meet the provider, whatever cookies a request carries.
 */
@ApplicationScoped
public class OidcTenants implements TenantResolver {

    public static final String PATH = "/sign-in/oidc";
    static final String TENANT = "staff";
    private static final String DEFAULT_TENANT = "Default";

    @Override
    public String resolve(RoutingContext context) {
        String path = context.normalizedPath();
        return path.equals(PATH) || path.startsWith(PATH + "/") ? TENANT : DEFAULT_TENANT;
    }
}
