package org.szmark.verify;

import java.util.concurrent.Callable;
import org.szmark.cli.HelpOption;
import org.szmark.cli.SzmarkCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code verify}: checks a label image offline, without the registry ({@link OfflineVerifier}). */
@Command(name = "verify", synopsisHeading = "usage: ", customSynopsis = {OfflineVerifier.USAGE, OfflineVerifier.USAGE_2},
        description = {"Check a label image offline, against a saved trust list.",
            "Decodes the QR code in the image, verifies its signature against the trust list (GET /trust-list) and prints"
                + " what the label claims. Suspensions and revocations need the online check."},
        footer = {"", "Exit codes: 0 genuine signature, 1 not genuine, 2 unusable input."})
public final class VerifyCommand implements Callable<Integer> {

    @Spec CommandSpec spec;
    @Mixin HelpOption help;

    @Option(names = "--trust-list", required = true, paramLabel = "<trust-list.json>",
            description = "The trust list as GET /trust-list gives it.")
    String trustList;

    @Option(names = "--authority-key", paramLabel = "<base64>",
            description = "The authority's Ed25519 public key (GET /trust-list/authority, pinned out of band); without it the"
                    + " trust list's signature is not checked.")
    String authorityKey;

    @Parameters(index = "0", paramLabel = "<label image>", description = "PNG or JPEG of the label or its QR code.")
    String image;

    @Override
    public Integer call() {
        SzmarkCommand top = SzmarkCommand.of(spec);
        return OfflineVerifier.verify(trustList, authorityKey, image, top.out(), top.err());
    }
}
