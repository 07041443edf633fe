package io.engagekit.cli;

import java.io.BufferedWriter;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * The files the commands write: a failure to open, write or close one is an {@link IOException}
 * whose message names the file and the reason ({@code cannot write out/p.csv: no such directory}),
 * which is what the command line prints.
 */
final class Outputs {
  private Outputs() {}

  /** Opens a UTF-8 file for writing, replacing it. */
  static Writer writer(Path file) throws IOException {
    BufferedWriter w;
    try {
      w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw cannotWrite(file, e);
    }
    return new FilterWriter(w) {
      @Override
      public void write(int c) throws IOException {
        try {
          super.write(c);
        } catch (IOException e) {
          throw cannotWrite(file, e);
        }
      }

      @Override
      public void write(char[] cbuf, int off, int len) throws IOException {
        try {
          super.write(cbuf, off, len);
        } catch (IOException e) {
          throw cannotWrite(file, e);
        }
      }

      @Override
      public void write(String str, int off, int len) throws IOException {
        try {
          super.write(str, off, len);
        } catch (IOException e) {
          throw cannotWrite(file, e);
        }
      }

      @Override
      public void flush() throws IOException {
        try {
          super.flush();
        } catch (IOException e) {
          throw cannotWrite(file, e);
        }
      }

      @Override
      public void close() throws IOException {
        try {
          super.close();
        } catch (IOException e) {
          throw cannotWrite(file, e);
        }
      }
    };
  }

  /** Writes a whole UTF-8 file. */
  static void writeString(Path file, String text) throws IOException {
    try (Writer w = writer(file)) {
      w.write(text);
    }
  }

  /** An exception naming the file and why it could not be written. */
  static IOException cannotWrite(Path file, IOException e) {
    if (e.getMessage() != null && e.getMessage().startsWith("cannot write ")) {
      return e;
    }
    return new IOException("cannot write " + file + ": " + reason(file, e), e);
  }

  /** Why a file operation failed, in words. */
  static String reason(Path file, IOException e) {
    if (e instanceof NoSuchFileException) {
      Path parent = file.toAbsolutePath().getParent();
      return parent != null && !Files.isDirectory(parent) ? "no such directory " + parent : "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NotDirectoryException) {
      return "a path component is not a directory";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
