package io.engagekit.scoring.plans;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.engagekit.core.Channel;
import io.engagekit.core.ContentType;
import io.engagekit.core.TouchpointKind;
import io.engagekit.scoring.ScoringStrategy;
import io.engagekit.scoring.decay.Decay;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads scoring plans: a strategy declared in JSON, points per event, without Java. The smallest
 * plan:
 *
 * <pre>{@code
 * {"name": "plan.example", "rules": [{"kind": "purchase", "points": 10}, {"kind": "complaint", "points": -5}]}
 * }</pre>
 *
 * <p>Fields of the plan: {@code name} (required; a strategy name such as {@code plan.webinars}:
 * lower-case words joined by dots), {@code description}, {@code rules} (required, at least one),
 * {@code halfLife} (optional: points decay with this half-life, written {@code 90d}, {@code 12w} or
 * ISO-8601 {@code P90D}; without it they never decay), {@code max} (the points that make a score of
 * 100, default 100) and {@code segments} (optional: {@code [{"from": 60, "label": "hot"}, …]}, a
 * score's label is that of the highest {@code from} it reaches). Fields of a rule: at least one of
 * {@code kind}, {@code channel} and {@code contentType} (the touchpoints it matches, by their codes
 * in the canonical formats; every one given must hold), at least one of {@code points} (per
 * touchpoint, may be negative) and {@code perValue} (per unit of the touchpoint's value), and
 * optionally {@code name} (its name in explanations; by default its criteria, such as {@code
 * purchase} or {@code visit@web}) and {@code cap} (the most points, in absolute value, the rule gives
 * one customer).
 *
 * <p>Strict, as every reader here: unknown or duplicate fields, wrong types, non-finite numbers,
 * unknown codes, duplicate rule names and trailing content are refused with the line, column and
 * field. The strategy it makes is described on {@code ScoringPlan}: score {@code 100 · points / max}
 * with the raw points as a measure, contributions per rule that fired, no evidence when none fired.
 *
 * @since 0.2
 */
public final class Plans {
  /** The strategy-name prefix that names a plan file: {@code plan:FILE}. */
  public static final String PREFIX = "plan:";

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final Pattern NAME = Pattern.compile("[a-z0-9_]+(\\.[a-z0-9_]+)+");
  private static final Pattern SHORT_DURATION = Pattern.compile("([0-9]{1,6})([dw])");
  private static final Set<String> PLAN_FIELDS = Set.of("name", "description", "rules", "halfLife", "max", "segments");
  private static final Set<String> RULE_FIELDS = Set.of("name", "kind", "channel", "contentType", "points",
      "perValue", "cap");

  private Plans() {}

  /**
   * Reads a plan file (UTF-8).
   *
   * @param file the JSON file
   * @return the strategy
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException if the plan is invalid; the message names the file, the line
   *     and column, the field and the reason
   */
  public static ScoringStrategy<?> read(Path file) throws IOException {
    requireNonNull(file, "file");
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(in, file.toString());
    }
  }

  /**
   * Reads a plan from JSON text.
   *
   * @param json the plan
   * @return the strategy
   * @throws IllegalArgumentException if the plan is invalid (see {@link #read})
   */
  public static ScoringStrategy<?> parse(String json) {
    try {
      return parse(new StringReader(requireNonNull(json, "json")), "the plan");
    } catch (IOException e) {
      throw new IllegalStateException("a string cannot fail to read", e);
    }
  }

  private static ScoringStrategy<?> parse(Reader in, String source) throws IOException {
    try (JsonParser p = FACTORY.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException(source + ": " + where(p) + ": a plan is a JSON object");
      }
      ScoringStrategy<?> plan = plan(p, source);
      if (p.nextToken() != null) {
        throw new IllegalArgumentException(source + ": " + where(p) + ": unexpected content after the plan");
      }
      return plan;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(source + ": " + (e.getLocation() == null ? "" : "line "
          + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": ") + "not valid JSON: "
          + e.getOriginalMessage(), e);
    }
  }

  private static ScoringStrategy<?> plan(JsonParser p, String source) throws IOException {
    String name = null;
    String description = null;
    Decay decay = Decay.none();
    double max = 100;
    List<Rule> rules = null;
    TreeMap<Double, String> segments = new TreeMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken token = p.nextToken();
      if (!PLAN_FIELDS.contains(field)) {
        throw bad(p, source, field, "unknown field; a plan has " + new java.util.TreeSet<>(PLAN_FIELDS));
      }
      switch (field) {
        case "name" -> {
          name = text(p, source, field, token);
          if (!NAME.matcher(name).matches()) {
            throw bad(p, source, field, "'" + name + "' is not a strategy name: lower-case words joined by dots,"
                + " such as plan.webinars");
          }
        }
        case "description" -> description = text(p, source, field, token);
        case "halfLife" -> decay = Decay.exponential(duration(p, source, field, text(p, source, field, token)));
        case "max" -> {
          max = number(p, source, field, token);
          if (!(max > 0)) {
            throw bad(p, source, field, "must be positive but was " + p.getText());
          }
        }
        case "rules" -> rules = rules(p, source, token);
        default -> segments = segments(p, source, token);
      }
    }
    if (name == null) {
      throw new IllegalArgumentException(source + ": field name: missing; a plan needs a strategy name");
    }
    if (rules == null) {
      throw new IllegalArgumentException(source + ": field rules: missing; a plan needs at least one rule");
    }
    String text = description != null ? description : "Points per event from the scoring plan " + source + ".";
    return new ScoringPlan(name, text, decay, max, rules, segments);
  }

  private static List<Rule> rules(JsonParser p, String source, JsonToken token) throws IOException {
    if (token != JsonToken.START_ARRAY) {
      throw bad(p, source, "rules", "must be an array of rules");
    }
    List<Rule> rules = new ArrayList<>();
    Set<String> names = new HashSet<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      String at = "rules[" + rules.size() + "]";
      if (p.currentToken() != JsonToken.START_OBJECT) {
        throw bad(p, source, at, "a rule is a JSON object");
      }
      Rule rule = rule(p, source, at);
      if (!names.add(rule.name())) {
        throw bad(p, source, at + ".name", "two rules are named '" + rule.name() + "'; name one of them");
      }
      rules.add(rule);
    }
    if (rules.isEmpty()) {
      throw bad(p, source, "rules", "a plan needs at least one rule");
    }
    return rules;
  }

  private static Rule rule(JsonParser p, String source, String at) throws IOException {
    String name = null;
    TouchpointKind kind = null;
    Channel channel = null;
    ContentType contentType = null;
    Double points = null;
    Double perValue = null;
    double cap = Double.POSITIVE_INFINITY;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = at + "." + p.currentName();
      String key = p.currentName();
      JsonToken token = p.nextToken();
      if (!RULE_FIELDS.contains(key)) {
        throw bad(p, source, field, "unknown field; a rule has " + new java.util.TreeSet<>(RULE_FIELDS));
      }
      switch (key) {
        case "name" -> name = text(p, source, field, token);
        case "kind" -> kind = code(p, source, field, token, TouchpointKind::fromCode);
        case "channel" -> channel = code(p, source, field, token, Channel::of);
        case "contentType" -> contentType = code(p, source, field, token, ContentType::of);
        case "points" -> points = number(p, source, field, token);
        case "perValue" -> perValue = number(p, source, field, token);
        default -> {
          cap = number(p, source, field, token);
          if (!(cap > 0)) {
            throw bad(p, source, field, "must be positive but was " + p.getText());
          }
        }
      }
    }
    if (kind == null && channel == null && contentType == null) {
      throw bad(p, source, at, "a rule needs at least one of kind, channel and contentType");
    }
    if (kind == TouchpointKind.SURVEY_ANSWER) {
      throw bad(p, source, at + ".kind", "survey answers are not touchpoints a plan scores");
    }
    if (points == null && perValue == null) {
      throw bad(p, source, at, "a rule needs points or perValue");
    }
    if (name == null) {
      name = (kind != null ? kind.code() : "") + (channel != null ? "@" + channel.code() : "")
          + (contentType != null ? "#" + contentType.code() : "");
    }
    if (name.isBlank() || name.equals("points")) {
      throw bad(p, source, at + ".name", "'" + name + "' cannot name a rule");
    }
    return new Rule(name, kind, channel, contentType, points == null ? 0 : points, perValue == null ? 0 : perValue,
        cap);
  }

  private static TreeMap<Double, String> segments(JsonParser p, String source, JsonToken token) throws IOException {
    if (token != JsonToken.START_ARRAY) {
      throw bad(p, source, "segments", "must be an array of {\"from\": score, \"label\": text}");
    }
    TreeMap<Double, String> segments = new TreeMap<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      String at = "segments[" + segments.size() + "]";
      if (p.currentToken() != JsonToken.START_OBJECT) {
        throw bad(p, source, at, "a segment is {\"from\": score, \"label\": text}");
      }
      Double from = null;
      String label = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        JsonToken t = p.nextToken();
        if (key.equals("from")) {
          from = number(p, source, at + ".from", t);
          if (!(from >= 0 && from <= 100)) {
            throw bad(p, source, at + ".from", "must be a score in [0, 100] but was " + p.getText());
          }
        } else if (key.equals("label")) {
          label = text(p, source, at + ".label", t);
          if (label.isBlank()) {
            throw bad(p, source, at + ".label", "must not be blank");
          }
        } else {
          throw bad(p, source, at + "." + key, "unknown field; a segment has [from, label]");
        }
      }
      if (from == null || label == null) {
        throw bad(p, source, at, "a segment needs from and label");
      }
      if (segments.put(from, label) != null) {
        throw bad(p, source, at + ".from", "two segments start at " + from);
      }
    }
    return segments;
  }

  private static Duration duration(JsonParser p, String source, String field, String text) throws IOException {
    Matcher m = SHORT_DURATION.matcher(text);
    Duration d;
    if (m.matches()) {
      d = Duration.ofDays(Long.parseLong(m.group(1)) * (m.group(2).equals("w") ? 7 : 1));
    } else {
      try {
        d = Duration.parse(text);
      } catch (DateTimeParseException e) {
        throw bad(p, source, field, "'" + text + "' is not a duration such as 90d, 12w or P90D");
      }
    }
    if (d.isNegative() || d.isZero()) {
      throw bad(p, source, field, "must be positive but was " + text);
    }
    return d;
  }

  /** A code of the canonical formats, read by the core type's own parser; its refusal names the field. */
  private static <T> T code(JsonParser p, String source, String field, JsonToken token,
      java.util.function.Function<String, T> parse) throws IOException {
    String text = text(p, source, field, token);
    try {
      return parse.apply(text);
    } catch (IllegalArgumentException e) {
      throw bad(p, source, field, e.getMessage());
    }
  }

  private static String text(JsonParser p, String source, String field, JsonToken token) throws IOException {
    if (token != JsonToken.VALUE_STRING) {
      throw bad(p, source, field, "must be a string");
    }
    return p.getText();
  }

  private static double number(JsonParser p, String source, String field, JsonToken token) throws IOException {
    if (!token.isNumeric()) {
      throw bad(p, source, field, "must be a number");
    }
    double v = p.getDoubleValue();
    if (!Double.isFinite(v) || Math.abs(v) > 1e12) {
      throw bad(p, source, field, "must be a finite number of at most 1e12 in size but was " + p.getText());
    }
    return v;
  }

  private static IllegalArgumentException bad(JsonParser p, String source, String field, @Nullable String reason) {
    return new IllegalArgumentException(source + ": " + where(p) + ": field " + field + ": " + reason);
  }

  private static String where(JsonParser p) {
    return "line " + p.currentLocation().getLineNr() + ", column " + p.currentLocation().getColumnNr();
  }
}
