package org.szmark.imports;

import java.nio.charset.StandardCharsets;
import org.szmark.support.Api;

/** Import files for tests outside this package: a body with a certifier, an eligible standard, rows of new holders. */
public record ImportTestFiles(Api.BodyWithCertifier body, String standard) {

    public static ImportTestFiles fixture() {
        return new ImportTestFiles(Api.newBody(), Api.newEligibleStandard());
    }

    public String row(String creditCode, String nameZh, String model, String number) {
        return new ImportTest.Fixture(body, standard).row(creditCode, nameZh, model, number);
    }

    public byte[] csv(String... rows) {
        return ImportTest.csv(rows);
    }

    public String token() {
        return body.certifierToken();
    }
}
