package org.szmark.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The PNG writer against an independent PNG reader (the JDK's ImageIO). */
class MonochromePngTest {

    private static void assertSamePixels(boolean[][] grid, int margin, int scale) throws Exception {
        int w = grid[0].length;
        int h = grid.length;
        byte[] png = MonochromePng.write((x, y) -> grid[y][x], w, h, margin, scale);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(img.getWidth()).isEqualTo((w + 2 * margin) * scale);
        assertThat(img.getHeight()).isEqualTo((h + 2 * margin) * scale);
        for (int py = 0; py < img.getHeight(); py++) {
            for (int px = 0; px < img.getWidth(); px++) {
                int mx = px / scale - margin;
                int my = py / scale - margin;
                boolean dark = mx >= 0 && my >= 0 && mx < w && my < h && grid[my][mx];
                int rgb = img.getRGB(px, py) & 0xFFFFFF;
                assertThat(rgb).as("pixel %d,%d", px, py).isEqualTo(dark ? 0x000000 : 0xFFFFFF);
            }
        }
    }

    @Test
    void randomGridsReadBackPixelForPixel() throws Exception {
        Random r = new Random(42);
        int[][] shapes = {{1, 1, 0, 1}, {21, 21, 4, 8}, {57, 57, 4, 3}, {5, 3, 2, 7}, {9, 13, 0, 1}};
        for (int[] s : shapes) {
            boolean[][] grid = new boolean[s[1]][s[0]];
            for (boolean[] row : grid) for (int x = 0; x < row.length; x++) row[x] = r.nextBoolean();
            assertSamePixels(grid, s[2], s[3]);
        }
    }

    @Test
    void allDarkAndAllLightGrids() throws Exception {
        assertSamePixels(new boolean[][] {{true, true}, {true, true}}, 1, 5);
        assertSamePixels(new boolean[][] {{false, false, false}}, 0, 9);
    }

    @Test
    void refusesEmptyGridsAndBadScales() {
        assertThatThrownBy(() -> MonochromePng.write((x, y) -> true, 0, 1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MonochromePng.write((x, y) -> true, 1, 1, -1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MonochromePng.write((x, y) -> true, 1, 1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
