package vn.eams.exchange;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/**
 * Counts the bytes read through it and tells {@code onCount} the running total after every read
 * that returned bytes; {@code onCount} may throw to stop the reading (a size limit) or report
 * progress. Mark and reset are not supported, so no byte is counted twice.
 */
final class CountingInputStream extends FilterInputStream {

  private final LongConsumer onCount;
  private long count;

  CountingInputStream(InputStream in, LongConsumer onCount) {
    super(in);
    this.onCount = onCount;
  }

  /** Counts only. */
  CountingInputStream(InputStream in) {
    this(in, total -> {});
  }

  /** Bytes read so far. */
  long count() {
    return count;
  }

  private void add(long n) {
    if (n > 0) {
      count += n;
      onCount.accept(count);
    }
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      add(1);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    add(n);
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long k = super.skip(n);
    add(k);
    return k;
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
