package io.engagekit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.engagekit.core.testing.ImportGraph;
import io.engagekit.core.testing.ModuleArchitecture;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The core module's part of docs/ARCHITECTURE.md, and the proof that the loop check catches a loop. */
final class ArchitectureTest extends ModuleArchitecture {
  @Override
  protected String rootPackage() {
    return "io.engagekit.core";
  }

  /** The check catches a loop: two test files in different packages that import each other. */
  @Test
  void aLoop_isFound() {
    JavaClasses loop = new ClassFileImporter().importPackages("io.engagekit.core.testing.loop");
    assertEquals(List.of(Set.of("io.engagekit.core.testing.loop.a.Ping", "io.engagekit.core.testing.loop.b.Pong")),
        ImportGraph.loops(loop));
  }
}
