package io.engagekit.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.engagekit.scoring.ScoringStrategies;
import io.engagekit.scoring.ScoringStrategy;
import io.engagekit.scoring.loyalty.ModelSettings;
import io.engagekit.scoring.models.BgNbd;
import io.engagekit.scoring.models.GammaGamma;
import io.engagekit.scoring.models.MbgNbd;
import io.engagekit.scoring.models.ParetoNbd;
import io.engagekit.scoring.models.PeriodUnit;
import io.engagekit.scoring.models.TransactionModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The models that {@code engagekit score --model FILE} reads, each file the {@code --json} output
 * of {@code engagekit fit}, and the model-based strategies built from them: {@code loyalty.bgnbd}
 * takes a {@code bgnbd} model, {@code loyalty.paretonbd} a {@code paretonbd} one, and {@code
 * loyalty.clv} a {@code gammagamma} model and the transaction model given ({@code bgnbd}, else
 * {@code paretonbd}, else {@code mbgnbd}). A strategy without its model fits one on the data.
 */
final class FittedModels {
  private final Map<String, Path> files = new LinkedHashMap<>();
  private @Nullable BgNbd bgnbd;
  private @Nullable ParetoNbd paretonbd;
  private @Nullable MbgNbd mbgnbd;
  private @Nullable GammaGamma gammagamma;
  private @Nullable PeriodUnit unit;
  private @Nullable Path unitFile;

  /**
   * Reads the files.
   *
   * @throws IllegalArgumentException naming the file and the problem, when one is not a model this
   *     command can use, two give the same model, or their time units differ
   */
  static FittedModels read(List<Path> paths) throws IOException {
    FittedModels m = new FittedModels();
    for (Path p : paths) {
      m.add(p);
    }
    return m;
  }

  private void add(Path file) throws IOException {
    Parsed parsed;
    try (JsonParser p = new JsonFactory().createParser(Files.readString(file))) {
      parsed = Parsed.of(file, p);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + " is not JSON: " + e.getOriginalMessage());
    }
    String model = parsed.model;
    Path before = files.putIfAbsent(model, file);
    if (before != null) {
      throw new IllegalArgumentException(file + " and " + before + " both give a " + model + " model");
    }
    try {
      read(file, parsed);
    } catch (IllegalArgumentException e) {
      throw e.getMessage() != null && e.getMessage().startsWith(file.toString()) ? e
          : new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /** The fields of a fit's JSON that a model needs: model, params and timeUnit; others are skipped. */
  private static final class Parsed {
    String model;
    final Map<String, Double> params = new LinkedHashMap<>();
    @Nullable String timeUnit;

    static Parsed of(Path file, JsonParser p) throws IOException {
      Parsed parsed = new Parsed();
      boolean hasParams = false;
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw notAModel(file);
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (field.equals("model") && value == JsonToken.VALUE_STRING) {
          parsed.model = p.getText();
        } else if (field.equals("timeUnit") && value == JsonToken.VALUE_STRING) {
          parsed.timeUnit = p.getText();
        } else if (field.equals("params") && value == JsonToken.START_OBJECT) {
          hasParams = true;
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            if (p.nextToken().isNumeric()) {
              parsed.params.put(name, p.getDoubleValue());
            } else {
              p.skipChildren();
            }
          }
        } else {
          p.skipChildren();
        }
      }
      if (parsed.model == null || !hasParams) {
        throw notAModel(file);
      }
      return parsed;
    }

    private static IllegalArgumentException notAModel(Path file) {
      return new IllegalArgumentException(file + " is not a fitted model: expected the --json output of engagekit fit,"
          + " an object with \"model\" and \"params\"");
    }
  }

  private void read(Path file, Parsed parsed) {
    Map<String, Double> params = parsed.params;
    switch (parsed.model) {
      case "bgnbd":
        unit(file, parsed.timeUnit);
        bgnbd = new BgNbd(param(file, params, "r"), param(file, params, "alpha"), param(file, params, "a"),
            param(file, params, "b"));
        break;
      case "mbgnbd":
        unit(file, parsed.timeUnit);
        mbgnbd = new MbgNbd(param(file, params, "r"), param(file, params, "alpha"), param(file, params, "a"),
            param(file, params, "b"));
        break;
      case "paretonbd":
        unit(file, parsed.timeUnit);
        paretonbd = new ParetoNbd(param(file, params, "r"), param(file, params, "alpha"), param(file, params, "s"),
            param(file, params, "beta"));
        break;
      case "gammagamma":
        gammagamma = new GammaGamma(param(file, params, "p"), param(file, params, "q"), param(file, params, "gamma"));
        break;
      default:
        throw new IllegalArgumentException(file + ": a " + parsed.model + " model scores no strategy; --model takes"
            + " bgnbd, mbgnbd, paretonbd or gammagamma");
    }
  }

  private static double param(Path file, Map<String, Double> params, String name) {
    Double v = params.get(name);
    if (v == null) {
      throw new IllegalArgumentException(file + ": params." + name + " is missing or not a number");
    }
    return v;
  }

  private void unit(Path file, @Nullable String code) {
    if (code == null) {
      throw new IllegalArgumentException(file + ": \"timeUnit\" is missing; the model's times need their unit");
    }
    PeriodUnit u = PeriodUnit.fromCode(code);
    if (unit != null && unit != u) {
      throw new IllegalArgumentException(file + " is in " + u.code() + " but " + unitFile + " in " + unit.code());
    }
    unit = u;
    unitFile = file;
  }

  /** The unit the transaction models were fitted in, if any was given. */
  @Nullable PeriodUnit unit() {
    return unit;
  }

  /** The file whose time unit was read, for messages. */
  @Nullable Path unitFile() {
    return unitFile;
  }

  /** The model names given, each with its file. */
  Map<String, Path> files() {
    return files;
  }

  /**
   * The model-based strategy of that name, with the given models and settings, or null for a name
   * that is not one.
   */
  @Nullable ScoringStrategy<?> strategy(String name, ModelSettings settings) {
    switch (name) {
      case "loyalty.bgnbd":
        return bgnbd == null ? ScoringStrategies.loyaltyBgNbd(settings) : ScoringStrategies.loyaltyBgNbd(bgnbd, settings);
      case "loyalty.paretonbd":
        return paretonbd == null ? ScoringStrategies.loyaltyParetoNbd(settings)
            : ScoringStrategies.loyaltyParetoNbd(paretonbd, settings);
      case "loyalty.clv":
        return ScoringStrategies.loyaltyClv(clvModel(), gammagamma, settings);
      default:
        return null;
    }
  }

  /** Which models a strategy uses, by name. */
  List<String> usedBy(String strategy) {
    switch (strategy) {
      case "loyalty.bgnbd":
        return List.of("bgnbd");
      case "loyalty.paretonbd":
        return List.of("paretonbd");
      case "loyalty.clv":
        TransactionModel m = clvModel();
        String transactions = m == bgnbd ? "bgnbd" : m == paretonbd ? "paretonbd" : "mbgnbd";
        return List.of(transactions, "gammagamma");
      default:
        return List.of();
    }
  }

  private @Nullable TransactionModel clvModel() {
    return bgnbd != null ? bgnbd : paretonbd != null ? paretonbd : mbgnbd;
  }
}
