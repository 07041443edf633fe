package io.engagekit.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.core.Channel;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 25, item 4: codes as CRM exports write them, and decimal commas, read only when asked. */
class ExportConventionsTest {
  private static List<Touchpoint> read(String csv, ReadOptions options, List<Reject> rejects) throws Exception {
    List<Touchpoint> out = new ArrayList<>();
    try (RowReader<Touchpoint> rows = Schema.TOUCHPOINTS.reader(new StringReader(csv), Format.CSV, options,
        rejects::add)) {
      rows.forEachRemaining(out::add);
    }
    return out;
  }

  @Test
  void foldCase_readsCodesWithoutCase_onlyWhenAsked() throws Exception {
    String csv = "customer,timestamp,channel,kind,content_type,value\n"
        + "C-1,2026-03-01,Web,PURCHASE,In_House,10\nc-2,2026-03-02,MyApp,Visit,,\n";
    List<Reject> rejects = new ArrayList<>();
    List<Touchpoint> strict = read(csv, ReadOptions.lenient(), rejects);
    assertEquals(0, strict.size());
    assertEquals(2, rejects.size()); // PURCHASE and Visit are not codes as written
    rejects.clear();
    List<Touchpoint> folded = read(csv, ReadOptions.lenient().withFoldCase(true), rejects);
    assertEquals(List.of(), rejects);
    assertEquals(Channel.WEB, folded.get(0).channel());
    assertEquals(TouchpointKind.PURCHASE, folded.get(0).kind());
    assertEquals("in_house", folded.get(0).contentType().orElseThrow().code());
    assertEquals("C-1", folded.get(0).customer()); // ids keep their case
    assertEquals("myapp", folded.get(1).channel().code()); // a user-defined code, folded too
  }

  @Test
  void decimalComma_readsCommas_andRefusesDots() throws Exception {
    String csv = "customer;timestamp;channel;kind;value\n".replace(';', ',');
    // A semicolon-separated export is read with the transaction-log reader; in canonical CSV a decimal comma
    // must be quoted.
    String rows = csv + "a,2026-03-01,web,purchase,\"59,90\"\nb,2026-03-01,web,purchase,59.90\n";
    List<Reject> rejects = new ArrayList<>();
    List<Touchpoint> read = read(rows, ReadOptions.lenient().withDecimalSeparator(','), rejects);
    assertEquals(1, read.size());
    assertEquals(59.9, read.get(0).value().getAsDouble(), 0);
    assertEquals(1, rejects.size());
    assertTrue(rejects.get(0).toString().contains("',' as the decimal separator"), rejects.get(0).toString());
    assertThrows(IllegalArgumentException.class, () -> ReadOptions.lenient().withDecimalSeparator(';'));
  }
}
