package vn.eams.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void parse_QuotedFieldsWithDoubledQuotesAndLineBreaks_KeepTextAndStartLines() {
    String text = "\"ID\",\"Name\"\r\n\"a\",\"Sở \"\"Tư\"\" pháp\nhai dòng\"\r\n\"b\",\"x\"\r\n";
    List<Csv.Row> rows = Csv.parse(text, ',');
    assertThat(rows).hasSize(3);
    assertThat(rows.get(1).fields()).containsExactly("a", "Sở \"Tư\" pháp\nhai dòng");
    assertThat(rows.get(1).line()).isEqualTo(2);
    assertThat(rows.get(2).line()).isEqualTo(4);
  }

  @Test
  void parse_BomCommentsBlankLinesAndEmptyFields() {
    String text = "\uFEFFID;Name;Doc\n# a comment\n\nx;;\"\"\n";
    List<Csv.Row> rows = Csv.parse(text, Csv.sniffDelimiter(text));
    assertThat(rows.get(0).fields()).containsExactly("ID", "Name", "Doc");
    assertThat(rows.get(1).fields()).containsExactly("x", "", "");
    assertThat(rows.get(1).line()).isEqualTo(4);
  }

  @Test
  void sniffDelimiter_PicksTheMostFrequentOfCommaSemicolonTab() {
    assertThat(Csv.sniffDelimiter("a,b,c\n")).isEqualTo(',');
    assertThat(Csv.sniffDelimiter("a;b;c\n")).isEqualTo(';');
    assertThat(Csv.sniffDelimiter("a\tb\tc\n")).isEqualTo('\t');
  }

  @Test
  void parse_UnclosedQuote_NamesTheLineWhereTheFieldStarts() {
    assertThatThrownBy(() -> Csv.parse("\"a\",\"b\nc,d\n", ','))
        .isInstanceOf(Csv.CsvException.class)
        .satisfies(e -> assertThat(((Csv.CsvException) e).line()).isEqualTo(1));
  }

  @Test
  void parse_TextAfterClosingQuote_IsAnError() {
    assertThatThrownBy(() -> Csv.parse("\"a\"b,c\n", ','))
        .isInstanceOf(Csv.CsvException.class)
        .hasMessageContaining("closing quote");
  }

  @Test
  void parse_BlanksBetweenClosingQuoteAndDelimiter_AreIgnored() {
    List<Csv.Row> rows = Csv.parse("\"a\" ,\"b\"\t\r\n", ',');
    assertThat(rows.get(0).fields()).containsExactly("a", "b");
  }

  @Test
  void parse_QuoteInsideUnquotedField_IsAnError() {
    assertThatThrownBy(() -> Csv.parse("ID,Na\"me\n", ','))
        .isInstanceOf(Csv.CsvException.class)
        .hasMessageContaining("quote");
  }
}
