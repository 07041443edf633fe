package io.engagekit.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * The one writer of every command's {@code --json} output: one JSON object on standard output,
 * then a line break. {@link #object} opens the object; closing the generator ends it, flushes and
 * leaves standard output open.
 *
 * <pre>{@code
 * try (JsonGenerator g = JsonOutput.object(out)) {
 *   g.writeNumberField("customers", n);
 * }
 * }</pre>
 */
final class JsonOutput {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private JsonOutput() {}

  /** Opens the command's JSON object on {@code out}. */
  static JsonGenerator object(PrintWriter out) throws IOException {
    JsonGenerator g = FACTORY.createGenerator(out);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    g.writeStartObject();
    return new JsonGeneratorDelegate(g, false) {
      @Override
      public void close() throws IOException {
        delegate.writeEndObject();
        delegate.close();
        out.println();
        out.flush();
      }
    };
  }
}
