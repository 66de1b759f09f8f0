package vn.eams.exchange;

/**
 * Size limits of an import, so that a hostile or broken file is refused before it costs memory.
 *
 * @param maxBytes the largest file accepted (bytes as uploaded, and for a zip each entry read)
 * @param maxZipEntries the most entries a zipped file may have
 * @param maxZipRatio the largest uncompressed / compressed size ratio of a zip entry (zip bombs)
 */
public record ImportLimits(long maxBytes, int maxZipEntries, int maxZipRatio) {

  /** 200 MB, 10,000 zip entries, ratio 100. */
  public static final ImportLimits DEFAULT = new ImportLimits(200L * 1024 * 1024, 10_000, 100);
}
