package org.szmark;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.szmark.cli.Commands;

/**
 * Entry point of the jar. With no arguments it runs the registry, exactly as Quarkus would on its own. With
 * arguments it runs one of the jar's commands through picocli ({@link org.szmark.cli.SzmarkCommand}; each has
 * {@code --help}), before and without starting Quarkus, so the offline tools open no database and no port
 * ({@link Commands} says why the dispatch is here and not in Quarkus's command mode):
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
        if (args.length == 0) {
            Quarkus.run(args);
            return;
        }
        System.exit(Commands.main(args));
    }
}
