package org.szmark.signin;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.szmark.config.SzmarkConfig;

/**
 * Argon2id (RFC 9106) password hashes in the PHC string format {@code $argon2id$v=19$m=..,t=..,p=..$salt$hash}:
 * each hash carries its own salt and parameters, so the parameters can be raised later and old hashes still
 * verify (and are re-hashed at the next sign-in, see {@link #outdated}).
 */
@Singleton
public class PasswordHasher {

    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{16,64})\\$([A-Za-z0-9+/]{16,128})");
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int memory;
    private final int iterations;
    private final int parallelism;
    /** Verified against when the user name is unknown, so an unknown name costs the same work as a known one. */
    private final String dummy;

    @Inject
    public PasswordHasher(SzmarkConfig config) {
        this(config.signIn().argon2Memory(), config.signIn().argon2Iterations(), config.signIn().argon2Parallelism());
    }

    PasswordHasher(int memory, int iterations, int parallelism) {
        if (parallelism < 1 || iterations < 1 || memory < 8 * parallelism) {
            throw new IllegalArgumentException("szmark.sign-in.argon2-*: memory must be at least 8 KiB per lane, passes and lanes at least 1");
        }
        this.memory = memory;
        this.iterations = iterations;
        this.parallelism = parallelism;
        this.dummy = hash("not a password of anyone " + RANDOM.nextLong());
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] out = derive(password, salt, memory, iterations, parallelism, HASH_BYTES);
        return "$argon2id$v=19$m=" + memory + ",t=" + iterations + ",p=" + parallelism + "$" + B64.encodeToString(salt)
                + "$" + B64.encodeToString(out);
    }

    /** False for a wrong password and for a stored value that is not an Argon2id PHC string. */
    public boolean verify(String password, String encoded) {
        if (encoded == null) {
            verify(password, dummy);
            return false;
        }
        Matcher m = PHC.matcher(encoded);
        if (!m.matches()) return false;
        byte[] salt = Base64.getDecoder().decode(m.group(4));
        byte[] expected = Base64.getDecoder().decode(m.group(5));
        byte[] actual = derive(password, salt, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** The same work as verifying a real hash, for a name that has none. */
    public void burn(String password) {
        verify(password, dummy);
    }

    /** Whether a stored hash was made with weaker parameters than those configured now. */
    public boolean outdated(String encoded) {
        Matcher m = PHC.matcher(encoded);
        if (!m.matches()) return true;
        return Integer.parseInt(m.group(1)) < memory || Integer.parseInt(m.group(2)) < iterations
                || Integer.parseInt(m.group(3)) < parallelism;
    }

    private static byte[] derive(String password, byte[] salt, int memory, int iterations, int parallelism, int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memory).withIterations(iterations).withParallelism(parallelism)
                .withSalt(salt).build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
