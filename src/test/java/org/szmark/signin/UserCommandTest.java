package org.szmark.signin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.szmark.cli.Commands;
import org.szmark.support.Api;
import picocli.CommandLine;

/**
 * {@code user create} inside the running registry: it makes the staff user as the authority would and prints a
 * link that sets the password once; bad input is refused with exit code 2 and nothing made.
 */
@QuarkusTest
class UserCommandTest {

    @Inject CommandLine.IFactory factory;

    record Run(int exit, String out, String err) {}

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Commands.execute(factory, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), a -> {
                    throw new AssertionError("started a second registry");
                }, args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void createsAnAuthorityUserWhoseLinkSetsThePasswordOnce() {
        String name = "first-" + Api.uniqueSuffix().toLowerCase();
        Run r = run("user", "create", "--user-name", name, "--name", "第一位审核员");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Created staff user " + name + " (AUTHORITY");
        Matcher link = Pattern.compile("/sign-in/password\\?token=(\\S+)").matcher(r.out());
        assertThat(link.find()).isTrue();
        String token = link.group(1);
        given().queryParam("token", token).get("/sign-in/password").then().statusCode(200).body(containsString(name));
        // The user is the authority's like one made through the API: the authority lists it.
        Api.authority().get("/api/v1/staff").then().statusCode(200).body(containsString(name));
        Staff.setPassword("?token=" + token, Staff.PASSWORD).then().statusCode(200);
        Staff.signIn(name, Staff.newAddress());
        given().queryParam("token", token).get("/sign-in/password").then().statusCode(410);
    }

    @Test
    void badInputIsRefusedWithExitCode2AndNothingMade() {
        String name = "dup-" + Api.uniqueSuffix().toLowerCase();
        assertThat(run("user", "create", "--user-name", name, "--name", "A").exit()).isZero();
        Run taken = run("user", "create", "--user-name", name, "--name", "B");
        assertThat(taken.exit()).isEqualTo(2);
        assertThat(taken.err()).contains("The user name " + name + " is taken").doesNotContain("Exception");

        String other = "bad-" + Api.uniqueSuffix().toLowerCase();
        Run noBody = run("user", "create", "--user-name", other, "--name", "C", "--role", "CERTIFIER");
        assertThat(noBody.exit()).isEqualTo(2);
        assertThat(noBody.err()).contains("bodyId");
        Run bidi = run("user", "create", "--user-name", other, "--name", "evil\u202Ename");
        assertThat(bidi.exit()).isEqualTo(2);
        assertThat(bidi.err()).contains("name");
        Run role = run("user", "create", "--user-name", other, "--name", "D", "--role", "KING");
        assertThat(role.exit()).isEqualTo(2);
        assertThat(role.err()).contains("Invalid value for option '--role'");
        Api.authority().get("/api/v1/staff").then().statusCode(200).body(org.hamcrest.Matchers.not(containsString(other)));
    }
}
