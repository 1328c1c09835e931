package org.szmark.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that works with the registry's own database, keys and services but serves nothing, such as creating
 * the first authority staff user. Its subclass declares picocli options (it has {@code --help} from here) and
 * {@code @Inject} members, and implements {@link #runInRegistry}.
 *
 * <p>It runs twice over the same arguments. First in the launching JVM, as a plain object: picocli parses and checks
 * the options there, so {@code --help} and bad options answer at once (exit 0 or 2) without touching the database.
 * Then {@link #call} starts the registry in command mode ({@link Commands#startRegistry}); there the command line is
 * parsed again by {@link InRegistry} with quarkus-picocli's CDI factory, which makes this command as a bean (picocli
 * commands with injected members are {@code @Dependent} beans), and this time {@link #call} runs {@link #runInRegistry}.
 */
public abstract class RegistryCommand implements Callable<Integer> {

    @Spec CommandSpec spec;
    @Mixin HelpOption help;

    /** The work, inside the running registry; answers the exit code (0 done, 1 failed, 2 unusable input). */
    protected abstract int runInRegistry(PrintStream out, PrintStream err) throws Exception;

    @Override
    public final Integer call() throws Exception {
        SzmarkCommand top = SzmarkCommand.of(spec);
        return InRegistry.running() ? runInRegistry(top.out(), top.err()) : top.runInRegistry();
    }
}
