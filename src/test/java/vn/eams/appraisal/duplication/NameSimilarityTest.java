package vn.eams.appraisal.duplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static vn.eams.appraisal.duplication.TraVinh.RULES;

import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Folding and comparing Vietnamese names (generic words of the rule-set duplication-2026). */
class NameSimilarityTest {

  private static final List<List<String>> VI = RULES.genericVi();

  @Test
  void tokens_FoldDiacriticsAndDBar_AndLowerCase() {
    assertThat(NameSimilarity.tokens("Hệ thống Một cửa ĐIỆN TỬ"))
        .containsExactly("he", "thong", "mot", "cua", "dien", "tu");
    assertThat(NameSimilarity.tokens("Đất đai, (đăng ký)"))
        .containsExactly("dat", "dai", "dang", "ky");
  }

  @Test
  void significant_DropsGenericWords() {
    assertThat(NameSimilarity.significant("Hệ thống một cửa điện tử", VI))
        .containsExactly("mot", "cua");
    assertThat(NameSimilarity.significant("Phần mềm quản lý hồ sơ đất đai", VI))
        .containsExactly("ho", "so", "dat", "dai");
    // the longest phrase first: "hệ thống thông tin" goes as a whole
    assertThat(NameSimilarity.significant("Hệ thống thông tin giải quyết TTHC", VI))
        .containsExactly("giai", "quyet", "tthc");
    assertThat(NameSimilarity.significant("Cơ sở dữ liệu hồ sơ đất đai của Sở", VI))
        .containsExactly("ho", "so", "dat", "dai", "so");
  }

  @Test
  void significant_KeepsCua_OfMotCua_ButDropsCua_Of() {
    // "cửa" (door) is not "của" (of), although both fold to "cua"
    assertThat(NameSimilarity.significant("Một cửa của Sở", VI))
        .containsExactly("mot", "cua", "so");
    // written without any diacritic, "cua" cannot be told apart and is dropped as "của"
    assertThat(NameSimilarity.significant("mot cua dien tu", VI)).containsExactly("mot");
  }

  @Test
  void significant_ReadsDecomposedText_AsComposed() {
    String nfd = Normalizer.normalize("Hệ thống Một cửa", Normalizer.Form.NFD);
    assertThat(NameSimilarity.significant(nfd, VI)).containsExactly("mot", "cua");
  }

  @Test
  void similarity_IsOne_ForTheSameSignificantWords() {
    assertThat(NameSimilarity.similarity("Hệ thống một cửa điện tử", "Một cửa điện tử", VI, 0.5))
        .isEqualTo(1.0);
  }

  @Test
  void similarity_IsZero_WhenANameHasOnlyGenericWords() {
    assertThat(NameSimilarity.similarity("Phần mềm quản lý", "Hệ thống quản lý", VI, 0.5))
        .isEqualTo(0.0);
  }

  @Test
  void similarity_MixesWordsAndTrigrams() {
    // words {ho, so, dat, dai} and {dat, dai}: jaccard 2/4; trigrams of " ho so dat dai so " (16)
    // and " dat dai " (7): " da" twice, "dat", "at ", "t d", "dai", "ai " in common, 7: dice 14/23
    assertThat(
            NameSimilarity.jaccard(List.of("ho", "so", "dat", "dai", "so"), List.of("dat", "dai")))
        .isEqualTo(0.5);
    assertThat(NameSimilarity.trigrams(List.of("dat", "dai")))
        .containsExactly(" da", "dat", "at ", "t d", " da", "dai", "ai ");
    assertThat(
            NameSimilarity.similarity(
                "Cơ sở dữ liệu hồ sơ đất đai của Sở", "Cơ sở dữ liệu về đất đai", VI, 0.5))
        .isCloseTo(0.5 * 0.5 + 0.5 * 14.0 / 23, within(1e-12));
  }
}
