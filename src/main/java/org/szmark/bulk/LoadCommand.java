package org.szmark.bulk;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.szmark.crypto.KeySealer;

/**
 * {@code load --jdbc-url <url> [--user u] [--password p] [--keys-dir keys | --master-key <base64>]
 * [--certificates n] [--enterprises n] [--seed n] [--threads n] [--commit-every n] [--bodies a,b]
 * [--tokens-out file] [--token-sample n]}:
 * runs the {@link BulkLoader}. Exit codes: 0 loaded, 1 the load failed, 2 unusable arguments.
 */
public final class LoadCommand {

    static final String USAGE = "usage: load --jdbc-url <url> [--user <name>] [--password <pw>]"
            + " [--keys-dir <dir> | --master-key <base64>] [--certificates <n>] [--enterprises <n>] [--seed <n>]"
            + " [--threads <n>] [--commit-every <n>] [--bodies <code,code,...>] [--tokens-out <file>] [--token-sample <n>]";
    private static final Set<String> OPTIONS = Set.of("--jdbc-url", "--user", "--password", "--keys-dir", "--master-key",
            "--certificates", "--enterprises", "--seed", "--threads", "--commit-every", "--bodies", "--tokens-out", "--token-sample");

    private LoadCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!OPTIONS.contains(a) || i + 1 >= args.size() || o.put(a, args.get(++i)) != null) {
                err.println(USAGE);
                return 2;
            }
        }
        if (!o.containsKey("--jdbc-url") || (o.containsKey("--keys-dir") && o.containsKey("--master-key"))) {
            err.println(USAGE);
            return 2;
        }
        BulkLoader.Settings settings;
        byte[] master;
        try {
            settings = new BulkLoader.Settings(
                    Integer.parseInt(o.getOrDefault("--certificates", "1000000")),
                    Integer.parseInt(o.getOrDefault("--enterprises", "100000")),
                    Long.parseLong(o.getOrDefault("--seed", "1")),
                    Integer.parseInt(o.getOrDefault("--threads", String.valueOf(Runtime.getRuntime().availableProcessors()))),
                    Integer.parseInt(o.getOrDefault("--commit-every", "10000")),
                    o.containsKey("--bodies") ? Set.of(o.get("--bodies").split(",")) : Set.of(),
                    o.containsKey("--tokens-out") ? Path.of(o.get("--tokens-out")) : null,
                    Integer.parseInt(o.getOrDefault("--token-sample", "20000")));
            String base64 = o.containsKey("--master-key") ? o.get("--master-key")
                    : Files.readString(Path.of(o.getOrDefault("--keys-dir", "keys"), "master.key"), StandardCharsets.US_ASCII);
            master = KeySealer.masterKeyFromBase64(base64.trim());
        } catch (NumberFormatException e) {
            err.println("load: not a number: " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException | java.io.IOException e) {
            err.println("load: " + e.getMessage());
            return 2;
        }
        try (Connection db = connect(o.get("--jdbc-url"), o.getOrDefault("--user", ""), o.getOrDefault("--password", ""))) {
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
