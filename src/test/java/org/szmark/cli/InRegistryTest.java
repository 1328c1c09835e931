package org.szmark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.szmark.config.SzmarkConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The second half of a {@link RegistryCommand}: inside the running registry, quarkus-picocli's factory makes the
 * command as a bean, so it runs with the registry's services injected.
 */
@QuarkusTest
class InRegistryTest {

    @Inject CommandLine.IFactory factory;

    @Command(name = "greet")
    static class Greet extends RegistryCommand {
        @Inject SzmarkConfig config;

        @Option(names = "--name", required = true)
        String name;

        @Override
        protected int runInRegistry(PrintStream out, PrintStream err) {
            out.println(name + " at " + config.publicBaseUrl());
            return 0;
        }
    }

    @Test
    void aRegistryCommandRunsAsABeanWithTheRegistrysServices() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        CommandLine cli = Commands.line(factory, print, print, args -> {
            throw new AssertionError("started a second registry");
        }, "greet", "--name", "审核员");
        cli.addSubcommand("greet", Greet.class);
        assertThat(InRegistry.running()).isTrue();
        assertThat(cli.execute("greet", "--name", "审核员")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("审核员 at http://localhost:8080");
        assertThat(cli.execute("greet")).isEqualTo(2);
    }
}
