package io.engagekit.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.core.InvalidFieldException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class ValuesTest {
  @ParameterizedTest
  @CsvSource({
    "2026-03-01T10:15:30Z, 2026-03-01T10:15:30Z",
    "2026-03-01T10:15:30.5Z, 2026-03-01T10:15:30.500Z",
    "2026-03-01T10:15:30.123456789Z, 2026-03-01T10:15:30.123456789Z",
    "2026-03-01T11:15:30+01:00, 2026-03-01T10:15:30Z",
    "2026-03-01T05:45:30-04:30, 2026-03-01T10:15:30Z",
    "2026-03-01, 2026-03-01T00:00:00Z",
    "2024-02-29, 2024-02-29T00:00:00Z",
    "0000-01-01T00:00:00Z, 0000-01-01T00:00:00Z",
    "2026-03-01T10:15Z, 2026-03-01T10:15:00Z",
    // RFC 3339 section 5.6 allows lower-case separators; java.time's ISO parser agrees.
    "2026-03-01t10:15:30z, 2026-03-01T10:15:30Z",
  })
  void timestamp_acceptedForms(String text, String expected) {
    assertEquals(Instant.parse(expected), Values.timestamp("timestamp", text, ZoneOffset.UTC));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "2026-03-01T10:15:30", "2026-03-01 10:15:30Z", "2026-13-01", "2026-02-29", "2026-03-01T24:00:00Z",
    "2026-03-01T10:15:30.1234567890Z", "20260301", "2026-3-1", "", "now", "2026-03-01T10:15:30+25:00", " 2026-03-01"
  })
  void timestamp_rejectedForms(String text) {
    InvalidFieldException e =
        assertThrows(InvalidFieldException.class, () -> Values.timestamp("timestamp", text, ZoneOffset.UTC));
    assertEquals("timestamp", e.field());
  }

  @Test
  void timestamp_dateIsStartOfDayInZone() {
    assertEquals(Instant.parse("2026-03-01T05:00:00Z"), Values.timestamp("t", "2026-03-01", ZoneId.of("America/New_York")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-0", "12", "12.50", "1e5", "1E-5", "1.0E+10", "-3.25"})
  void decimal_grammar_accepts(String text) {
    assertTrue(Values.isDecimal(text));
    assertEquals(Double.parseDouble(text), Values.decimal("value", text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "+1", ".5", "5.", "1,5", "1_000", "NaN", "Infinity", "0x1p3", "1d", "1f", " 1", "1 ", "e5", "1e", "--1"})
  void decimal_grammar_rejects(String text) {
    assertFalse(Values.isDecimal(text));
    assertThrows(InvalidFieldException.class, () -> Values.decimal("value", text));
  }

  @Test
  void integers_rangeChecked() {
    assertEquals(Long.MAX_VALUE, Values.integer("reach", "9223372036854775807"));
    assertThrows(InvalidFieldException.class, () -> Values.integer("reach", "9223372036854775808"));
    assertThrows(InvalidFieldException.class, () -> Values.integer("reach", "1.0"));
    assertThrows(InvalidFieldException.class, () -> Values.integer("reach", "-"));
    assertThrows(InvalidFieldException.class, () -> Values.int32("step", "2147483648"));
  }
}
