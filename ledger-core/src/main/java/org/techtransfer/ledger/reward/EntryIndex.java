package org.techtransfer.ledger.reward;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A map from entry ids to small numbers, packed into a few arrays. A contract can hold many thousands
 * of entries and every contract in use is kept in memory (by the command side, the queries and the
 * read models), so an entry costs about 30 bytes here instead of the 150 of a {@code HashMap} with
 * its strings. Ids are stored as UTF-8 bytes; entries are only ever added.
 */
final class EntryIndex {

    private static final int ABSENT = -1;

    private byte[] keys = new byte[256];
    private int keysUsed;
    /** Per entry: where its id starts in {@code keys}, its hash and its value; an id ends where the next starts. */
    private int[] starts = new int[16];
    private int[] hashes = new int[16];
    private int[] values = new int[16];
    private int size;
    /** Open addressing, linear probing: entry number + 1, or 0 for a free slot. */
    private int[] slots = new int[32];

    int size() {
        return size;
    }

    /** The id of the {@code entry}-th entry put, oldest first. */
    String idAt(int entry) {
        int end = entry + 1 < size ? starts[entry + 1] : keysUsed;
        return new String(keys, starts[entry], end - starts[entry], StandardCharsets.UTF_8);
    }

    /** The value of the {@code entry}-th entry put, oldest first. */
    int valueAt(int entry) {
        return values[entry];
    }

    /** The value put under {@code id}, or -1. */
    int get(String id) {
        byte[] key = id.getBytes(StandardCharsets.UTF_8);
        int hash = id.hashCode();
        int mask = slots.length - 1;
        for (int slot = spread(hash) & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
            int entry = slots[slot] - 1;
            if (hashes[entry] == hash && sameKey(entry, key)) {
                return values[entry];
            }
        }
        return ABSENT;
    }

    boolean contains(String id) {
        return get(id) != ABSENT;
    }

    /** Adds {@code id}, which must not be in the index yet, with a value of zero or more. */
    void put(String id, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("values are zero or more");
        }
        byte[] key = id.getBytes(StandardCharsets.UTF_8);
        if (size == starts.length) {
            int grown = size + (size >> 1);
            starts = Arrays.copyOf(starts, grown);
            hashes = Arrays.copyOf(hashes, grown);
            values = Arrays.copyOf(values, grown);
        }
        if (keysUsed + key.length > keys.length) {
            keys = Arrays.copyOf(keys, Math.max(keysUsed + key.length, keys.length + (keys.length >> 1)));
        }
        System.arraycopy(key, 0, keys, keysUsed, key.length);
        starts[size] = keysUsed;
        hashes[size] = id.hashCode();
        values[size] = value;
        keysUsed += key.length;
        size++;
        if (size * 4 > slots.length * 3) {
            slots = new int[slots.length * 2];
            for (int entry = 0; entry < size; entry++) {
                place(entry);
            }
        } else {
            place(size - 1);
        }
    }

    private void place(int entry) {
        int mask = slots.length - 1;
        int slot = spread(hashes[entry]) & mask;
        while (slots[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = entry + 1;
    }

    private boolean sameKey(int entry, byte[] key) {
        int start = starts[entry];
        int end = entry + 1 < size ? starts[entry + 1] : keysUsed;
        return Arrays.equals(keys, start, end, key, 0, key.length);
    }

    /**
     * Murmur3's finalizer: ids that differ in their last characters ("LOG-1", "LOG-2") have nearby hash codes,
     * which linear probing would pile into one long run of slots.
     */
    private static int spread(int hash) {
        int h = hash ^ (hash >>> 16);
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }
}
