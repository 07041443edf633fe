package io.engagekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's report renders in headless Chromium and its charts are drawn: a screenshot holds the
 * series colours in quantity. Skipped when no Chromium is installed, unless the system property
 * {@code engagekit.chromium} is {@code required} ({@code .ci/run} installs Debian's chromium and
 * sets it), when a missing browser fails the test.
 */
final class ReportScreenshotTest {
  @TempDir Path dir;

  private static String chromium() {
    for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
      for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
        if (Files.isExecutable(Path.of(p, name))) {
          return Path.of(p, name).toString();
        }
      }
    }
    return null;
  }

  @Test
  void report_rendersInHeadlessChromium_withEveryChartDrawn() throws IOException, InterruptedException {
    String browser = chromium();
    if ("required".equals(System.getProperty("engagekit.chromium"))) {
      assertTrue(browser != null, "Chromium is required (-Dengagekit.chromium=required) but none is on the PATH");
    }
    Assumptions.assumeTrue(browser != null, "no Chromium on the PATH");
    Path report = dir.resolve("engagekit-report.html");
    assertEquals(0, CliTestSupport.run("demo", "--report", report.toString()).status());
    Path png = dir.resolve("report.png");
    List<String> command = new ArrayList<>(List.of(browser, "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + dir.resolve("profile"), "--window-size=1400,5200",
        "--screenshot=" + png, report.toUri().toString()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile())
        .start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish in 120 s");
    assertTrue(Files.exists(png), "no screenshot; chromium said: " + Files.readString(dir.resolve("chromium.log")));
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(1400, image.getWidth());
    // Each of the first five series colours (the strategies of both tables) fills many pixels: lines,
    // bars and legend keys were drawn, not just the page's text.
    for (int k = 0; k < 5; k++) {
      int rgb = Integer.parseInt(HtmlReport.PALETTE[k].substring(1), 16);
      long count = 0;
      for (int y = 0; y < image.getHeight(); y++) {
        for (int x = 0; x < image.getWidth(); x++) {
          if (close(image.getRGB(x, y) & 0xFFFFFF, rgb)) {
            count++;
          }
        }
      }
      assertTrue(count > 2000, HtmlReport.PALETTE[k] + " drew only " + count + " pixels");
    }
  }

  private static boolean close(int a, int b) {
    for (int shift = 0; shift <= 16; shift += 8) {
      if (Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF)) > 12) {
        return false;
      }
    }
    return true;
  }
}
