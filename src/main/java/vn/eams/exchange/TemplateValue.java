package vn.eams.exchange;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import vn.eams.metamodel.PropertyConstraint;
import vn.eams.metamodel.PropertyDefinition;
import vn.eams.model.Text;

/**
 * Reads the text of one spreadsheet cell as a value of a profile property, the way people type it
 * in a spreadsheet: enum values ignoring case, {@code Có}/{@code Không} for booleans, dates as
 * {@code dd/MM/yyyy} or {@code yyyy-MM-dd}, decimals with a point or a comma. The result is the
 * canonical text that {@link ModelPackage#typedValue} turns into the stored type, or what is wrong
 * together with the allowed values, in Vietnamese and English.
 */
final class TemplateValue {

  private static final DateTimeFormatter DAY_MONTH_YEAR =
      DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
  private static final Pattern WHOLE = Pattern.compile("[+-]?[0-9]+");
  private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9]+([.,][0-9]+)?");
  private static final Set<String> YES = Set.of("co", "true", "yes");
  private static final Set<String> NO = Set.of("khong", "false", "no");

  /**
   * What a cell holds: the canonical text, or a problem.
   *
   * @param value the canonical text when the cell is valid
   * @param code the problem's code (e.g. {@code enum}, {@code range}) when it is not
   * @param problemVi what is wrong, in Vietnamese
   * @param problemEn what is wrong, in English
   */
  record Result(Optional<String> value, String code, String problemVi, String problemEn) {

    static Result ok(String value) {
      return new Result(Optional.of(value), "", "", "");
    }

    static Result wrong(String code, String vi, String en) {
      return new Result(Optional.empty(), code, vi, en);
    }

    boolean isValid() {
      return value.isPresent();
    }
  }

  private TemplateValue() {}

  /** Reads a non-blank cell as a value of {@code def}. */
  static Result read(PropertyDefinition def, String text) {
    return switch (def.type()) {
      case ENUM -> enumValue(def, text);
      case INTEGER -> integer(def, text);
      case DECIMAL -> decimal(def, text);
      case BOOLEAN -> bool(text);
      case DATE -> date(text);
      case ELEMENT -> reference(text);
      case URL -> url(def, text);
      case STRING, TEXT -> text(def, text);
    };
  }

  /** The allowed values of a property, in Vietnamese. */
  static String allowedVi(PropertyDefinition def) {
    PropertyConstraint c = def.constraint();
    return switch (def.type()) {
      case ENUM -> "một trong " + String.join(", ", c.allowedValues());
      case INTEGER -> "số nguyên" + rangeVi(c);
      case DECIMAL -> "số (dấu thập phân là dấu chấm hoặc dấu phẩy)" + rangeVi(c);
      case BOOLEAN -> "Có hoặc Không (hoặc true, false)";
      case DATE -> "ngày theo dạng dd/MM/yyyy hoặc yyyy-MM-dd, ví dụ 31/01/2025 hoặc 2025-01-31";
      case ELEMENT -> referenceVi(c);
      case URL -> "địa chỉ web bắt đầu bằng http:// hoặc https://";
      case STRING, TEXT ->
          c.maxLength().isPresent()
              ? "văn bản tối đa " + c.maxLength().getAsInt() + " ký tự"
              : "văn bản";
    };
  }

  /** The allowed values of a property, in English. */
  static String allowedEn(PropertyDefinition def) {
    PropertyConstraint c = def.constraint();
    return switch (def.type()) {
      case ENUM -> "one of " + String.join(", ", c.allowedValues());
      case INTEGER -> "a whole number" + rangeEn(c);
      case DECIMAL -> "a number (decimal point or comma)" + rangeEn(c);
      case BOOLEAN -> "Có or Không (or true, false)";
      case DATE -> "a date as dd/MM/yyyy or yyyy-MM-dd, e.g. 31/01/2025 or 2025-01-31";
      case ELEMENT -> referenceEn(c);
      case URL -> "a web address starting with http:// or https://";
      case STRING, TEXT ->
          c.maxLength().isPresent()
              ? "text of at most " + c.maxLength().getAsInt() + " characters"
              : "text";
    };
  }

  /** Allowed values of a reference to elements of the given types, in Vietnamese. */
  static String referenceVi(PropertyConstraint c) {
    if (c.elementTypes().equals(Set.of(AgencyTemplate.AGENCY_TYPE))) {
      return "Mã của một cơ quan, đơn vị (BusinessActor) đã có trong mô hình của tỉnh,"
          + " ví dụ tv-agency-so-tttt";
    }
    String types = c.elementTypes().isEmpty() ? "bất kỳ" : String.join(", ", c.elementTypes());
    return "Mã của một phần tử (" + types + ") đã có trong mô hình của tỉnh";
  }

  /** Allowed values of a reference to elements of the given types, in English. */
  static String referenceEn(PropertyConstraint c) {
    if (c.elementTypes().equals(Set.of(AgencyTemplate.AGENCY_TYPE))) {
      return "the Mã (id) of an agency (BusinessActor) already in the province model,"
          + " e.g. tv-agency-so-tttt";
    }
    String types = c.elementTypes().isEmpty() ? "any type" : String.join(", ", c.elementTypes());
    return "the Mã (id) of an element (" + types + ") already in the province model";
  }

  private static Result enumValue(PropertyDefinition def, String text) {
    for (String allowed : def.constraint().allowedValues()) {
      if (allowed.equalsIgnoreCase(text)) {
        return Result.ok(allowed);
      }
    }
    return Result.wrong("enum", "không có trong danh sách", "is not in the list");
  }

  private static Result integer(PropertyDefinition def, String text) {
    String digits = text.replace(" ", "");
    if (!WHOLE.matcher(digits).matches()) {
      return Result.wrong("integer", "không phải số nguyên", "is not a whole number");
    }
    BigDecimal value = new BigDecimal(digits);
    if (value.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      return Result.wrong("range", "quá lớn", "is too large");
    }
    return inRange(def.constraint(), value);
  }

  private static Result decimal(PropertyDefinition def, String text) {
    String digits = text.replace(" ", "");
    if (!NUMBER.matcher(digits).matches()) {
      return Result.wrong("decimal", "không phải số", "is not a number");
    }
    return inRange(def.constraint(), new BigDecimal(digits.replace(',', '.')));
  }

  private static Result inRange(PropertyConstraint c, BigDecimal value) {
    boolean low = c.min().isPresent() && value.compareTo(c.min().get()) < 0;
    boolean high = c.max().isPresent() && value.compareTo(c.max().get()) > 0;
    if (low || high) {
      return Result.wrong("range", "nằm ngoài khoảng cho phép", "is out of range");
    }
    return Result.ok(value.toPlainString());
  }

  private static Result bool(String text) {
    String key = Text.foldKey(text);
    if (YES.contains(key)) {
      return Result.ok("true");
    }
    if (NO.contains(key)) {
      return Result.ok("false");
    }
    return Result.wrong("boolean", "không phải Có hoặc Không", "is not Có or Không (yes or no)");
  }

  private static Result date(String text) {
    try {
      return Result.ok(LocalDate.parse(text).toString());
    } catch (DateTimeParseException iso) {
      try {
        return Result.ok(LocalDate.parse(text, DAY_MONTH_YEAR).toString());
      } catch (DateTimeParseException local) {
        return Result.wrong("date", "không phải ngày hợp lệ", "is not a valid date");
      }
    }
  }

  private static Result reference(String text) {
    if (Text.isValidId(text)) {
      return Result.ok(text);
    }
    return Result.wrong(
        "reference",
        "không phải một Mã (mã chỉ gồm chữ cái không dấu, chữ số, '_', '-', '.'; không ghi tên)",
        "is not an id (ASCII letters, digits, '_', '-', '.'; not a name)");
  }

  private static Result url(PropertyDefinition def, String text) {
    if (def.coerce(text).isValid()) {
      return Result.ok(text);
    }
    return Result.wrong("url", "không phải địa chỉ web hợp lệ", "is not a valid web address");
  }

  private static Result text(PropertyDefinition def, String text) {
    int length = text.codePointCount(0, text.length());
    if (def.constraint().maxLength().isPresent()
        && length > def.constraint().maxLength().getAsInt()) {
      return Result.wrong(
          "max-length",
          "quá dài (" + length + " ký tự)",
          "is too long (" + length + " characters)");
    }
    return Result.ok(text);
  }

  private static String rangeVi(PropertyConstraint c) {
    if (c.min().isPresent() && c.max().isPresent()) {
      return " từ " + c.min().get().toPlainString() + " đến " + c.max().get().toPlainString();
    }
    if (c.min().isPresent()) {
      return " từ " + c.min().get().toPlainString() + " trở lên";
    }
    return c.max().isPresent() ? " không quá " + c.max().get().toPlainString() : "";
  }

  private static String rangeEn(PropertyConstraint c) {
    if (c.min().isPresent() && c.max().isPresent()) {
      return " from " + c.min().get().toPlainString() + " to " + c.max().get().toPlainString();
    }
    if (c.min().isPresent()) {
      return " of at least " + c.min().get().toPlainString();
    }
    return c.max().isPresent() ? " of at most " + c.max().get().toPlainString() : "";
  }
}
