package org.szmark.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;
import org.szmark.bulk.LoadCommand;
import org.szmark.log.audit.AuditCommand;
import org.szmark.signin.UserCommand;
import org.szmark.verify.VerifyCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The jar's command line: {@code java -jar quarkus-run.jar <command> ...}. Without arguments the jar runs the
 * registry and never gets here ({@link org.szmark.Main}).
 *
 * <p>A new command is one more entry in {@code subcommands}. One that works offline implements
 * {@code Callable<Integer>} and gets its output streams from {@link #of}; one that needs the registry's database
 * and services, such as {@code user create} ({@link UserCommand}), extends {@link RegistryCommand} and has its beans
 * injected.
 */
@Command(name = "szmark", synopsisHeading = "usage: ", customSynopsis = "java -jar quarkus-run.jar [<command> [<options>]]",
        description = "The Shenzhen Standard mark registry. Without a command, runs the registry (README.md). The commands"
                + " are tools that run without the registry and exit when done.",
        commandListHeading = "%nCommands:%n",
        subcommands = {VerifyCommand.class, AuditCommand.class, LoadCommand.class, UserCommand.class, HelpCommand.class},
        footer = {"", "Each command has --help. Exit codes: 0 done, 1 the check or load failed, 2 unusable arguments or input."})
public final class SzmarkCommand implements Callable<Integer> {

    @Mixin HelpOption help;
    @Spec CommandSpec spec;

    private PrintStream out;
    private PrintStream err;
    private String[] args;
    private ToIntFunction<String[]> registry;

    /**
     * Made by {@link #of(PrintStream, PrintStream, String[], ToIntFunction)} only. No constructor parameters: an
     * {@code @Command} class with some would be made a CDI bean by quarkus-picocli, and this one is never a bean.
     */
    private SzmarkCommand() {}

    /**
     * @param args the whole command line, for a {@link RegistryCommand} to hand to the registry it starts
     * @param registry starts the registry in command mode with these arguments and answers the command's exit code
     */
    static SzmarkCommand of(PrintStream out, PrintStream err, String[] args, ToIntFunction<String[]> registry) {
        SzmarkCommand c = new SzmarkCommand();
        c.out = out;
        c.err = err;
        c.args = args.clone();
        c.registry = registry;
        return c;
    }

    /** The top command of the command line that {@code spec} belongs to. */
    public static SzmarkCommand of(CommandSpec spec) {
        return (SzmarkCommand) spec.root().userObject();
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    /** Starts the registry in command mode to run the {@link RegistryCommand} these arguments name. */
    int runInRegistry() {
        return registry.applyAsInt(args.clone());
    }

    /** Options only, no command (there are none but --help): say what is possible. */
    @Override
    public Integer call() {
        spec.commandLine().usage(err);
        return Commands.USAGE;
    }
}
