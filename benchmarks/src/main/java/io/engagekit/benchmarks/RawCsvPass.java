package io.engagekit.benchmarks;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole-process baseline for reading a CSV file: a JVM that decodes the file as UTF-8 and
 * passes over its records with FastCSV, touching every field, and does nothing else. {@code
 * engagekit validate} and {@code score} are timed against it on the same file (RESULTS.md).
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.engagekit.benchmarks.RawCsvPass FILE}
 */
public final class RawCsvPass {
  private RawCsvPass() {}

  /**
   * Reads the file and prints its record and field counts.
   *
   * @param args the file
   * @throws IOException if reading fails
   */
  public static void main(String[] args) throws IOException {
    long records = 0;
    long chars = 0;
    try (Reader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8);
        CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(in)) {
      for (CsvRecord record : csv) {
        records++;
        for (int f = 0; f < record.getFieldCount(); f++) {
          chars += record.getField(f).length();
        }
      }
    }
    System.out.println(records + " records, " + chars + " characters in fields");
  }
}
