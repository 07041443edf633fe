package io.engagekit.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** What the terminal can show: a progress bar on stderr, only when stderr is a terminal. */
final class Terminal {
  /** Inputs smaller than this finish too fast for a progress bar to help. */
  static final long LARGE_INPUT_BYTES = 16L << 20;

  private Terminal() {}

  /** Returns whether standard error is a terminal (Linux: /proc; elsewhere: System.console()). */
  static boolean stderrIsTerminal() {
    Path fd = Paths.get("/proc/self/fd/2");
    try {
      if (Files.exists(fd)) {
        String target = Files.readSymbolicLink(fd).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      }
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      // fall through to the portable check
    }
    return System.console() != null;
  }

  /** Counts the bytes read through it, for a progress bar. */
  static class CountingInputStream extends FilterInputStream {
    private volatile long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    long count() {
      return count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }

  /** Opens a byte progress bar on stderr. */
  static ProgressBar progressBar(String task, long totalBytes) {
    return new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(totalBytes)
        .setUnit(" MiB", 1L << 20)
        .setStyle(ProgressBarStyle.ASCII)
        .setConsumer(new ConsoleProgressBarConsumer(System.err))
        .setUpdateIntervalMillis(250)
        .build();
  }
}
