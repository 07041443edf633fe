package io.engagekit.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What docs/ARCHITECTURE.md asks of every module, run by each module's {@code ArchitectureTest}
 * (which extends this and adds its own rules): no main source file over 450 lines, and no import
 * loop between its files ({@link ImportGraph}).
 */
public abstract class ModuleArchitecture {
  private JavaClasses classes;

  /**
   * Returns the module's root package.
   *
   * @return a package name such as {@code io.engagekit.cli}
   */
  protected abstract String rootPackage();

  /**
   * Returns the module's main classes (not its tests), imported once.
   *
   * @return the classes
   */
  protected final JavaClasses classes() {
    if (classes == null) {
      classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(rootPackage());
      assertTrue(classes.size() > 10, "the main classes of " + rootPackage() + " were imported");
    }
    return classes;
  }

  /**
   * No main source file over 450 lines.
   *
   * @throws IOException if the sources cannot be read
   */
  @Test
  public void noMainFileOver450Lines() throws IOException {
    assertEquals(Map.of(), ImportGraph.longerThan(Path.of(""), 450));
  }

  /** No import loop between the module's files. */
  @Test
  public void noImportLoopBetweenFiles() {
    assertEquals(List.of(), ImportGraph.loops(classes()));
  }
}
