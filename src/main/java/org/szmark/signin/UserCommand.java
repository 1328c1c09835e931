package org.szmark.signin;

import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.szmark.account.Role;
import org.szmark.cli.Commands;
import org.szmark.cli.HelpOption;
import org.szmark.cli.RegistryCommand;
import org.szmark.cli.SzmarkCommand;
import org.szmark.common.DomainException;
import org.szmark.text.TextRule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code user create ...}: staff users made by whoever runs the registry, before anyone can sign in. A new registry
 * has an authority API account but no person who can sign in to the console; this makes the first one (and any
 * other later, as the authority's {@code POST /api/v1/staff} does) and prints the one-time link that sets its
 * password (docs/accounts.md).
 */
@Command(name = "user", synopsisHeading = "usage: ", customSynopsis = "user create [<options>]",
        description = "Staff users of the sign-in (docs/accounts.md).",
        commandListHeading = "%nCommands:%n", subcommands = UserCommand.Create.class,
        footer = {"", "Exit codes: 0 done, 2 unusable arguments or input."})
public final class UserCommand implements Callable<Integer> {

    @Spec CommandSpec spec;
    @Mixin HelpOption help;

    /** Only "user": say which subcommands there are. */
    @Override
    public Integer call() {
        spec.commandLine().usage(SzmarkCommand.of(spec).err());
        return Commands.USAGE;
    }

    @Command(name = "create", synopsisHeading = "usage: ",
            customSynopsis = "user create --user-name <name> --name <full name> [--role AUTHORITY|CERTIFIER|ENTERPRISE]"
                    + " [--body <id> | --enterprise <id>] [--admin]",
            description = {"Create a staff user and print the one-time link that sets its password.",
                "Runs against the registry's database as configured (README.md, Configuration) while it serves or not;"
                    + " the link is valid for szmark.sign-in.link-validity and must reach its person privately."},
            footer = {"", "Exit codes: 0 created, 2 unusable arguments or input (the user name is taken, say)."})
    public static class Create extends RegistryCommand {

        @Option(names = "--user-name", required = true, paramLabel = "<name>",
                description = "3 to 64 of a-z, 0-9, '.', '_' and '-'; what the person types to sign in.")
        String userName;

        @Option(names = "--name", required = true, paramLabel = "<full name>", description = "The person's name, as shown.")
        String name;

        @Option(names = "--role", paramLabel = "<role>", defaultValue = "AUTHORITY",
                description = "AUTHORITY (default), CERTIFIER or ENTERPRISE.")
        Role role;

        @Option(names = "--body", paramLabel = "<id>", description = "The body's id, for a CERTIFIER.")
        Long bodyId;

        @Option(names = "--enterprise", paramLabel = "<id>", description = "The enterprise's id, for ENTERPRISE staff.")
        Long enterpriseId;

        @Option(names = "--admin", description = "The user may make and disable staff of its own body or enterprise.")
        boolean admin;

        @Inject StaffService staff;
        @Inject Validator validator;

        @Override
        protected int runInRegistry(PrintStream out, PrintStream err) {
            // The rules of POST /api/v1/staff: its field limits, and the characters its JSON reader refuses (control and
            // bidi characters; a name here is one line).
            List<String> refused = new ArrayList<>();
            validator.validate(new StaffViews.NewStaff(userName, name, role, bodyId, enterpriseId, admin))
                    .forEach(v -> refused.add(v.getPropertyPath() + " " + v.getMessage()));
            TextRule.check(userName, TextRule.Kind.ONE_LINE).ifPresent(r -> refused.add("userName " + r.message()));
            TextRule.check(name, TextRule.Kind.ONE_LINE).ifPresent(r -> refused.add("name " + r.message()));
            if (!refused.isEmpty()) {
                refused.stream().sorted().forEach(m -> err.println("user create: " + m));
                return Commands.USAGE;
            }
            try {
                StaffService.IssuedLink l = staff.createByOperator(userName, name, role, bodyId, enterpriseId, admin);
                out.println("Created staff user " + l.user().userName + " (" + role + ", account " + l.account().id + ").");
                out.println("Password link, valid until " + l.expiresAt() + " and usable once:");
                out.println(l.link());
                return 0;
            } catch (DomainException e) {
                err.println("user create: " + e.getMessage());
                return Commands.USAGE;
            }
        }
    }
}
