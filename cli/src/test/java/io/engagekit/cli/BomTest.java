package io.engagekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 26, item 3: the BOM manages every published artifact at the build's version, and the parent
 * POM carries the metadata Maven Central requires.
 */
final class BomTest {
  @Test
  void bom_managesEveryPublishedArtifact_atTheBuildsVersion() throws Exception {
    String bom = Files.readString(Path.of("../bom/pom.xml"));
    String parent = Files.readString(Path.of("../pom.xml"));
    Matcher version = Pattern.compile("<artifactId>engagekit-parent</artifactId>\\s*<version>([^<]+)</version>")
        .matcher(parent);
    assertTrue(version.find());
    assertTrue(bom.contains("<artifactId>engagekit-bom</artifactId>\n  <version>" + version.group(1) + "</version>"),
        "the BOM's version follows the parent's");
    List<String> managed = new ArrayList<>();
    Matcher m = Pattern.compile("<artifactId>(engagekit-[a-z]+)</artifactId>\\s*<version>\\$\\{project.version}")
        .matcher(bom);
    while (m.find()) {
      managed.add(m.group(1));
    }
    assertEquals(List.of("engagekit-core", "engagekit-scoring", "engagekit-flink", "engagekit-testkit"), managed);
    for (String tag : List.of("<scm>", "<developers>", "<issueManagement>", "<licenses>", "<url>")) {
      assertTrue(parent.contains(tag) && bom.contains(tag), tag);
    }
  }
}
