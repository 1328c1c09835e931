package org.szmark;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Arrays;
import java.util.List;
import org.szmark.verify.OfflineVerifier;

/**
 * Entry point of the jar. With no command it runs the registry; the commands below are tools that need
 * no running registry and exit when done.
 *
 * <ul>
 *   <li>{@code verify --trust-list <file> [--authority-key <base64>] <label image>}: check a label offline</li>
 *   <li>{@code audit [--key <log verifier key>] <base URL>}: recompute a registry's public log and check its
 *       checkpoints (docs/log.md)</li>
 *   <li>{@code load --jdbc-url <url> ...}: fill a database with many signed, logged certificates for
 *       capacity tests (docs/performance.md)</li>
 * </ul>
 */
@QuarkusMain
public class Main {

    public static void main(String... args) {
        if (args.length > 0 && args[0].equals("verify")) {
            List<String> rest = Arrays.asList(args).subList(1, args.length);
            System.exit(OfflineVerifier.run(rest, System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("audit")) {
            List<String> rest = Arrays.asList(args).subList(1, args.length);
            System.exit(org.szmark.log.audit.AuditCommand.run(rest, System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("load")) {
            List<String> rest = Arrays.asList(args).subList(1, args.length);
            System.exit(org.szmark.bulk.LoadCommand.run(rest, System.out, System.err));
        }
        Quarkus.run(args);
    }
}
