package vn.eams.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.Document;
import graphql.parser.Parser;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The cache of parsed queries: what it keeps, what it drops, and what it never keeps. */
class DocumentCacheTest {

  private final List<String> parsed = new ArrayList<>();

  private final Function<ExecutionInput, PreparsedDocumentEntry> parse =
      input -> {
        parsed.add(input.getQuery());
        if (input.getQuery().contains("broken")) {
          return new PreparsedDocumentEntry(GraphqlErrorBuilder.newError().message("bad").build());
        }
        return new PreparsedDocumentEntry(Parser.parse(input.getQuery()));
      };

  private Document get(DocumentCache cache, String query) {
    ExecutionInput input = ExecutionInput.newExecutionInput().query(query).build();
    return cache.getDocumentAsync(input, parse).join().getDocument();
  }

  @Test
  void aQuerySentAgain_IsParsedOnce() {
    DocumentCache cache = new DocumentCache(10);
    Document first = get(cache, "{ a }");
    Document second = get(cache, "{ a }");
    assertThat(second).isSameAs(first);
    assertThat(parsed).containsExactly("{ a }");
  }

  @Test
  void theLeastRecentlyUsedQuery_IsDropped_WhenFull() {
    DocumentCache cache = new DocumentCache(2);
    get(cache, "{ a }");
    get(cache, "{ b }");
    get(cache, "{ a }"); // a is now used more recently than b
    get(cache, "{ c }"); // drops b
    get(cache, "{ a }");
    get(cache, "{ b }");
    assertThat(parsed).containsExactly("{ a }", "{ b }", "{ c }", "{ b }");
    assertThat(cache.cached()).isEqualTo(2);
  }

  @Test
  void queriesWithErrors_TooLongQueries_AndASizeOfZero_AreNeverKept() {
    DocumentCache cache = new DocumentCache(10);
    ExecutionInput broken = ExecutionInput.newExecutionInput().query("{ broken }").build();
    assertThat(cache.getDocumentAsync(broken, parse).join().hasErrors()).isTrue();
    assertThat(cache.getDocumentAsync(broken, parse).join().hasErrors()).isTrue();
    String longQuery = "{ a(x: \"" + "b".repeat(DocumentCache.MAX_QUERY_CHARS) + "\") }";
    get(cache, longQuery);
    get(cache, longQuery);
    assertThat(parsed).hasSize(4);
    assertThat(cache.cached()).isZero();

    DocumentCache none = new DocumentCache(0);
    get(none, "{ a }");
    get(none, "{ a }");
    assertThat(parsed).hasSize(6);
    assertThat(none.cached()).isZero();
  }
}
