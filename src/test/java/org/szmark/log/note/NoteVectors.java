package org.szmark.log.note;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the "## Vector" sections of /vectors/signed-note.txt. */
final class NoteVectors {

    record Vector(String title, String vkey, String skey, String note) {
    }

    private NoteVectors() {
    }

    static List<Vector> load() throws IOException {
        String all;
        try (InputStream in = NoteVectors.class.getResourceAsStream("/vectors/signed-note.txt")) {
            if (in == null) {
                throw new IOException("/vectors/signed-note.txt not on the classpath");
            }
            all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Vector> out = new ArrayList<>();
        String[] sections = all.split("\n## ");
        for (int s = 1; s < sections.length; s++) {
            String sec = sections[s];
            String title = sec.substring(0, sec.indexOf('\n'));
            String vkey = valueAfter(sec, "\nvkey: ");
            String skey = sec.contains("\nskey: ") ? valueAfter(sec, "\nskey: ") : null;
            int begin = sec.indexOf("-----BEGIN NOTE-----\n");
            int end = sec.indexOf("-----END NOTE-----");
            String note = sec.substring(begin + "-----BEGIN NOTE-----\n".length(), end);
            out.add(new Vector(title, vkey, skey, note));
        }
        return out;
    }

    private static String valueAfter(String sec, String label) {
        int i = sec.indexOf(label) + label.length();
        return sec.substring(i, sec.indexOf('\n', i)).strip();
    }
}
