package org.szmark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The jar's command line as picocli reads it, before any registry starts: help, refusals, dispatch. */
class CommandsTest {

    record Run(int exit, String out, String err) {}

    /** Starting the registry is what the offline commands must never do. */
    static final ToIntFunction<String[]> NO_REGISTRY = args -> {
        throw new AssertionError("the registry was started for " + String.join(" ", args));
    };

    static Run run(ToIntFunction<String[]> registry, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine cli = Commands.line(CommandLine.defaultFactory(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), registry, args);
        cli.addSubcommand("probe", new Probe());
        int exit = cli.execute(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Run run(String... args) {
        return run(NO_REGISTRY, args);
    }

    @Test
    void theTopHelpListsEveryCommand() {
        for (String help : List.of("--help", "-h", "help")) {
            Run r = run(help);
            assertThat(r.exit()).as(help).isZero();
            assertThat(r.out()).contains("usage: java -jar quarkus-run.jar").contains("Without a command, runs the registry")
                    .contains("verify").contains("audit").contains("load").contains("user").contains("Each command has --help");
            assertThat(r.err()).isEmpty();
        }
    }

    @Test
    void eachCommandHasHelpWithItsOptionsAndExitCodes() {
        List<List<String>> expected = List.of(
                List.of("verify", "usage: verify --trust-list", "--authority-key", "<label image>", "0 genuine signature"),
                List.of("audit", "usage: audit [--key", "--key-file", "<registry base URL>", "1 discrepancy found"),
                List.of("load", "usage: load --jdbc-url", "--commit-every", "default: 10000", "0 loaded"));
        for (List<String> e : expected) {
            for (String help : List.of("--help", "-h")) {
                Run r = run(e.get(0), help);
                assertThat(r.exit()).as("%s %s", e.get(0), help).isZero();
                assertThat(r.out()).contains(e.subList(1, e.size())).contains("-h, --help");
                assertThat(r.err()).isEmpty();
            }
            // "help <command>" says the same, and --help wins over options that would be refused.
            assertThat(run("help", e.get(0)).out()).contains(e.get(1));
            assertThat(run(e.get(0), "--no-such-option", "--help").exit()).isZero();
        }
    }

    @Test
    void badOptionsGetAClearMessageTheUsageAndExitCode2() {
        List<List<String>> cases = List.of(
                List.of("Unmatched argument at index 0: 'frobnicate'", "frobnicate"),
                List.of("Unknown option: '--bogus'", "--bogus"),
                List.of("Missing required option: '--trust-list", "verify", "label.png"),
                List.of("Missing required parameter: '<label image>'", "verify", "--trust-list", "t.json"),
                List.of("Missing required parameter for option '--trust-list'", "verify", "--trust-list"),
                List.of("Unmatched argument at index 4: 'two.png'", "verify", "--trust-list", "t.json", "one.png", "two.png"),
                List.of("Did you mean: --trust-list?", "verify", "--trust-list", "t.json", "--trustlist", "u.json", "label.png"),
                List.of("should be specified only once", "verify", "--trust-list", "a.json", "--trust-list", "b.json", "l.png"),
                List.of("are mutually exclusive", "audit", "--key", "k", "--key-file", "f", "http://127.0.0.1:8080"),
                List.of("Missing required parameter: '<registry base URL>'", "audit", "--key", "k"),
                List.of("Missing required option: '--jdbc-url=<url>'", "load"),
                List.of("Invalid value for option '--certificates': 'many' is not an int", "load", "--jdbc-url", "jdbc:h2:mem:x",
                        "--certificates", "many"),
                List.of("Invalid value for option '--seed'", "load", "--jdbc-url", "jdbc:h2:mem:x", "--seed", "1.5"),
                List.of("are mutually exclusive", "load", "--jdbc-url", "jdbc:h2:mem:x", "--keys-dir", "k", "--master-key", "AAAA"),
                List.of("Unknown options: '--bogus', '1'", "load", "--jdbc-url", "jdbc:h2:mem:x", "--bogus", "1"));
        for (List<String> c : cases) {
            Run r = run(c.subList(1, c.size()).toArray(String[]::new));
            assertThat(r.exit()).as("%s", c).isEqualTo(2);
            assertThat(r.err()).as("%s", c).contains(c.get(0)).contains("usage: ")
                    .doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(r.out()).as("%s", c).isEmpty();
        }
    }

    @Test
    void argumentsAreTakenAsWrittenNeverAsFilesOfArguments() {
        Run r = run("verify", "--trust-list", "@missing-trust-list.json", "label.png");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Cannot read the trust list @missing-trust-list.json");
    }

    /** A command that needs the registry: picocli checks its options here; only a usable command line starts it. */
    @Command(name = "probe")
    static final class Probe extends RegistryCommand {
        @Option(names = "--name", required = true)
        String name;

        @Override
        protected int runInRegistry(PrintStream out, PrintStream err) {
            throw new AssertionError("ran outside the registry");
        }
    }

    @Test
    void aRegistryCommandStartsTheRegistryOnlyWithUsableArguments() {
        List<String[]> started = new ArrayList<>();
        ToIntFunction<String[]> registry = args -> {
            started.add(args);
            return 7;
        };
        assertThat(run(registry, "probe", "--help").exit()).isZero();
        assertThat(run(registry, "probe").exit()).isEqualTo(2);
        assertThat(run(registry, "probe", "--name").exit()).isEqualTo(2);
        assertThat(started).isEmpty();
        // The whole command line goes to the registry, which parses it again; its exit code is the command's.
        assertThat(run(registry, "probe", "--name", "一号").exit()).isEqualTo(7);
        assertThat(started).hasSize(1);
        assertThat(started.get(0)).containsExactly("probe", "--name", "一号");
        assertThat(InRegistry.running()).isFalse();
    }

    @Test
    void userCreateChecksItsOptionsBeforeStartingTheRegistry() {
        List<String[]> started = new ArrayList<>();
        ToIntFunction<String[]> registry = args -> {
            started.add(args);
            return 0;
        };
        Run help = run(registry, "user", "create", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("usage: user create --user-name <name> --name <full name>", "--role", "--body", "--admin");
        Run user = run(registry, "user");
        assertThat(user.exit()).isEqualTo(2);
        assertThat(user.err()).contains("create");
        assertThat(run(registry, "user", "create", "--name", "x").err()).contains("Missing required option: '--user-name=<name>'");
        assertThat(run(registry, "user", "create", "--user-name", "a1", "--name", "x", "--role", "KING").err())
                .contains("Invalid value for option '--role'");
        assertThat(started).isEmpty();
        assertThat(run(registry, "user", "create", "--user-name", "a1", "--name", "x").exit()).isZero();
        assertThat(started).singleElement().satisfies(a -> assertThat(a).containsExactly("user", "create", "--user-name", "a1", "--name", "x"));
    }
}
