package io.engagekit.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.engagekit.core.testing.ImportGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * This module's part of docs/ARCHITECTURE.md: it sits over the library's exported API (never its
 * internal package), and has no import loop between its files.
 */
final class ArchitectureTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.engagekit.cli");

  @Test
  void usesTheLibrarysApiOnly() {
    assertTrue(CLASSES.size() > 10, "the main classes were imported");
    noClasses().should().dependOnClassesThat().resideInAPackage("io.engagekit.scoring.internal..").check(CLASSES);
  }

  @Test
  void noMainFileOver450Lines() throws java.io.IOException {
    assertEquals(java.util.Map.of(), ImportGraph.longerThan(java.nio.file.Path.of(""), 450));
  }

  @Test
  void noImportLoopBetweenFiles() {
    assertEquals(List.of(), ImportGraph.loops(CLASSES));
  }
}
