package io.engagekit.cli;

/**
 * Counts distinct customer ids in bounded memory: it keeps a 64-bit hash of each id (8 bytes a
 * customer at most twice over) instead of the ids. Two different ids count once only if their
 * hashes collide, which for a million customers happens with probability below 1e-7.
 */
final class CustomerSet {
  private long[] table = new long[1 << 10];
  private int size;

  /** Adds an id; returns whether it was new. */
  boolean add(String id) {
    long h = hash(id);
    if (h == 0) {
      h = 1; // 0 marks an empty slot
    }
    int mask = table.length - 1;
    int i = (int) h & mask;
    while (table[i] != 0) {
      if (table[i] == h) {
        return false;
      }
      i = (i + 1) & mask;
    }
    table[i] = h;
    if (++size * 2 > table.length) {
      grow();
    }
    return true;
  }

  int size() {
    return size;
  }

  private void grow() {
    long[] old = table;
    table = new long[old.length * 2];
    int mask = table.length - 1;
    for (long h : old) {
      if (h != 0) {
        int i = (int) h & mask;
        while (table[i] != 0) {
          i = (i + 1) & mask;
        }
        table[i] = h;
      }
    }
  }

  /** FNV-1a over the UTF-16 units, then the MurmurHash3 finaliser to spread the bits. */
  static long hash(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
