package vn.eams.metamodel;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Map;

/** Strict coercion of raw JSON-ish values to the stored Java types, with bilingual problems. */
final class ValueCoercer {

  private ValueCoercer() {}

  static Coercion coerce(PropertyDefinition d, Object raw) {
    if (raw == null || (raw instanceof String s && s.isBlank())) {
      return d.required()
          ? problem(
              d,
              PropertyProblem.REQUIRED,
              "là bắt buộc (hãy nhập giá trị)",
              "is required (enter a value)")
          : Coercion.absent();
    }
    return switch (d.type()) {
      case STRING, TEXT -> text(d, raw);
      case ENUM -> enumValue(d, raw);
      case URL -> url(d, raw);
      case ELEMENT -> text(d, raw);
      case INTEGER -> integer(d, raw);
      case DECIMAL -> decimal(d, raw);
      case BOOLEAN -> raw instanceof Boolean ? Coercion.of(raw) : wrongType(d, raw);
      case DATE -> date(d, raw);
    };
  }

  private static Coercion text(PropertyDefinition d, Object raw) {
    if (!(raw instanceof String s)) {
      return wrongType(d, raw);
    }
    int length = s.codePointCount(0, s.length());
    if (d.constraint().maxLength().isPresent() && length > d.constraint().maxLength().getAsInt()) {
      int max = d.constraint().maxLength().getAsInt();
      return problem(
          d,
          PropertyProblem.MAX_LENGTH,
          "quá dài: " + length + " ký tự, tối đa " + max + " ký tự (hãy rút gọn)",
          "is too long: " + length + " characters, at most " + max + " allowed (shorten it)");
    }
    return Coercion.of(s);
  }

  private static Coercion enumValue(PropertyDefinition d, Object raw) {
    if (!(raw instanceof String s)) {
      return wrongType(d, raw);
    }
    if (d.constraint().allowedValues().contains(s)) {
      return Coercion.of(s);
    }
    String allowed = String.join(", ", d.constraint().allowedValues());
    return problem(
        d,
        PropertyProblem.ENUM,
        "phải là một trong: "
            + allowed
            + "; giá trị hiện tại là '"
            + s
            + "' (hãy chọn trong danh sách)",
        "must be one of: " + allowed + "; got '" + s + "' (choose one of the listed values)");
  }

  private static Coercion url(PropertyDefinition d, Object raw) {
    if (!(raw instanceof String s)) {
      return wrongType(d, raw);
    }
    if (isHttpUrl(s)) {
      return Coercion.of(s);
    }
    return problem(
        d,
        PropertyProblem.URL,
        "phải là địa chỉ web bắt đầu bằng http:// hoặc https://, ví dụ https://travinh.gov.vn;"
            + " giá trị hiện tại là '"
            + s
            + "'",
        "must be a web address starting with http:// or https://, e.g. https://travinh.gov.vn;"
            + " got '"
            + s
            + "'");
  }

