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

  /** Chromium's path; the test is skipped without one, or fails if CI requires one. */
  private static String browser() {
    String browser = chromium();
    if ("required".equals(System.getProperty("engagekit.chromium"))) {
      assertTrue(browser != null, "Chromium is required (-Dengagekit.chromium=required) but none is on the PATH");
    }
    Assumptions.assumeTrue(browser != null, "no Chromium on the PATH");
    return browser;
  }

  /** The demo's HTML report, written by the CLI. */
  private Path demoReport() {
    Path report = dir.resolve("engagekit-report.html");
    assertEquals(0, CliTestSupport.run("demo", "--report", report.toString()).status());
    return report;
  }

  /** A headless Chromium command line, quiet and offline, with its own profile; the caller adds the action. */
  private List<String> headless(String browser, String profile, String windowSize) {
    return new ArrayList<>(List.of(browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--hide-scrollbars", "--user-data-dir=" + dir.resolve(profile), "--window-size=" + windowSize));
  }

  @Test
  void report_rendersInHeadlessChromium_withEveryChartDrawn() throws IOException, InterruptedException {
    String browser = browser();
    Path report = demoReport();
    Path png = dir.resolve("report.png");
    List<String> command = headless(browser, "profile", "1400,5200");
    command.addAll(List.of("--screenshot=" + png, report.toUri().toString()));
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

  /**
   * Issue 25, item 5: the report's layout at a desktop width (1280 px) and a phone's (390 px),
   * measured in Chromium: a copy of the report with a measuring script added (the report itself
   * has none) writes the page's scroll width and each chart's rendered width into the DOM, which
   * {@code --dump-dom} prints. No width may scroll the page sideways; at 1280 px the main charts
   * sit two to a row and fill it; at 390 px every chart fits the screen.
   */
  @Test
  void report_layout_fillsADesktop_andFitsAPhone() throws IOException, InterruptedException {
    String browser = browser();
    Path report = demoReport();
    String html = Files.readString(report);
    assertTrue(!html.contains("<script"), "the report itself has no script");
    assertTrue(!html.contains("T23:59:59.999999999Z"), "dates, not instants");
    assertTrue(html.contains("total 1,882"), "thousands separators");
    // The body's scroll width exceeds its own width when anything sticks out of it (a table's own scroll box
    // clips its table, so that does not count).
    String script = "<script>document.body.setAttribute('data-layout', JSON.stringify({content: "
        + "document.body.scrollWidth, body: document.body.clientWidth, view: Math.round("
        + "document.documentElement.getBoundingClientRect().width), charts: Array.from("
        + "document.querySelectorAll('.charts:not(.small) > figure > svg')).map(s => Math.round("
        + "s.getBoundingClientRect().width))}));</script></body>";
    for (int width : new int[] {1280, 390}) {
      // Headless Chromium's window is at least 500 px wide, so a phone's 390 px is the page's own width:
      // the layout has no media queries, only containers, so it lays out as on a 390 px screen.
      Path measured = dir.resolve("measured" + width + ".html");
      Files.writeString(measured, (width < 500 ? html.replace("</head>", "<style>html{width:" + width
          + "px}</style></head>") : html).replace("</body>", script));
      List<String> command = headless(browser, "profile" + width, Math.max(width, 800) + ",900");
      command.addAll(List.of("--dump-dom", measured.toUri().toString()));
      Path dom = dir.resolve("dom" + width + ".html");
      Process p = new ProcessBuilder(command).redirectOutput(dom.toFile())
          .redirectError(dir.resolve("chromium" + width + ".log").toFile()).start();
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish in 120 s");
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("data-layout=\"([^\"]*)\"")
          .matcher(Files.readString(dom));
      assertTrue(m.find(), "no layout measured at " + width + " px: " + Files.readString(dir.resolve("chromium"
          + width + ".log")));
      com.fasterxml.jackson.databind.JsonNode layout = new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(m.group(1).replace("&quot;", "\""));
      int view = layout.get("view").asInt();
      assertEquals(width, view, layout.toString());
      assertTrue(layout.get("content").asInt() <= layout.get("body").asInt(), width + " px: the page scrolls "
          + "sideways: " + layout);
      for (com.fasterxml.jackson.databind.JsonNode chart : layout.get("charts")) {
        int w = chart.asInt();
        assertTrue(w <= view, width + " px: a chart is wider than the screen: " + layout);
        if (width == 1280) {
          assertTrue(w >= 560 && w <= view / 2, "1280 px: two charts a row, each at least 560 px: " + layout);
        } else {
          assertTrue(w >= 300, "390 px: a chart shrank below 300 px: " + layout);
        }
      }
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
