package io.engagekit.flink;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import io.engagekit.core.testing.ModuleArchitecture;
import org.junit.jupiter.api.Test;

/**
 * This module's part of docs/ARCHITECTURE.md: besides the rules of every module, it sits over the
 * library's exported API, never its internal package.
 */
final class ArchitectureTest extends ModuleArchitecture {
  @Override
  protected String rootPackage() {
    return "io.engagekit.flink";
  }

  @Test
  void usesTheLibrarysApiOnly() {
    noClasses().should().dependOnClassesThat().resideInAPackage("io.engagekit.scoring.internal..").check(classes());
  }
}
