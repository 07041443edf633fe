package io.engagekit.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** README's "Write a strategy" shows the example contract test as it is compiled and run here. */
final class ReadmeTest {
  @Test
  void readme_showsTheExampleContractTest_verbatim() throws IOException {
    String readme = Files.readString(Path.of("../README.md"));
    String source = Files.readString(Path.of("src/test/java/io/engagekit/testkit/example/PurchaseShareTest.java"));
    String withoutPackage = source.substring(source.indexOf("\n\n") + 2);
    assertTrue(readme.contains("```java\n" + withoutPackage + "```\n"), "README.md does not show PurchaseShareTest");
    assertTrue(readme.contains("<artifactId>engagekit-testkit</artifactId>\n  <version>0.1.0-SNAPSHOT</version>\n"
        + "  <scope>test</scope>"), "README.md does not show the test-scoped dependency");
  }
}
