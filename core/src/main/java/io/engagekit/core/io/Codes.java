package io.engagekit.core.io;

import io.engagekit.core.Cadence;
import io.engagekit.core.Channel;
import io.engagekit.core.ContentType;
import io.engagekit.core.Initiator;
import io.engagekit.core.JourneyOutcome;
import io.engagekit.core.RelationshipType;
import io.engagekit.core.SurveyMetric;
import io.engagekit.core.TouchpointKind;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The codes of one enumerated field, matched straight from a row's characters: a built-in code
 * becomes its constant without a {@code String}; any other text goes to the type's own factory
 * ({@code Channel.of}, {@code TouchpointKind.fromCode}, …), which makes a user-defined value or
 * throws the field's usual error. Immutable and thread-safe.
 *
 * @param <T> the value a code stands for
 */
final class Codes<T> {
  static final Codes<Channel> CHANNELS = new Codes<>(0, Channel.builtIns(), Channel::code, Channel::of);
  static final Codes<ContentType> CONTENT_TYPES =
      new Codes<>(1, ContentType.builtIns(), ContentType::code, ContentType::of);
  static final Codes<TouchpointKind> KINDS =
      new Codes<>(-1, List.of(TouchpointKind.values()), TouchpointKind::code, TouchpointKind::fromCode);
  static final Codes<Cadence> CADENCES =
      new Codes<>(-1, List.of(Cadence.values()), Cadence::code, Cadence::fromCode);
  static final Codes<Initiator> INITIATORS =
      new Codes<>(-1, List.of(Initiator.values()), Initiator::code, Initiator::fromCode);
  static final Codes<SurveyMetric> METRICS =
      new Codes<>(-1, List.of(SurveyMetric.values()), SurveyMetric::code, SurveyMetric::fromCode);
  static final Codes<JourneyOutcome> OUTCOMES =
      new Codes<>(-1, List.of(JourneyOutcome.values()), JourneyOutcome::code, JourneyOutcome::fromCode);
  static final Codes<RelationshipType> RELATIONSHIPS =
      new Codes<>(-1, List.of(RelationshipType.values()), RelationshipType::code, RelationshipType::fromCode);

  /** How many open-code tables a reader keeps a cache of user-defined values for. */
  static final int OPEN_TABLES = 2;

  /** This table's slot in a reader's cache of user-defined values, or -1 for a closed set. */
  final int slot;
  private final char[][] codes;
  private final Object[] values;
  private final Function<String, T> factory;

  private Codes(int slot, List<T> builtIns, Function<T, String> code, Function<String, T> factory) {
    this.slot = slot;
    this.codes = new char[builtIns.size()][];
    this.values = builtIns.toArray();
    for (int i = 0; i < codes.length; i++) {
      codes[i] = code.apply(builtIns.get(i)).toCharArray();
    }
    this.factory = factory;
  }

  /** Returns the built-in value spelled by {@code data[from, to)}, or null. */
  @SuppressWarnings("unchecked")
  T builtIn(char[] data, int from, int to) {
    int length = to - from;
    for (int i = 0; i < codes.length; i++) {
      char[] c = codes[i];
      if (c.length == length && Arrays.equals(c, 0, length, data, from, to)) {
        return (T) values[i];
      }
    }
    return null;
  }

  /** Makes the value of a code that is not built in, or throws the field's error. */
  T make(String code) {
    return factory.apply(code);
  }
}
