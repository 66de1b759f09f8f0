package vn.eams.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The page texts: both languages complete, and no UI text written into a template. */
class UiMessagesTest {

  @Test
  void bothBundles_HaveExactlyTheSameKeys_AndNoEmptyText() {
    Ui ui = new Ui();
    assertThat(ui.texts("en").keySet()).isEqualTo(ui.texts("vi").keySet());
    ui.texts("vi").forEach((k, v) -> assertThat(v).as(k).isNotBlank());
    ui.texts("en").forEach((k, v) -> assertThat(v).as(k).isNotBlank());
  }

  @Test
  void language_DefaultsToVietnamese() {
    assertThat(Ui.language(null)).isEqualTo("vi");
    assertThat(Ui.language("EN")).isEqualTo("en");
    assertThat(Ui.language("fr")).isEqualTo("vi");
  }

  @Test
  void templates_HoldNoLiteralText_OnlyExpressions() throws IOException {
    List<String> literal = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/templates/pages"))) {
      for (Path f : files.toList()) {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        String stripped =
            text.replaceAll("(?s)<!--.*?-->", " ")
                .replaceAll("(?s)\\{[^{}]*}", " ") // Qute expressions and sections
                .replaceAll("(?s)<[^>]*>", " ") // tags (attribute values included)
                .replaceAll("&[a-z]+;", " ");
        for (String token : stripped.split("\\s+")) {
          if (token.codePoints().anyMatch(Character::isLetter)) {
            literal.add(f.getFileName() + ": " + token);
          }
        }
      }
    }
    assertThat(literal).as("text that belongs in messages/ui_*.properties").isEmpty();
  }
}
