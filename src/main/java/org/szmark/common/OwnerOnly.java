package org.szmark.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Directories and files of the registry's own state (the H2 database, generated keys) that only the account
 * running it may open: directories 0700, files 0600. A Java process cannot set its umask, so directories get
 * their mode in the call that creates them and again explicitly (the umask may have removed owner bits), and
 * files made by others (the database's) are restricted after they appear. On file systems without POSIX
 * permissions nothing is changed and a line says so.
 */
public final class OwnerOnly {

    private static final Logger LOG = Logger.getLogger(OwnerOnly.class);
    public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private OwnerOnly() {}

    /**
     * Makes {@code dir} and any missing parents owner-only. A directory that exists already keeps its mode (it may
     * be shared on purpose, like the working directory); when group or others may enter it, a warning names it.
     *
     * @param what the directory's role, for the log ("database directory")
     */
    public static void directories(Path dir, String what) throws IOException {
        directories(dir, what, false);
    }

    /**
     * Like {@link #directories}, but a directory that exists already is made owner-only too: for a directory that is
     * the registry's own by configuration (the keys directory), which may come with a checkout at the umask's mode.
     */
    public static void ownDirectories(Path dir, String what) throws IOException {
        directories(dir, what, true);
    }

    private static void directories(Path dir, String what, boolean restrictExisting) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        if (!posix(absolute)) {
            Files.createDirectories(absolute);
            LOG.infof("The %s %s is on a file system without POSIX permissions; its access is left as the system sets it",
                    what, absolute);
            return;
        }
        if (Files.isDirectory(absolute)) {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(absolute);
            if (Collections.disjoint(mode, GROUP_OR_OTHERS)) {
                return;
            }
            if (restrictExisting) {
                Files.setPosixFilePermissions(absolute, DIRECTORY);
                LOG.infof("The %s %s was open to other accounts (%s); it is now owner-only (rwx------)",
                        what, absolute, PosixFilePermissions.toString(mode));
            } else {
                LOG.warnf("The %s %s may be opened by other accounts (%s); restrict it with: chmod 700 %s",
                        what, absolute, PosixFilePermissions.toString(mode), absolute);
            }
            return;
        }
        Path missing = absolute;
        while (missing.getParent() != null && !Files.exists(missing.getParent())) {
            missing = missing.getParent();
        }
        Files.createDirectories(absolute, PosixFilePermissions.asFileAttribute(DIRECTORY));
        for (Path d = absolute; d != null && d.startsWith(missing); d = d.getParent()) {
            Files.setPosixFilePermissions(d, DIRECTORY);
        }
    }

    /** Restricts an existing regular file to mode 0600; false when the file system has no POSIX permissions. */
    public static boolean restrictFile(Path file) throws IOException {
        if (!posix(file)) {
            return false;
        }
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && !Files.getPosixFilePermissions(file).equals(FILE)) {
            Files.setPosixFilePermissions(file, FILE);
        }
        return true;
    }

    /** Whether the file system holding {@code path} (or its nearest existing ancestor) has POSIX permissions. */
    public static boolean posix(Path path) throws IOException {
        Path existing = path.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing != null && Files.getFileStore(existing).supportsFileAttributeView(PosixFileAttributeView.class);
    }
}
