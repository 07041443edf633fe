package io.engagekit.scoring;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import io.engagekit.core.testing.ModuleArchitecture;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The layering of docs/ARCHITECTURE.md, checked on the class files: maths (decay, models) at the
 * bottom, the SPI and value types above it, the ideas' packages above those, then the registry and
 * the engine that assemble them, then the research tools (evaluation, simulation) that drive an
 * engine. The one dependency against the layers is named: {@code alerts.FadingInterest.alerts}
 * lists the alerts of an engine. And no import loop between files.
 */
final class ArchitectureTest extends ModuleArchitecture {
  @Override
  protected String rootPackage() {
    return "io.engagekit.scoring";
  }

  /** The root's SPI and value types: what strategies are written against. */
  private static final Set<String> SPI = Set.of("ScoringStrategy", "ScoreState", "PopulationStrategy",
      "PopulationSummary", "Score", "Contribution", "RefitPolicy", "RefittableSummary", "StateRecord");

  private static DescribedPredicate<JavaClass> root(boolean spi) {
    return DescribedPredicate.describe(spi ? "the SPI" : "the engine and registry", c -> {
      if (!c.getPackageName().equals("io.engagekit.scoring")) {
        return false;
      }
      String top = c.getName().substring("io.engagekit.scoring.".length()).split("\\$")[0];
      return SPI.contains(top) == spi;
    });
  }

  @Test
  void layers() {
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("Maths").definedBy("io.engagekit.scoring.decay..", "io.engagekit.scoring.models..")
        .layer("SPI").definedBy(root(true))
        .layer("Ideas").definedBy("io.engagekit.scoring.loyalty..", "io.engagekit.scoring.satisfaction..",
            "io.engagekit.scoring.journeys..", "io.engagekit.scoring.attribution..",
            "io.engagekit.scoring.composite..", "io.engagekit.scoring.alerts..", "io.engagekit.scoring.plans..")
        .layer("Assembly")
        .definedBy(DescribedPredicate.or(root(false), resideInAPackage("io.engagekit.scoring.internal..")))
        .layer("Tools").definedBy("io.engagekit.scoring.evaluation..", "io.engagekit.scoring.simulation..")
        .whereLayer("Tools").mayNotBeAccessedByAnyLayer()
        .whereLayer("Assembly").mayOnlyBeAccessedByLayers("Tools")
        .whereLayer("Ideas").mayOnlyBeAccessedByLayers("Assembly", "Tools")
        .whereLayer("SPI").mayOnlyBeAccessedByLayers("Ideas", "Assembly", "Tools")
        .whereLayer("Maths").mayOnlyBeAccessedByLayers("SPI", "Ideas", "Assembly", "Tools")
        .ignoreDependency(resideInAPackage("io.engagekit.scoring.alerts.."),
            DescribedPredicate.describe("the engine", c -> c.getName().startsWith(EngagementEngine.class.getName())))
        .check(classes());
  }



  /** The idea packages do not know one another, except composite over loyalty's expectations. */
  @Test
  void ideas_areIndependent() {
    List<String> ideas = List.of("loyalty", "satisfaction", "journeys", "attribution", "alerts", "plans");
    for (String idea : ideas) {
      String[] others = ideas.stream().filter(o -> !o.equals(idea)).map(o -> "io.engagekit.scoring." + o + "..")
          .toArray(String[]::new);
      com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
          .that().resideInAPackage("io.engagekit.scoring." + idea + "..")
          .should().dependOnClassesThat(resideInAnyPackage(others))
          .check(classes());
    }
  }
}
