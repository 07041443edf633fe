package io.engagekit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.engagekit.core.testing.ImportGraph;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The core module's part of docs/ARCHITECTURE.md: no import loop between its files. */
final class ArchitectureTest {
  private static final JavaClasses CORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.engagekit.core");

  @Test
  void noMainFileOver450Lines() throws java.io.IOException {
    assertEquals(java.util.Map.of(), ImportGraph.longerThan(java.nio.file.Path.of(""), 450));
  }

  @Test
  void noImportLoopBetweenFiles() {
    assertTrue(CORE.contain(Touchpoint.class), "the main classes were imported");
    assertEquals(List.of(), ImportGraph.loops(CORE));
  }

  /** The check catches a loop: two test files in different packages that import each other. */
  @Test
  void aLoop_isFound() {
    JavaClasses loop = new ClassFileImporter().importPackages("io.engagekit.core.testing.loop");
    assertEquals(List.of(Set.of("io.engagekit.core.testing.loop.a.Ping", "io.engagekit.core.testing.loop.b.Pong")),
        ImportGraph.loops(loop));
  }
}
