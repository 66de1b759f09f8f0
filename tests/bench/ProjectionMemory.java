package vn.eams.analysis;

import java.util.Random;

/**
 * Heap held by an analysis projection ({@code ModelGraph}) per element and per relationship,
 * measured: the used heap after full collections, before and after adding N elements and M
 * relationships (random ends, seeded) to an empty projection. The id and name strings are made
 * before the first measurement, so the figures are the projection's own structures; add the
 * strings (about 40 bytes plus one or two per character each) for the whole.
 *
 * <p>It reads package-private classes, so it is compiled next to them rather than run as a
 * single source file:
 *
 * <pre>
 *   ./mvnw -B -ntp -o package -DskipTests -DskipCds
 *   mkdir -p /tmp/projection-memory
 *   javac -cp target/classes -d /tmp/projection-memory tests/bench/ProjectionMemory.java
 *   java -Xmx4g -XX:+UseSerialGC -cp target/classes:/tmp/projection-memory \
 *     vn.eams.analysis.ProjectionMemory 300000 1000000
 * </pre>
 */
public final class ProjectionMemory {

  private ProjectionMemory() {}

  private static long usedHeap() throws InterruptedException {
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(200);
    }
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }

  public static void main(String[] args) throws InterruptedException {
    int n = Integer.parseInt(args[0]);
    int m = Integer.parseInt(args[1]);
    String[] ids = new String[n];
    String[] names = new String[n];
    for (int i = 0; i < n; i++) {
      ids[i] = "id-" + String.format("%032x", (long) i * 2654435761L);
      names[i] = "Phần tử số " + i;
    }
    String[] relationshipIds = new String[m];
    for (int i = 0; i < m; i++) {
      relationshipIds[i] = "id-" + String.format("%032x", 1L << 40 | i);
    }
    long before = usedHeap();
    ModelGraph g = new ModelGraph("bench", new ModelGraph.Specializations());
    for (int i = 0; i < n; i++) {
      g.putNode(ids[i], (short) (i % 60), names[i], "", (short) -1);
    }
    long afterElements = usedHeap();
    Random random = new Random(42);
    for (int i = 0; i < m; i++) {
      g.putEdge(relationshipIds[i], (byte) (i % 11), ids[random.nextInt(n)], ids[random.nextInt(n)]);
    }
    g.compact(); // as a build from the store ends
    long after = usedHeap();
    System.out.printf(
        "elements=%d relationships=%d: elements %d MB (%d B each), relationships %d MB (%d B each),"
            + " structures %d MB; estimate with strings (GET .../projection bytes) %d MB%n",
        n,
        m,
        (afterElements - before) >> 20,
        (afterElements - before) / n,
        (after - afterElements) >> 20,
        (after - afterElements) / m,
        (after - before) >> 20,
        g.estimatedBytes() >> 20);
  }
}
