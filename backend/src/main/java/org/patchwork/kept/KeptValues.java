package org.patchwork.kept;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * At most a number of values, each computed once for its key: concurrent requests for the same key wait for
 * the one computation (a failed one is not kept), and the least recently used finished value is dropped first.
 * The key must hold everything the value depends on (the state of the data, the viewer's tier), so a kept value
 * is exactly what a new computation would give.
 */
public final class KeptValues<K, V> {

    private static final class Entry<V> {
        final CompletableFuture<V> value = new CompletableFuture<>();
        volatile long usedAt = System.nanoTime();
    }

    private final int maxEntries;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

    public KeptValues(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** The value kept for the key, computing it if there is none. */
    public V get(K key, Supplier<? extends V> compute) {
        Entry<V> fresh = new Entry<>();
        Entry<V> entry = entries.putIfAbsent(key, fresh);
        if (entry == null) {
            entry = fresh;
            try {
                fresh.value.complete(compute.get());
            } catch (RuntimeException e) {
                entries.remove(key, fresh);
                fresh.value.completeExceptionally(e);
                throw e;
            }
            trim();
        }
        entry.usedAt = System.nanoTime();
        try {
            return entry.value.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Drops the values whose keys match. */
    public void removeIf(Predicate<? super K> which) {
        entries.keySet().removeIf(which);
    }

    public int size() {
        return entries.size();
    }

    private void trim() {
        while (entries.size() > maxEntries) {
            var oldest = entries.entrySet().stream().filter(e -> e.getValue().value.isDone())
                    .min((a, b) -> Long.compare(a.getValue().usedAt, b.getValue().usedAt));
            if (oldest.isEmpty()) {
                return;
            }
            entries.remove(oldest.get().getKey(), oldest.get().getValue());
        }
    }
}
