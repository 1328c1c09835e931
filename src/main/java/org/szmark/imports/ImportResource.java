package org.szmark.imports;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.szmark.account.Actor;
import org.szmark.account.CurrentActor;
import org.szmark.account.Role;
import org.szmark.apidoc.ApiDocument;
import org.szmark.certificate.Idempotency;
import org.szmark.common.InvalidInput;
import org.szmark.common.PageRequest;
import org.szmark.imports.ImportViews.ImportPage;
import org.szmark.imports.ImportViews.ImportView;

/** Imports of holders, products and certificates from CSV or XLSX files (docs/import.md): a body's certifiers. */
@Path("/api/v1/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocument.IMPORTS)
public class ImportResource {

    static final String CSV = "text/csv";

    @Inject ImportService service;
    @Inject Idempotency idempotency;
    @Inject CurrentActor actor;
    @Inject CurrentIdentityAssociation identities;

    /** What an Idempotency-Key stands for here: the file, by its hash, and whether it is a dry run. */
    public record Sent(String sha256, boolean dryRun) {}

    @POST
    @RolesAllowed(Role.CERTIFIER_ROLE)
    @Consumes({CSV, ImportService.XLSX, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(operationId = "startImport", summary = "Import holders, products and certificates from a file", description = """
            A certifier of an ACTIVE body. The body is a CSV file (`text/csv`, UTF-8 with or without a byte order mark, \
            or `charset=GB18030`; a file that is not UTF-8 but reads as GB18030 is read so and the job warns) or an XLSX \
            workbook (its first sheet), at most szmark.imports.max-file-size (8M) and szmark.imports.max-rows (10,000) \
            rows below a header row of the columns in docs/import.md (English or Chinese headers). One row is one \
            certificate with its holder and product. The file is read at once, and refused before anything is written \
            with 400 `import-encoding`, `import-columns`, `import-format`, `import-too-many-rows` or `import-too-large` \
            (413 `payload-too-large` past the size). Then it is imported by a job: 202 with the job and its Location. \
            `dryRun=true` only reports what each row would come to. A file is all or nothing: written only when every \
            row is created or present. Importing the same file again creates nothing twice (its rows are PRESENT). \
            Errors: 403 `forbidden`, 409 `idempotency-key-reused`, 503 `imports-busy`.""")
    @APIResponse(responseCode = "202", description = "Accepted: the job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportView.class)))
    public Response start(byte[] file, @QueryParam("dryRun") String dryRun, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                          @Parameter(description = "Optional. A retry with the same key and the same file answers the same job.")
                          @HeaderParam(Idempotency.HEADER) String key) {
        boolean dry = flag(dryRun);
        Actor a = actor.get();
        MediaType type;
        try {
            type = contentType == null ? MediaType.APPLICATION_OCTET_STREAM_TYPE : MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.field(HttpHeaders.CONTENT_TYPE, "is not a media type");
        }
        ImportFile parsed = service.read(file, type.getType() + "/" + type.getSubtype(), type.getParameters().get("charset"));
        var identity = identities.getIdentity();
        Response r = idempotency.run(a, key, "POST", "/api/v1/imports?dryRun=" + dry, new Sent(parsed.sha256(), dry),
                () -> service.start(parsed, dry, a, identity), job -> job.id, String.class,
                id -> new Idempotency.Outcome(202, service.view(service.get(id, a), false)));
        return Response.fromResponse(r).location(URI.create("/api/v1/imports/" + ((ImportView) r.getEntity()).id())).build();
    }

    @GET
    @RolesAllowed(Role.CERTIFIER_ROLE)
    @Operation(operationId = "listImports", summary = "The imports of your body", description = """
            A certifier: its body's import jobs, newest first, without their row results. Paged with `page` and `size`.""")
    public ImportPage list(@BeanParam PageRequest page) {
        Actor a = actor.get();
        var jobs = service.list(a, page.page(), page.size()).stream().map(j -> service.view(j, false)).toList();
        return new ImportPage(jobs, page.page(), page.size(), service.count(a));
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Role.CERTIFIER_ROLE)
    @Operation(operationId = "getImport", summary = "An import's progress and report", description = """
            A certifier of the body that started it (another body's: 404 `not-found`). `status` QUEUED, RUNNING, \
            SUCCEEDED, REFUSED (rows refused, or the whole file: nothing written) or FAILED (nothing written); `rows` \
            total and done; `summary` counts; once finished, `results`: per row its `outcome` CREATED, PRESENT or \
            REFUSED with its `problems` (column as the file heads it, type, message), and the certificate number.""")
    public ImportView get(@PathParam("id") String id) {
        return service.view(service.get(id, actor.get()), true);
    }

    @GET
    @Path("{id}/errors.csv")
    @Produces(CSV)
    @RolesAllowed(Role.CERTIFIER_ROLE)
    @Operation(operationId = "getImportErrors", summary = "An import's refused rows as CSV", description = """
            A certifier of the body that started it. CSV (UTF-8 with a byte order mark) with the columns row, column, \
            message: one line per problem of a refused row. A cell that a spreadsheet would read as a formula (starting \
            with =, +, -, @) starts with an apostrophe. Before the job is finished: 409 `import-not-finished`.""")
    public Response errors(@PathParam("id") String id) {
        ImportJob job = service.get(id, actor.get());
        byte[] csv = service.errorsCsv(job);
        return Response.ok(csv, CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"import-" + job.id + "-errors.csv\"").build();
    }

    @GET
    @Path("template.csv")
    @Produces(CSV)
    @Operation(operationId = "getImportTemplateCsv", summary = "The import template as CSV", description = """
            Anyone. The header row of an import file, in Chinese (`lang=zh`, the default) or English (`lang=en`); \
            both are accepted. The columns are described in docs/import.md and in the XLSX template's second sheet.""")
    public Response templateCsv(@QueryParam("lang") String lang) {
        boolean zh = chinese(lang);
        return Response.ok(ImportDocuments.templateCsv(zh), CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"szmark-import" + (zh ? "-zh" : "-en") + ".csv\"").build();
    }

    @GET
    @Path("template.xlsx")
    @Produces(ImportService.XLSX)
    @Operation(operationId = "getImportTemplateXlsx", summary = "The import template as XLSX", description = """
            Anyone. A workbook whose first sheet has the header row (`lang=zh`, the default, or `lang=en`) with every \
            column formatted as text, and whose second sheet describes each column.""")
    public Response templateXlsx(@QueryParam("lang") String lang) {
        boolean zh = chinese(lang);
        return Response.ok(ImportDocuments.templateXlsx(zh), ImportService.XLSX)
                .header("Content-Disposition", "attachment; filename=\"szmark-import" + (zh ? "-zh" : "-en") + ".xlsx\"").build();
    }

    private static boolean chinese(String lang) {
        if (lang == null || lang.isBlank() || lang.equals("zh")) return true;
        if (lang.equals("en")) return false;
        throw InvalidInput.field("lang", "must be zh or en");
    }

    private static boolean flag(String value) {
        if (value == null || value.isBlank() || value.equals("false")) return false;
        if (value.equals("true")) return true;
        throw InvalidInput.field("dryRun", "must be true or false");
    }
}