  private static boolean isHttpUrl(String s) {
    if (s.chars().anyMatch(Character::isWhitespace)) {
      return false;
    }
    try {
      URI uri = new URI(s);
      String scheme = uri.getScheme();
      return scheme != null
          && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          && uri.getHost() != null
          && !uri.getHost().isEmpty();
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static Coercion integer(PropertyDefinition d, Object raw) {
    long value;
    if (raw instanceof Integer
        || raw instanceof Long
        || raw instanceof Short
        || raw instanceof Byte) {
      value = ((Number) raw).longValue();
    } else if (raw instanceof BigInteger b && b.bitLength() < 64) {
      value = b.longValue();
    } else {
      return wrongType(d, raw);
    }
    return inRange(d, BigDecimal.valueOf(value), Long.valueOf(value));
  }

  private static Coercion decimal(PropertyDefinition d, Object raw) {
    BigDecimal value;
    if (raw instanceof BigDecimal b) {
      value = b;
    } else if (raw instanceof Double || raw instanceof Float) {
      double x = ((Number) raw).doubleValue();
      if (!Double.isFinite(x)) {
        return wrongType(d, raw);
      }
      value = raw instanceof Float ? new BigDecimal(raw.toString()) : BigDecimal.valueOf(x);
    } else if (raw instanceof Integer
        || raw instanceof Long
        || raw instanceof Short
        || raw instanceof Byte) {
      value = BigDecimal.valueOf(((Number) raw).longValue());
    } else if (raw instanceof BigInteger b) {
      value = new BigDecimal(b);
    } else {
      return wrongType(d, raw);
    }
    return inRange(d, value, value);
  }

  private static Coercion inRange(PropertyDefinition d, BigDecimal value, Object stored) {
    PropertyConstraint c = d.constraint();
    boolean low = c.min().isPresent() && value.compareTo(c.min().get()) < 0;
    boolean high = c.max().isPresent() && value.compareTo(c.max().get()) > 0;
    if (!low && !high) {
      return Coercion.of(stored);
    }
    String got = value.toPlainString();
    String vi;
    String en;
    if (c.min().isPresent() && c.max().isPresent()) {
      String min = c.min().get().toPlainString();
      String max = c.max().get().toPlainString();
      vi = "phải nằm trong khoảng từ " + min + " đến " + max;
      en = "must be between " + min + " and " + max;
    } else if (c.min().isPresent()) {
      vi = "phải lớn hơn hoặc bằng " + c.min().get().toPlainString();
      en = "must be at least " + c.min().get().toPlainString();
    } else {
      vi = "phải nhỏ hơn hoặc bằng " + c.max().get().toPlainString();
      en = "must be at most " + c.max().get().toPlainString();
    }
    return problem(
        d,
        PropertyProblem.RANGE,
        vi + "; giá trị hiện tại là " + got,
        en + "; got " + got + " (enter a value in that range)");
  }

  private static Coercion date(PropertyDefinition d, Object raw) {
    if (raw instanceof LocalDate date) {
      return Coercion.of(date.toString());
    }
    if (!(raw instanceof String s)) {
      return wrongType(d, raw);
    }
    try {
      return Coercion.of(LocalDate.parse(s).toString());
    } catch (DateTimeParseException e) {
      return problem(
          d,
          PropertyProblem.DATE,
          "phải là ngày theo dạng YYYY-MM-DD (ISO-8601), ví dụ 2025-01-31; giá trị hiện tại là '"
              + s
              + "'",
          "must be a date written YYYY-MM-DD (ISO-8601), e.g. 2025-01-31; got '" + s + "'");
    }
  }

  private static Coercion wrongType(PropertyDefinition d, Object raw) {
    String vi;
    String en;
    switch (d.type()) {
      case INTEGER -> {
        vi = "phải là số nguyên (số JSON không có dấu ngoặc kép, ví dụ 42)";
        en = "must be a whole number (a JSON number without quotes, e.g. 42)";
      }
      case DECIMAL -> {
        vi = "phải là số (số JSON không có dấu ngoặc kép, ví dụ 12.5)";
        en = "must be a number (a JSON number without quotes, e.g. 12.5)";
      }
      case BOOLEAN -> {
        vi = "phải là true hoặc false (không có dấu ngoặc kép)";
        en = "must be true or false (a JSON boolean without quotes)";
      }
      case DATE -> {
        vi = "phải là ngày dạng văn bản YYYY-MM-DD, ví dụ \"2025-01-31\"";
        en = "must be a date written as text YYYY-MM-DD, e.g. \"2025-01-31\"";
      }
      default -> {
        vi = "phải là văn bản (chuỗi JSON trong dấu ngoặc kép)";
        en = "must be text (a JSON string in quotes)";
      }
    }
    return problem(
        d,
        PropertyProblem.TYPE,
        vi + "; nhận được " + describeVi(raw),
        en + "; got " + describeEn(raw));
  }

  private static String describeEn(Object raw) {
    if (raw instanceof String s) {
      return "text \"" + s + "\"";
    }
    if (raw instanceof Number || raw instanceof Boolean) {
      return raw.getClass().getSimpleName().toLowerCase() + " " + raw;
    }
    if (raw instanceof Map || raw instanceof Collection) {
      return raw instanceof Map ? "an object" : "a list";
    }
    return "a value of type " + raw.getClass().getSimpleName();
  }

  private static String describeVi(Object raw) {
    if (raw instanceof String s) {
      return "văn bản \"" + s + "\"";
    }
    if (raw instanceof Number) {
      return "số " + raw;
    }
    if (raw instanceof Boolean) {
      return "giá trị logic " + raw;
    }
    return "giá trị kiểu " + raw.getClass().getSimpleName();
  }

  private static Coercion problem(PropertyDefinition d, String code, String vi, String en) {
    return Coercion.problem(
        new PropertyProblem(
            d.name(),
            code,
            "Thuộc tính '" + d.labelVi() + "' (" + d.name() + ") " + vi,
            "Property '" + d.labelEn() + "' (" + d.name() + ") " + en));
  }
}
