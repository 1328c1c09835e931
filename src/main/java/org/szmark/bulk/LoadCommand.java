package org.szmark.bulk;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import org.szmark.cli.Commands;
import org.szmark.cli.HelpOption;
import org.szmark.cli.SzmarkCommand;
import org.szmark.crypto.KeySealer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code load --jdbc-url <url> [--user u] [--password p] [--keys-dir keys | --master-key <base64>]
 * [--certificates n] [--enterprises n] [--seed n] [--threads n] [--commit-every n] [--bodies a,b]
 * [--tokens-out file] [--token-sample n]}:
 * runs the {@link BulkLoader}. Exit codes: 0 loaded, 1 the load failed, 2 unusable arguments.
 */
@Command(name = "load", synopsisHeading = "usage: ", customSynopsis = {LoadCommand.USAGE_1, LoadCommand.USAGE_2, LoadCommand.USAGE_3},
        description = {"Fill a database with signed, logged certificates for capacity tests.",
            "Loads the certificates (docs/performance.md) unless the database holds them already. It opens only the"
                + " database it is given; the registry need not run."},
        footer = {"", "Exit codes: 0 loaded, 1 the load failed, 2 unusable arguments."})
public final class LoadCommand implements Callable<Integer> {

    static final String USAGE_1 = "load --jdbc-url <url> [--user <name>] [--password <pw>] [--keys-dir <dir> | --master-key <base64>]";
    static final String USAGE_2 = "       [--certificates <n>] [--enterprises <n>] [--seed <n>] [--threads <n>] [--commit-every <n>]";
    static final String USAGE_3 = "       [--bodies <code,code,...>] [--tokens-out <file>] [--token-sample <n>]";

    @Spec CommandSpec spec;
    @Mixin HelpOption help;

    @Option(names = "--jdbc-url", required = true, paramLabel = "<url>", description = "jdbc:postgresql:... or jdbc:h2:...")
    String jdbcUrl;

    @Option(names = "--user", paramLabel = "<name>", defaultValue = "", description = "Database user.")
    String user;

    @Option(names = "--password", paramLabel = "<pw>", defaultValue = "", description = "Database password.")
    String password;

    /** Where the master key that seals body keys comes from; neither: {@code keys/master.key}. */
    static final class MasterKey {
        @Option(names = "--keys-dir", paramLabel = "<dir>", description = "Key directory holding master.key (default: keys).")
        String keysDir;

        @Option(names = "--master-key", paramLabel = "<base64>", description = "The master key itself.")
        String base64;
    }

    @ArgGroup(exclusive = true)
    MasterKey masterKey;

    @Option(names = "--certificates", paramLabel = "<n>", defaultValue = "1000000", description = "Certificates to hold (default: ${DEFAULT-VALUE}).")
    int certificates;

    @Option(names = "--enterprises", paramLabel = "<n>", defaultValue = "100000", description = "Enterprises (default: ${DEFAULT-VALUE}).")
    int enterprises;

    @Option(names = "--seed", paramLabel = "<n>", defaultValue = "1", description = "Seed of the generated data (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "<n>", description = "Signing threads (default: the processors).")
    Integer threads;

    @Option(names = "--commit-every", paramLabel = "<n>", defaultValue = "10000",
            description = "Certificates per transaction (default: ${DEFAULT-VALUE}).")
    int commitEvery;

    @Option(names = "--bodies", paramLabel = "<code,code,...>", description = "Body codes to load for (default: generated ones).")
    String bodies;

    @Option(names = "--tokens-out", paramLabel = "<file>", description = "Write QR tokens of loaded certificates to this file.")
    String tokensOut;

    @Option(names = "--token-sample", paramLabel = "<n>", defaultValue = "20000", description = "Tokens to write (default: ${DEFAULT-VALUE}).")
    int tokenSample;

    /** The {@code load} command line without its name, as {@code java -jar quarkus-run.jar load} takes it. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        return Commands.run("load", args, out, err);
    }

    @Override
    public Integer call() {
        SzmarkCommand top = SzmarkCommand.of(spec);
        PrintStream out = top.out();
        PrintStream err = top.err();
        BulkLoader.Settings settings;
        byte[] master;
        try {
            settings = new BulkLoader.Settings(certificates, enterprises, seed,
                    threads == null ? Runtime.getRuntime().availableProcessors() : threads, commitEvery,
                    bodies != null ? Set.of(bodies.split(",")) : Set.of(),
                    tokensOut != null ? Path.of(tokensOut) : null, tokenSample);
            String base64 = masterKey != null && masterKey.base64 != null ? masterKey.base64
                    : Files.readString(Path.of(masterKey != null && masterKey.keysDir != null ? masterKey.keysDir : "keys",
                            "master.key"), StandardCharsets.US_ASCII);
            master = KeySealer.masterKeyFromBase64(base64.trim());
        } catch (IllegalArgumentException | java.io.IOException e) {
            err.println("load: " + e.getMessage());
            return 2;
        }
        try (Connection db = connect(jdbcUrl, user, password)) {
            BulkLoader.Report r = new BulkLoader(db, new KeySealer(master), new ObjectMapper(), Clock.systemUTC(), out)
                    .load(settings);
            out.printf("loaded %,d certificates (%s) with %,d events for %,d enterprises, %d bodies, %d standards;"
                            + " log tree size %,d; took %s%n",
                    r.certificates(), r.byStatus(), r.events(), r.enterprises(), r.bodies(), r.standards(), r.treeSize(), r.took());
            return 0;
        } catch (Exception e) {
            err.println("load: failed: " + e.getMessage());
            return 1;
        }
    }

    /**
     * The driver is named rather than looked up: inside the application jar the drivers are not on the
     * class path that {@link java.sql.DriverManager} searches.
     */
    private static Connection connect(String url, String user, String password) throws java.sql.SQLException {
        Driver driver = url.startsWith("jdbc:postgresql:") ? new org.postgresql.Driver()
                : url.startsWith("jdbc:h2:") ? new org.h2.Driver() : null;
        if (driver == null) throw new java.sql.SQLException("only jdbc:postgresql: and jdbc:h2: URLs are supported");
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        return driver.connect(url, p);
    }
}
