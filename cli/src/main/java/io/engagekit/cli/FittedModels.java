package io.engagekit.cli;

import io.engagekit.scoring.loyalty.ModelStrategies;
import io.engagekit.scoring.models.FittedModel;
import io.engagekit.scoring.models.ModelJson;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The files {@code engagekit score --model} reads, each the {@code --json} output of {@code
 * engagekit fit} read by {@link ModelJson}, and the model-based strategies built from them by
 * {@link ModelStrategies}. This class only adds the file names to the library's messages.
 */
final class FittedModels {
  private final Map<String, Path> files;
  private final ModelStrategies strategies;
  private final @Nullable Path unitFile;

  private FittedModels(Map<String, Path> files, ModelStrategies strategies, @Nullable Path unitFile) {
    this.files = files;
    this.strategies = strategies;
    this.unitFile = unitFile;
  }

  /**
   * Reads the files.
   *
   * @throws IllegalArgumentException naming the file and the problem, when one is not a model this
   *     command can use, two give the same model, or their time units differ
   */
  static FittedModels read(List<Path> paths) throws IOException {
    Map<String, Path> files = new LinkedHashMap<>();
    List<FittedModel> models = new ArrayList<>();
    Path unitFile = null;
    for (Path file : paths) {
      FittedModel m;
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        m = ModelJson.read(in);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
      }
      Path before = files.putIfAbsent(m.type().name(), file);
      if (before != null) {
        throw new IllegalArgumentException(file + " and " + before + " both give a " + m.type().name() + " model");
      }
      models.add(m);
      try {
        ModelStrategies.of(models); // each file's problem is named with its file
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ": " + e.getMessage()
            + (unitFile != null && m.timeUnit() != null ? " (see " + unitFile + ")" : ""), e);
      }
      if (m.timeUnit() != null && unitFile == null) {
        unitFile = file;
      }
    }
    return new FittedModels(files, ModelStrategies.of(models), unitFile);
  }


  /** The strategies built from the models. */
  ModelStrategies strategies() {
    return strategies;
  }

  /** The file whose time unit was read first, for messages. */
  @Nullable Path unitFile() {
    return unitFile;
  }

  /** The model names given, each with its file. */
  Map<String, Path> files() {
    return files;
  }
}
