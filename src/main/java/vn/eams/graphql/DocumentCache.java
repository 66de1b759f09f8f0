package vn.eams.graphql;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Parsed and validated queries, by their text, so that a client that sends the same query again
 * (with other variables) skips parsing and validation: these took a third of the engine's time per
 * request for the department query. Holds the {@code size} queries used last; a query with errors,
 * or longer than {@link #MAX_QUERY_CHARS}, is not kept. The limits of {@link QueryLimits} are
 * checked at every execution, with that execution's variables, cached or not.
 */
final class DocumentCache implements PreparsedDocumentProvider {

  /** Longest query text that is kept. */
  static final int MAX_QUERY_CHARS = 16_384;

  private final int size;
  private final Map<String, PreparsedDocumentEntry> entries;

  DocumentCache(int size) {
    this.size = size;
    this.entries = leastRecentlyUsed(size);
  }

  /**
   * A map that holds at most {@code size} entries, dropping the one used least recently (not
   * thread-safe: callers lock it).
   */
  static <K, V> Map<K, V> leastRecentlyUsed(int size) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > size;
      }
    };
  }

  @Override
  public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
      ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
    String query = input.getQuery();
    if (size <= 0 || query.length() > MAX_QUERY_CHARS) {
      return CompletableFuture.completedFuture(parseAndValidate.apply(input));
    }
    PreparsedDocumentEntry entry;
    synchronized (entries) {
      entry = entries.get(query);
    }
    if (entry == null) {
      // parsed outside the lock: two requests with a new query may both parse it, once each
      entry = parseAndValidate.apply(input);
      if (!entry.hasErrors()) {
        synchronized (entries) {
          entries.put(query, entry);
        }
      }
    }
    return CompletableFuture.completedFuture(entry);
  }

  /** How many queries are kept now. */
  int cached() {
    synchronized (entries) {
      return entries.size();
    }
  }
}
