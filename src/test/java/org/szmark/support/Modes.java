package org.szmark.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.szmark.common.OwnerOnly;

/** File modes in tests: as text ("rwx------"), and skipping where the file system has none. */
public final class Modes {
    private Modes() {}

    public static String of(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    public static void assumePosix(Path dir) throws IOException {
        assumeTrue(OwnerOnly.posix(dir), "the temporary directory has no POSIX permissions");
    }
}
