package io.engagekit.scoring.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fitted models as JSON: versioned, strict on read, and the round trip of fit --json and score --model. */
final class ModelJsonTest {
  private static FittedModel bgnbd() {
    // The CDNOW sample fit in weeks (Fader, Hardie & Lee 2005): r, α, a, b = 0.2426, 4.4136, 0.7929, 2.4259.
    return FittedModel.of(ModelType.BGNBD, BgNbd.fit(Cdnow.patterns()), PeriodUnit.WEEKS, Cdnow.CALIBRATION_END,
        Cdnow.HOLDOUT_END);
  }

  private static FittedModel read(String json) throws IOException {
    return ModelJson.read(new StringReader(json));
  }

  @Test
  void roundTrip_keepsEveryField_andRemakesTheModel() throws IOException {
    FittedModel fit = bgnbd();
    StringWriter out = new StringWriter();
    ModelJson.write(fit, Map.of("converged", true, "fitMillis", 12L), out);
    assertTrue(out.toString().startsWith("{\"format\":1,\"model\":\"bgnbd\",\"customers\":2357,"), out.toString());
    FittedModel back = read(out.toString());
    assertEquals(fit, back);
    BgNbd model = back.model(ModelType.BGNBD);
    assertEquals(0.2426, model.r(), 1e-3 * 0.2426);
    assertEquals(LocalDate.of(1997, 9, 30), back.calibrationEnd());
  }

  @Test
  void filesOfEarlierVersions_withoutFormatOrWindow_areRead() throws IOException {
    // The --json output of fit before the format field: run fields included, as users kept them.
    FittedModel m = read("{\"model\":\"paretonbd\",\"customers\":2357,\"params\":{\"r\":0.55,\"alpha\":10.58,"
        + "\"s\":0.61,\"beta\":11.67},\"logLikelihood\":-9594.98,\"standardErrors\":{\"r\":0.05,\"alpha\":0.8,"
        + "\"s\":0.2,\"beta\":6.0},\"iterations\":20,\"converged\":true,\"fitMillis\":40,\"timeUnit\":\"weeks\"}");
    assertEquals("paretonbd", m.type().name());
    assertEquals(PeriodUnit.WEEKS, m.timeUnit());
    assertEquals(null, m.calibrationEnd());
    FittedModel bgbb = read("{\"model\":\"bgbb\",\"params\":{\"alpha\":1.2,\"beta\":0.75,\"gamma\":0.66,\"delta\":2.8},"
        + "\"timeUnit\":\"periods\"}");
    assertEquals(1.2, bgbb.model(ModelType.BGBB).alpha());
  }

  @Test
  void strict_refusesWhatItCannotTrust_namingTheField() {
    String params = "\"params\":{\"r\":0.24,\"alpha\":4.4,\"a\":0.79,\"b\":2.4},\"timeUnit\":\"weeks\"";
    assertRefused("{\"model\":\"bgnbd\"," + params.replace("\"r\":0.24", "\"r\":0.24,\"r\":5") + "}",
        "Duplicate field 'r'");
    assertRefused("{\"model\":\"bgnbd\"," + params + ",\"color\":\"red\"}", "field color is not part of");
    assertRefused("{\"model\":\"bgnbd\"," + params.replace(",\"b\":2.4", "") + "}", "params.b is missing");
    assertRefused("{\"model\":\"bgnbd\"," + params.replace("2.4}", "2.4,\"c\":1}") + "}", "params.c");
    assertRefused("{\"model\":\"bgnbd\"," + params.replace("0.24", "\"0.24\"") + "}", "params.r must be a number");
    assertRefused("{\"model\":\"bgnbd\"," + params.replace("0.24", "1e999") + "}", "params.r must be finite");
    assertRefused("{\"format\":2,\"model\":\"bgnbd\"," + params + "}", "newer EngageKit");
    assertRefused("{\"model\":\"bgnbd\"," + params.replace(",\"timeUnit\":\"weeks\"", "") + "}", "unit of its times");
    assertRefused("{\"model\":\"nbd\"," + params + "}", "field model: no model is named 'nbd'");
    assertRefused("{\"model\":\"bgbb\",\"params\":{\"alpha\":1,\"beta\":1,\"gamma\":1,\"delta\":1},"
        + "\"timeUnit\":\"weeks\"}", "times are in periods");
    assertRefused("{\"model\":\"bgnbd\"," + params + "} {}", "unexpected content");
    assertRefused("[1]", "not a fitted model");
    assertRefused("{\"model\":\"bgnbd\",", "not valid JSON");
  }

  @Test
  void thirdPartyTypes_areWrittenLikeTheBuiltIns() throws IOException {
    record Poisson(double lambda) {}
    ModelType<Poisson> type = ModelType.of("poisson", new String[] {"lambda"}, true, p -> new Poisson(p[0]));
    FittedModel fit = new FittedModel(type, Map.of("lambda", 2.5), Map.of("lambda", 0.1), -10, 40, 3,
        PeriodUnit.DAYS, null, null);
    StringWriter out = new StringWriter();
    ModelJson.write(fit, out);
    // Since issue 24 the derived aic = 2k - 2 ln L = 22 and bic = k ln n - 2 ln L = ln 40 + 20 follow the log-likelihood.
    assertEquals("{\"format\":1,\"model\":\"poisson\",\"customers\":40,\"params\":{\"lambda\":2.5},\"logLikelihood\":"
        + "-10.0,\"aic\":22.0,\"bic\":" + (Math.log(40) + 20) + ",\"standardErrors\":{\"lambda\":0.1},"
        + "\"iterations\":3,\"timeUnit\":\"days\"}", out.toString());
    // Read back, the derived figures are recomputed, not taken from the file.
    FittedModel sbg = new FittedModel(ModelType.SBG, Map.of("alpha", 0.7, "beta", 1.2), Map.of("alpha", 0.1,
        "beta", 0.2), -1680, 1000, 4, null, null, null);
    StringWriter written = new StringWriter();
    ModelJson.write(sbg, written);
    FittedModel read = ModelJson.read(new java.io.StringReader(written.toString().replace("\"aic\":3364.0",
        "\"aic\":1.0")));
    assertEquals(sbg, read);
    assertEquals(3364.0, read.aic());
    assertEquals(new Poisson(2.5), fit.model(type));
  }

  private static void assertRefused(String json, String expected) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(json), json);
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
