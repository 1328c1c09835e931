package org.szmark.cli;

import io.quarkus.arc.Arc;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import picocli.CommandLine;

/**
 * The registry in command mode, running one {@link RegistryCommand}: the command line is parsed again with
 * quarkus-picocli's factory, which makes command objects as CDI beans, and executed; its exit code ends the run.
 */
public class InRegistry implements QuarkusApplication {

    @Inject CommandLine.IFactory factory;

    @Override
    public int run(String... args) {
        return Commands.execute(factory, System.out, System.err, a -> {
            throw new IllegalStateException("the registry is running already");
        }, args);
    }

    /** Whether this code runs inside the started registry rather than in the JVM that launches it. */
    static boolean running() {
        return Arc.container() != null && Arc.container().isRunning();
    }
}
