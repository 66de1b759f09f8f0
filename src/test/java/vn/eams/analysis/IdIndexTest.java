package vn.eams.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IdIndexTest {

  @Test
  void putGetRemove_AgreeWithAHashMap_ThroughGrowthAndDeletions() {
    IdIndex index = new IdIndex();
    Map<String, Integer> reference = new HashMap<>();
    String[] ids = new String[0];
    Random random = new Random(7);
    int next = 0;
    for (int round = 0; round < 20_000; round++) {
      if (random.nextInt(3) > 0 || reference.isEmpty()) {
        String id = "id-" + random.nextInt(5_000);
        if (!reference.containsKey(id)) {
          ids = Arrays.copyOf(ids, next + 1);
          ids[next] = id;
          index.put(id, next, ids);
          reference.put(id, next++);
        }
      } else {
        String id = "id-" + random.nextInt(5_000);
        Integer expected = reference.remove(id);
        assertThat(index.remove(id, ids)).isEqualTo(expected == null ? -1 : expected);
      }
    }
    assertThat(index.size()).isEqualTo(reference.size());
    for (int i = 0; i < 5_000; i++) {
      String id = "id-" + i;
      assertThat(index.get(id, ids)).isEqualTo(reference.getOrDefault(id, -1));
    }
  }
}
