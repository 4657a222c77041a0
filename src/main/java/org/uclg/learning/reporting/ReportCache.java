package org.uclg.learning.reporting;

import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Reports computed from the reporting view, kept until the view is refreshed. A report is a pure
 * function of the view (its {@code asOf}), the caller's scope and the filter, so a kept answer is
 * exactly the one a new query would give; the key carries {@code asOf}, so a refresh (seen by any
 * instance in reporting_refreshes) makes every kept answer unreachable. Concurrent callers asking
 * the same report share one query. Least recently used answers go first beyond {@code capacity}.
 */
@Singleton
class ReportCache {
    private final int capacity;
    private final Map<Key, CompletableFuture<Object>> entries;

    record Key(String report, Instant asOf, ReportScope scope, ReportFilter filter, String lang) {
    }

    ReportCache(ReportingProperties properties) {
        this.capacity = properties.cacheSize();
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, CompletableFuture<Object>> eldest) {
                return size() > ReportCache.this.capacity;
            }
        };
    }

    @SuppressWarnings("unchecked")
    <T> T get(Key key, Supplier<T> compute) {
        if (capacity <= 0 || key.asOf() == null) {
            return compute.get();
        }
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> existing;
        synchronized (entries) {
            existing = entries.putIfAbsent(key, mine);
        }
        if (existing != null) {
            try {
                return (T) existing.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            T value = compute.get();
            mine.complete(value);
            return value;
        } catch (RuntimeException e) {
            synchronized (entries) {
                entries.remove(key, mine);
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }

    void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }
}
