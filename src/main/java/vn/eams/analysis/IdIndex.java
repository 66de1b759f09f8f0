package vn.eams.analysis;

/**
 * Ids to array positions without an object per entry: an open-addressing table of positions (linear
 * probing) into the caller's id array, which holds the keys. About 8 bytes per id at the table's
 * load, against some 50 for a {@code HashMap<String, Integer>} entry.
 */
final class IdIndex {

  private static final int EMPTY = 0;
  private static final int DELETED = -1;

  /** Position + 1, or {@link #EMPTY}, or {@link #DELETED}. */
  private int[] slots = new int[16];

  private int size;
  private int used; // live and deleted slots

  int size() {
    return size;
  }

  /** The position of {@code id} in {@code ids}, or -1. */
  int get(String id, String[] ids) {
    int slot = slot(id, ids);
    return slot < 0 ? -1 : slots[slot] - 1;
  }

  /** The slot that holds {@code id}, or -1. */
  private int slot(String id, String[] ids) {
    int mask = slots.length - 1;
    for (int i = hash(id) & mask; ; i = (i + 1) & mask) {
      int s = slots[i];
      if (s == EMPTY) {
        return -1;
      }
      if (s != DELETED && ids[s - 1].equals(id)) {
        return i;
      }
    }
  }

  /** Adds {@code id} (not yet in the index) at {@code position}; {@code ids[position]} is it. */
  void put(String id, int position, String[] ids) {
    if ((used + 1) * 2 > slots.length) {
      rehash(ids, size * 4 > slots.length ? slots.length * 2 : slots.length);
    }
    int mask = slots.length - 1;
    int i = hash(id) & mask;
    while (slots[i] != EMPTY && slots[i] != DELETED) {
      i = (i + 1) & mask;
    }
    if (slots[i] == EMPTY) {
      used++;
    }
    slots[i] = position + 1;
    size++;
  }

  /** Removes {@code id}; returns its position, or -1 when it was not in the index. */
  int remove(String id, String[] ids) {
    int slot = slot(id, ids);
    if (slot < 0) {
      return -1;
    }
    int position = slots[slot] - 1;
    slots[slot] = DELETED;
    size--;
    return position;
  }

  private void rehash(String[] ids, int capacity) {
    int[] old = slots;
    slots = new int[capacity];
    used = 0;
    size = 0;
    int mask = capacity - 1;
    for (int s : old) {
      if (s > 0) {
        int i = hash(ids[s - 1]) & mask;
        while (slots[i] != EMPTY) {
          i = (i + 1) & mask;
        }
        slots[i] = s;
        used++;
        size++;
      }
    }
  }

  private static int hash(String id) {
    int h = id.hashCode() * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
