package io.engagekit.scoring.models;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Writes and reads a {@link FittedModel} as JSON, the format of {@code engagekit fit --json} and of
 * the files {@code engagekit score --model} takes:
 *
 * <pre>{@code
 * {"format": 1, "model": "bgnbd", "customers": 2357,
 *  "params": {"r": 0.2426, "alpha": 4.4136, "a": 0.7929, "b": 2.4259},
 *  "logLikelihood": -9582.43, "aic": 19172.86, "bic": 19195.92,
 *  "standardErrors": {"r": 0.0126, ...}, "iterations": 27,
 *  "timeUnit": "weeks", "calibrationEnd": "1997-09-30", "holdoutEnd": "1998-06-30"}
 * }</pre>
 *
 * <p>{@code format} is this layout's version (1); files without it, written before it was added,
 * are read as version 1. {@code timeUnit} is present for timed models (and is {@code periods} for
 * BG/BB, whose times count opportunities), {@code calibrationEnd}
 * and {@code holdoutEnd} when recorded. {@code aic} = 2k − 2 ln L and {@code bic} = k ln n − 2 ln L
 * (k parameters, n customers; {@code bic} left out when n is 0) are derived from the fit: written
 * for those who read the file, recomputed rather than read. A writer may add run information under
 * {@code converged}, {@code fitMillis} and {@code gradientNorm}, which the reader skips.
 *
 * <p>A model fitted with covariates ({@link CovariateModel}) is written under its base model's
 * name with the coefficients among the {@code params} (and {@code standardErrors}) as {@code
 * life.NAME}, {@code trans.NAME} or {@code constr.NAME}; it is read back as that covariate model.
 * A writer may add the categorical covariates' reference levels under {@code referenceLevels}
 * (run information, skipped on read).
 *
 * <p>Reading is strict: a duplicate key, an unknown field, a parameter missing or unknown to the
 * model, a number that is not finite, or a newer format is refused with a message naming the
 * field. The model's name is looked up in {@link ModelType#all()}, so a third-party model registered
 * there is read and written like the built-ins. Stateless and thread-safe.
 *
 * @since 0.2
 */
public final class ModelJson {
  /** The layout version this class writes and reads. */
  public static final int FORMAT = 1;
  /** Run information a writer may add beside the fit; skipped on read. */
  private static final Set<String> RUN_FIELDS = Set.of("converged", "fitMillis", "gradientNorm", "referenceLevels");
  /** Figures derived from the fit, written for readers of the file; recomputed, not read. */
  private static final Set<String> DERIVED_FIELDS = Set.of("aic", "bic");

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private ModelJson() {}

  /**
   * Writes a fitted model as one JSON object (no line break after it; {@code out} stays open).
   *
   * @param model the fitted model
   * @param out where to write
   * @throws IOException if writing fails
   */
  public static void write(FittedModel model, Writer out) throws IOException {
    write(model, Map.of(), out);
  }

