package org.szmark.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.szmark.apidoc.ApiDocument;
import org.szmark.body.BodyRepository;
import org.szmark.config.SzmarkConfig;
import org.szmark.enterprise.EnterpriseRepository;
import org.szmark.standard.StandardService;

/** The front page: what the registry is, and where to go next. */
@Path("/")
@Tag(name = ApiDocument.PAGES)
public class LandingResource {

    @CheckedTemplate(basePath = "pages")
    static class Templates {
        static native TemplateInstance landing(Lang lang, String switchHref, boolean demo, boolean apiLinks,
                                               long eligibleStandards, long bodies, long enterprises);
    }

    @Inject StandardService standards;
    @Inject BodyRepository bodies;
    @Inject EnterpriseRepository enterprises;
    @Inject SzmarkConfig config;

    /**
     * The API description is linked only where this port serves it: not with a management interface (the
     * production profile), where the OpenAPI document, if turned on at all, is on the management port.
     */
    @ConfigProperty(name = "quarkus.management.enabled", defaultValue = "false") boolean managementInterface;
    @ConfigProperty(name = "quarkus.smallrye-openapi.enabled", defaultValue = "true") boolean openApi;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "landingPage", summary = "Landing page", description = """
            Anyone. What the registry is, its counts, and where to go next.""")
    public Response index(@QueryParam("lang") String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept) {
        Lang l = Lang.choose(lang, accept);
        return Pages.html(Templates.landing(l, null, config.demo(), openApi && !managementInterface,
                standards.search(null, null, null, true, 0, 1).total(), bodies.count(), enterprises.count()), l);
    }
}
