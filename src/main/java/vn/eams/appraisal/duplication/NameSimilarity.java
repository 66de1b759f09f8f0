package vn.eams.appraisal.duplication;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.eams.model.Text;

/**
 * Vietnamese-aware name similarity. A name is put in lower case (Unicode NFC) and cut into words at
 * every character that is not a letter or digit; the generic words and phrases of the rule-set ("hệ
 * thống", "phần mềm", "quản lý", "của" …) are dropped. A word matches a generic word when it is the
 * same with its diacritics, or when it is written without any diacritic and equals the generic word
 * folded: "cửa" in "Một cửa" is kept while "của" and a bare "cua" are dropped. The words left are
 * folded (diacritics removed, đ → d) and two names are compared by the Jaccard similarity of their
 * word sets and the Dice similarity of the character trigrams of those words joined by single
 * spaces (padded with one space each side); the similarity is {@code tokenShare × jaccard + (1 −
 * tokenShare) × dice}.
 */
public final class NameSimilarity {

  private NameSimilarity() {}

  /** The folded words of a text. */
  public static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    for (String w : words(text)) {
      out.add(Text.foldKey(w));
    }
    return out;
  }

  /** The words of a text in lower case, diacritics kept (Unicode NFC). */
  public static List<String> words(String text) {
    String lower =
        Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC)
            .toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
        word.append(c);
      } else if (word.length() > 0) {
        out.add(word.toString());
        word.setLength(0);
      }
    }
    if (word.length() > 0) {
      out.add(word.toString());
    }
    return out;
  }

  /**
   * The significant words of a name, folded: its words without the generic phrases (given as
   * lower-case word lists with diacritics, longest first; a phrase is dropped wherever its words
   * occur in a row).
   */
  public static List<String> significant(String name, List<List<String>> generic) {
    List<String> words = words(name);
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < words.size()) {
      int skip = 0;
      for (List<String> phrase : generic) {
        if (startsAt(words, i, phrase)) {
          skip = phrase.size();
          break;
        }
      }
      if (skip > 0) {
        i += skip;
      } else {
        out.add(Text.foldKey(words.get(i)));
        i++;
      }
    }
    return out;
  }

  private static boolean startsAt(List<String> words, int i, List<String> phrase) {
    if (i + phrase.size() > words.size()) {
      return false;
    }
    for (int k = 0; k < phrase.size(); k++) {
      if (!same(words.get(i + k), phrase.get(k))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a word of a name is the generic word {@code g}: equal with diacritics, or written
   * without any diacritic and equal to {@code g} folded.
   */
  static boolean same(String word, String g) {
    if (word.equals(g)) {
      return true;
    }
    String folded = Text.foldKey(word);
    return folded.equals(word) && folded.equals(Text.foldKey(g));
  }

  /** Jaccard similarity of two word sets: |A ∩ B| / |A ∪ B|, 0 when both are empty. */
  public static double jaccard(List<String> a, List<String> b) {
    Set<String> sa = new HashSet<>(a);
    Set<String> sb = new HashSet<>(b);
    Set<String> union = new HashSet<>(sa);
    union.addAll(sb);
    if (union.isEmpty()) {
      return 0;
    }
    sa.retainAll(sb);
    return (double) sa.size() / union.size();
  }

  /** The character trigrams of words joined by single spaces and padded with a space each side. */
  public static List<String> trigrams(List<String> words) {
    List<String> out = new ArrayList<>();
    if (words.isEmpty()) {
      return out;
    }
    String s = " " + String.join(" ", words) + " ";
    for (int i = 0; i + 3 <= s.length(); i++) {
      out.add(s.substring(i, i + 3));
    }
    return out;
  }

  /** Dice similarity of two trigram multisets: 2 |A ∩ B| / (|A| + |B|), 0 when both are empty. */
  public static double dice(List<String> a, List<String> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 0;
    }
    List<String> rest = new ArrayList<>(b);
    int common = 0;
    for (String t : a) {
      if (rest.remove(t)) {
        common++;
      }
    }
    return 2.0 * common / (a.size() + b.size());
  }

  /**
   * The similarity of two names, 0..1, after dropping the generic words; 0 when either name has no
   * significant word left.
   */
  public static double similarity(
      String a, String b, List<List<String>> generic, double tokenShare) {
    List<String> wa = significant(a, generic);
    List<String> wb = significant(b, generic);
    if (wa.isEmpty() || wb.isEmpty()) {
      return 0;
    }
    return tokenShare * jaccard(wa, wb) + (1 - tokenShare) * dice(trigrams(wa), trigrams(wb));
  }
}
