package org.szmark.log.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EntryBundleTest {

    @Test
    void roundTripsEntriesOfAllSizes() {
        List<byte[]> entries = List.of(new byte[0], new byte[] {7}, filled(300, 1), filled(65535, 2));
        byte[] data = EntryBundle.write(entries);
        assertThat(data).hasSize(2 + 0 + 2 + 1 + 2 + 300 + 2 + 65535);
        assertThat(Arrays.copyOf(data, 5)).containsExactly(0, 0, 0, 1, 7);
        List<byte[]> back = EntryBundle.parse(data);
        assertThat(back).hasSize(4);
        for (int i = 0; i < entries.size(); i++) {
            assertThat(back.get(i)).isEqualTo(entries.get(i));
        }
        assertThat(EntryBundle.parse(data, 4)).hasSize(4);
    }

    @Test
    void lengthPrefixIsBigEndian() {
        byte[] data = EntryBundle.write(List.of(filled(0x0102, 9)));
        assertThat(data[0]).isEqualTo((byte) 0x01);
        assertThat(data[1]).isEqualTo((byte) 0x02);
    }

    @Test
    void fullBundleRoundTrips() {
        Random random = new Random(3);
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            byte[] e = new byte[random.nextInt(100)];
            random.nextBytes(e);
            entries.add(e);
        }
        List<byte[]> back = EntryBundle.parse(EntryBundle.write(entries), 256);
        for (int i = 0; i < 256; i++) {
            assertThat(back.get(i)).isEqualTo(entries.get(i));
        }
    }

    @Test
    void writeRejectsWhatCannotBeEncoded() {
        assertThatThrownBy(() -> EntryBundle.write(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EntryBundle.write(null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EntryBundle.write(List.of(new byte[65536])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("65536 bytes");
        assertThatThrownBy(() -> EntryBundle.write(Collections.nCopies(257, new byte[1])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EntryBundle.write(Arrays.asList(new byte[1], null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parseRejectsMalformedBundles() {
        byte[] good = EntryBundle.write(List.of(new byte[] {1, 2, 3}, new byte[] {4}));
        List<byte[]> bad = new ArrayList<>();
        bad.add(new byte[0]);
        bad.add(new byte[] {0});
        bad.add(new byte[] {0, 2, 65});
        bad.add(new byte[] {(byte) 0xFF, (byte) 0xFF, 1, 2});
        bad.add(Arrays.copyOf(good, good.length + 1));
        bad.add(Arrays.copyOf(good, good.length - 1));
        byte[] dangling = Arrays.copyOf(good, good.length + 2);
        dangling[dangling.length - 1] = 5;
        bad.add(dangling);
        byte[] longer = good.clone();
        longer[1] = 4;
        bad.add(longer);
        // 257 empty entries: one more than a bundle holds.
        bad.add(new byte[2 * 257]);
        for (byte[] b : bad) {
            assertThatThrownBy(() -> EntryBundle.parse(b)).as(Arrays.toString(b))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> EntryBundle.parse(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EntryBundle.parse(good, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 3");
    }

    private static byte[] filled(int n, int v) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) v);
        return b;
    }
}
