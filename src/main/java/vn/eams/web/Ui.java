package vn.eams.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The page texts: message bundles {@code messages/ui_vi.properties} (default) and {@code
 * messages/ui_en.properties}, UTF-8. Templates hold no literal UI text; they read these maps.
 */
@ApplicationScoped
public class Ui {

  /** Supported languages, the default first. */
  public static final List<String> LANGUAGES = List.of("vi", "en");

  private final Map<String, Map<String, String>> bundles = new LinkedHashMap<>();

  Ui() {
    for (String lang : LANGUAGES) {
      bundles.put(lang, load("messages/ui_" + lang + ".properties"));
    }
  }

  /** The language to use for a requested one (unknown or missing means Vietnamese). */
  public static String language(String requested) {
    if (requested == null) {
      return LANGUAGES.get(0);
    }
    String l = requested.strip().toLowerCase(Locale.ROOT);
    return LANGUAGES.contains(l) ? l : LANGUAGES.get(0);
  }

  /** All texts of a language. */
  public Map<String, String> texts(String lang) {
    return bundles.get(language(lang));
  }

  /** One text with {@link MessageFormat} arguments ({@code {0}}, {@code {1}}). */
  public String format(String lang, String key, Object... args) {
    String pattern = texts(lang).getOrDefault(key, key);
    return new MessageFormat(pattern.replace("'", "''"), Locale.forLanguageTag(language(lang)))
        .format(args);
  }

  private static Map<String, String> load(String resource) {
    Properties p = new Properties();
    try (InputStream in =
        Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing message bundle " + resource);
      }
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> m = new LinkedHashMap<>();
    p.stringPropertyNames().stream().sorted().forEach(k -> m.put(k, p.getProperty(k)));
    return Collections.unmodifiableMap(m);
  }
}