  /**
   * Writes a fitted model as one JSON object with run information after the fit's fields.
   *
   * @param model the fitted model
   * @param run values for {@code converged}, {@code fitMillis} or {@code gradientNorm}: booleans or
   *     finite numbers
   * @param out where to write
   * @throws IOException if writing fails
   * @throws IllegalArgumentException if a run field is not one of those, or its value is not allowed
   */
  public static void write(FittedModel model, Map<String, ?> run, Writer out) throws IOException {
    requireNonNull(model, "model");
    requireNonNull(out, "out");
    for (Map.Entry<String, ?> e : run.entrySet()) {
      if (!RUN_FIELDS.contains(e.getKey())) {
        throw new IllegalArgumentException("run field " + e.getKey() + " is not one of " + RUN_FIELDS);
      }
      Object v = e.getValue();
      boolean text = v instanceof Map<?, ?> m && m.entrySet().stream()
          .allMatch(x -> x.getKey() instanceof String && x.getValue() instanceof String);
      if (!(v instanceof Boolean || v instanceof Number n && Double.isFinite(n.doubleValue()) || text)) {
        throw new IllegalArgumentException("run field " + e.getKey() + " must be a boolean, a finite number or a "
            + "map of text to text");
      }
    }
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      g.writeNumberField("format", FORMAT);
      g.writeStringField("model", model.type().name());
      g.writeNumberField("customers", model.customers());
      numbers(g, "params", model.parameters());
      g.writeNumberField("logLikelihood", model.logLikelihood());
      g.writeNumberField("aic", model.aic());
      if (model.customers() > 0) {
        g.writeNumberField("bic", model.bic());
      }
      numbers(g, "standardErrors", model.standardErrors());
      g.writeNumberField("iterations", model.iterations());
      if (model.timeUnit() != null) {
        g.writeStringField("timeUnit", model.timeUnit().code());
      } else if (model.type().fixedUnit().isPresent()) {
        g.writeStringField("timeUnit", model.type().fixedUnit().get());
      }
      if (model.calibrationEnd() != null) {
        g.writeStringField("calibrationEnd", model.calibrationEnd().toString());
      }
      if (model.holdoutEnd() != null) {
        g.writeStringField("holdoutEnd", model.holdoutEnd().toString());
      }
      for (Map.Entry<String, ?> e : run.entrySet()) {
        g.writeFieldName(e.getKey());
        if (e.getValue() instanceof Boolean b) {
          g.writeBoolean(b);
        } else if (e.getValue() instanceof Map<?, ?> m) {
          g.writeStartObject();
          for (Map.Entry<?, ?> x : m.entrySet()) {
            g.writeStringField((String) x.getKey(), (String) x.getValue());
          }
          g.writeEndObject();
        } else if (e.getValue() instanceof Long || e.getValue() instanceof Integer) {
          g.writeNumber(((Number) e.getValue()).longValue());
        } else {
          g.writeNumber(((Number) e.getValue()).doubleValue());
        }
      }
      g.writeEndObject();
    }
  }

  private static void numbers(JsonGenerator g, String field, Map<String, Double> values) throws IOException {
    g.writeObjectFieldStart(field);
    for (Map.Entry<String, Double> e : values.entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
  }

  /**
   * Reads one fitted model: a JSON object, and nothing after it but white space.
   *
   * @param in where to read ({@code in} is not closed)
   * @return the fitted model
   * @throws IOException if reading fails
   * @throws IllegalArgumentException naming the field and the reason, if the text is not a fitted
   *     model this version can read
   */
  public static FittedModel read(Reader in) throws IOException {
    requireNonNull(in, "in");
    try (JsonParser p = FACTORY.createParser(in)) {
      p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("not a fitted model: expected a JSON object with \"model\" and \"params\"");
      }
      FittedModel model = object(p);
      if (p.nextToken() != null) {
        throw new IllegalArgumentException("unexpected content after the model's object at " + where(p));
      }
      return model;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage() + " at "
          + (e.getLocation() == null ? "?" : "line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr()), e);
    }
  }

  private static FittedModel object(JsonParser p) throws IOException {
    Map<String, Object> fields = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken token = p.nextToken();
      switch (field) {
        case "format", "customers", "iterations" -> fields.put(field, whole(p, field, token));
        case "logLikelihood" -> fields.put(field, number(p, field, token));
        case "model", "timeUnit", "calibrationEnd", "holdoutEnd" -> fields.put(field, text(p, field, token));
        case "params", "standardErrors" -> fields.put(field, numbers(p, field, token));
        default -> {
          if (!RUN_FIELDS.contains(field) && !DERIVED_FIELDS.contains(field)) {
            throw new IllegalArgumentException("field " + field + " is not part of a fitted model (format "
                + FORMAT + ")");
          }
          p.skipChildren();
        }
      }
    }
    long format = fields.containsKey("format") ? (Long) fields.get("format") : FORMAT;
    if (format != FORMAT) {
      throw new IllegalArgumentException("field format: " + format + " is not a format this version reads ("
          + FORMAT + "); was the file written by a newer EngageKit?");
    }
    String name = (String) required(fields, "model");
    ModelType<?> type;
    try {
      type = ModelType.named(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("field model: " + e.getMessage(), e);
    }
    @SuppressWarnings("unchecked")
    Map<String, Double> params = (Map<String, Double>) required(fields, "params");
    List<String> known = type.parameters();
    List<String> extra = params.keySet().stream().filter(n -> !known.contains(n)).toList();
    if (!extra.isEmpty() && extra.stream().allMatch(n -> n.matches("(life|trans|constr)\\..+"))
        && CovariateModel.supported().stream().anyMatch(t -> t.name().equals(name))) {
      try {
        type = CovariateModel.type(type, params.keySet());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("field params: " + e.getMessage(), e);
      }
    }
    @SuppressWarnings("unchecked")
    Map<String, Double> errors = (Map<String, Double>) fields.getOrDefault("standardErrors", zeros(type));
    PeriodUnit unit = null;
    if (fields.containsKey("timeUnit") && type.fixedUnit().isPresent()) {
      if (!type.fixedUnit().get().equals(fields.get("timeUnit"))) {
        throw new IllegalArgumentException("field timeUnit: a " + type.name() + " model's times are in "
            + type.fixedUnit().get() + " but the file says " + fields.get("timeUnit"));
      }
    } else if (fields.containsKey("timeUnit")) {
      try {
        unit = PeriodUnit.fromCode((String) fields.get("timeUnit"));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("field timeUnit: " + e.getMessage(), e);
      }
    }
    try {
      return new FittedModel(type, params, errors, (Double) fields.getOrDefault("logLikelihood", 0.0),
          (Long) fields.getOrDefault("customers", 0L), Math.toIntExact((Long) fields.getOrDefault("iterations", 0L)),
          unit, date(fields, "calibrationEnd"), date(fields, "holdoutEnd"));
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("field iterations: out of range", e);
    }
  }

  private static Map<String, Double> zeros(ModelType<?> type) {
    Map<String, Double> z = new LinkedHashMap<>();
    type.parameters().forEach(n -> z.put(n, 0.0));
    return z;
  }

  private static Object required(Map<String, Object> fields, String field) {
    Object v = fields.get(field);
    if (v == null) {
      throw new IllegalArgumentException("field " + field + " is missing: not a fitted model");
    }
    return v;
  }

  private static @Nullable LocalDate date(Map<String, Object> fields, String field) {
    Object v = fields.get(field);
    if (v == null) {
      return null;
    }
    try {
      return LocalDate.parse((String) v);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("field " + field + ": not a date (yyyy-MM-dd): '" + v + "'", e);
    }
  }

  private static String text(JsonParser p, String field, JsonToken token) throws IOException {
    if (token != JsonToken.VALUE_STRING) {
      throw new IllegalArgumentException("field " + field + " must be a string at " + where(p));
    }
    return p.getText();
  }

  private static double number(JsonParser p, String field, JsonToken token) throws IOException {
    if (!token.isNumeric()) {
      throw new IllegalArgumentException("field " + field + " must be a number at " + where(p));
    }
    double v = p.getDoubleValue();
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("field " + field + " must be finite but was " + p.getText());
    }
    return v;
  }

  private static long whole(JsonParser p, String field, JsonToken token) throws IOException {
    if (token != JsonToken.VALUE_NUMBER_INT) {
      throw new IllegalArgumentException("field " + field + " must be a whole number at " + where(p));
    }
    return p.getLongValue();
  }

  private static Map<String, Double> numbers(JsonParser p, String field, JsonToken token) throws IOException {
    if (token != JsonToken.START_OBJECT) {
      throw new IllegalArgumentException("field " + field + " must be an object of numbers at " + where(p));
    }
    Map<String, Double> out = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      out.put(name, number(p, field + "." + name, p.nextToken()));
    }
    return out;
  }

  private static String where(JsonParser p) {
    return "line " + p.currentLocation().getLineNr() + ", column " + p.currentLocation().getColumnNr();
  }
}
