package org.szmark.console;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.szmark.account.Actor;
import org.szmark.config.SzmarkConfig;
import org.szmark.imports.ImportRefused;
import org.szmark.imports.ImportService;
import org.szmark.imports.ImportViews.ImportView;

/** The console's imports: the same jobs as {@code /api/v1/imports}, started from an upload form. */
@ApplicationScoped
public class ConsoleImports {

    @Inject ImportService service;
    @Inject CurrentIdentityAssociation identities;
    @Inject SzmarkConfig config;

    public List<ImportView> recent(Actor a) {
        return QuarkusTransaction.requiringNew().call(() -> service.list(a, 0, 10).stream().map(j -> service.view(j, false)).toList());
    }

    /** Reads the uploaded file as the API reads a sent one, by its bytes and name, and starts its job. */
    public String start(Actor a, FileUpload file, boolean dryRun) {
        if (file == null || file.uploadedFile() == null || file.size() == 0) {
            throw new ImportRefused("import-format", "Choose a file to import (CSV or XLSX)");
        }
        if (file.size() > config.imports().maxFileSize().asLongValue()) {
            throw new ImportRefused("import-too-large", "The file is larger than " + config.imports().maxFileSize().asLongValue()
                    + " bytes (szmark.imports.max-file-size)");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = file.fileName() == null ? "" : file.fileName().toLowerCase(Locale.ROOT);
        String type = name.endsWith(".csv") ? "text/csv" : name.endsWith(".xlsx") ? ImportService.XLSX : "application/octet-stream";
        var parsed = service.read(bytes, type, null);
        var identity = identities.getIdentity();
        return QuarkusTransaction.requiringNew().call(() -> service.start(parsed, dryRun, a, identity).id);
    }

    public ImportView job(Actor a, String id) {
        return QuarkusTransaction.requiringNew().call(() -> service.view(service.get(id, a), true));
    }

    public byte[] errorsCsv(Actor a, String id) {
        return QuarkusTransaction.requiringNew().call(() -> service.errorsCsv(service.get(id, a)));
    }
}
