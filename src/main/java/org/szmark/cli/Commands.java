package org.szmark.cli;

import io.quarkus.runtime.Quarkus;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;
import picocli.CommandLine;

/**
 * Runs the jar's commands through picocli.
 *
 * <p>Why here and not in Quarkus's command mode: quarkus-picocli's own runner starts the application first and
 * then runs the command inside it, which opens the database (Flyway migrates at start), runs the start-up beans
 * and listens on the HTTP port. {@code verify} and {@code audit} must do none of that, and {@code load} opens only
 * the database it is given. So {@link org.szmark.Main} hands any command line to picocli before Quarkus starts,
 * and picocli runs those commands as plain objects in the launching JVM; Quarkus is never started for them. Only a
 * {@link RegistryCommand} starts the registry, in command mode and without listening, and is then made by
 * quarkus-picocli's CDI factory ({@link InRegistry}), so it gets the registry's beans.
 */
public final class Commands {
    /** picocli's exit code for unusable arguments, the one every command already used. */
    public static final int USAGE = CommandLine.ExitCode.USAGE;

    private Commands() {}

    /** The jar's entry for a command line with arguments; answers the exit code. */
    public static int main(String... args) {
        return execute(CommandLine.defaultFactory(), System.out, System.err, Commands::startRegistry, args);
    }

    /** Runs a command line offline, writing to these streams (the commands' tests call this). */
    public static int execute(PrintStream out, PrintStream err, String... args) {
        return execute(CommandLine.defaultFactory(), out, err, Commands::startRegistry, args);
    }

    /** Runs {@code command} with {@code args}, as {@code java -jar quarkus-run.jar <command> <args>} would. */
    public static int run(String command, java.util.List<String> args, PrintStream out, PrintStream err) {
        String[] line = new String[args.size() + 1];
        line[0] = command;
        for (int i = 0; i < args.size(); i++) line[i + 1] = args.get(i);
        return execute(out, err, line);
    }

    /**
     * @param factory makes the command objects: picocli's plain one before the registry runs, quarkus-picocli's CDI
     *     one inside it
     * @param registry what a {@link RegistryCommand} calls to start the registry with the command line
     */
    public static int execute(CommandLine.IFactory factory, PrintStream out, PrintStream err, ToIntFunction<String[]> registry,
                       String... args) {
        return line(factory, out, err, registry, args).execute(args);
    }

    /** The command line, ready to execute {@code args}; tests add commands to it. */
    static CommandLine line(CommandLine.IFactory factory, PrintStream out, PrintStream err, ToIntFunction<String[]> registry,
                            String... args) {
        CommandLine cli = new CommandLine(SzmarkCommand.of(out, err, args, registry), factory);
        // Paths are taken as written: "@name" is a file name, never a file of further arguments.
        cli.setExpandAtFiles(false);
        cli.setUsageHelpWidth(100);
        cli.setOut(writer(out));
        cli.setErr(writer(err));
        // A refused command line: what is wrong, then how to call the command; exit code 2. The suggestions picocli
        // makes for a mistyped command are kept, without its usual qualified name ("szmark verify"), which is not
        // how the jar is called.
        cli.setParameterExceptionHandler((e, args2) -> {
            PrintWriter w = e.getCommandLine().getErr();
            w.println(e.getMessage());
            if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
                w.println("Did you mean: " + String.join(", ", u.getSuggestions()) + "?");
            }
            e.getCommandLine().usage(w);
            return USAGE;
        });
        // The commands report their own failures; anything else is a fault, said in one line, never as a trace.
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println(line.getCommandName() + ": failed: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()));
            return CommandLine.ExitCode.SOFTWARE;
        });
        return cli;
    }

    /** picocli writes through the stream itself, so its text is encoded as the commands' own output is. */
    private static PrintWriter writer(PrintStream s) {
        return new PrintWriter(new Writer() {
            @Override
            public void write(char[] chars, int offset, int length) {
                s.print(new String(chars, offset, length));
            }

            @Override
            public void flush() {
                s.flush();
            }

            @Override
            public void close() {
                s.flush();
            }
        }, true);
    }

    /**
     * Starts the registry in command mode for a {@link RegistryCommand}: migrations, keys and start-up beans as for a
     * run, but neither the HTTP port nor the management port is opened and no scheduled job runs, and the registry
     * stops when the command returns. Answers the command's exit code.
     */
    static int startRegistry(String[] args) {
        System.setProperty("quarkus.http.host-enabled", "false");
        System.setProperty("quarkus.management.host-enabled", "false");
        System.setProperty("quarkus.scheduler.enabled", "false");
        AtomicInteger exit = new AtomicInteger(CommandLine.ExitCode.SOFTWARE);
        Quarkus.run(InRegistry.class, (code, failure) -> {
            if (failure != null) System.err.println("The registry could not start: " + failure.getMessage());
            exit.set(code);
        }, args);
        return exit.get();
    }
}
