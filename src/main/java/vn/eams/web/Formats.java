package vn.eams.web;

import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Number formats of the pages, the Vietnamese way: 1.234.567 đồng, 0,75. */
@TemplateExtension
public final class Formats {

  private Formats() {}

  /** A whole amount with dots between thousands: {@code {c.totalVnd.vnd}} gives 1.234.567.890. */
  static String vnd(Number n) {
    if (n == null) {
      return "";
    }
    DecimalFormatSymbols s = new DecimalFormatSymbols(Locale.ROOT);
    s.setGroupingSeparator('.');
    s.setDecimalSeparator(',');
    return new DecimalFormat("#,##0", s).format(new BigDecimal(n.toString()));
  }

  /** A decimal with a comma, up to four places: {@code {x.dec}} gives 0,7521. */
  static String dec(Number n) {
    if (n == null) {
      return "";
    }
    DecimalFormatSymbols s = new DecimalFormatSymbols(Locale.ROOT);
    s.setGroupingSeparator('.');
    s.setDecimalSeparator(',');
    return new DecimalFormat("#,##0.####", s).format(new BigDecimal(n.toString()));
  }

  /** An ISO date (2026-11-16) the Vietnamese way: 16/11/2026; anything else as it is. */
  static String vnDate(String iso) {
    if (iso == null || !iso.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
      return iso == null ? "" : iso;
    }
    return iso.substring(8, 10) + "/" + iso.substring(5, 7) + "/" + iso.substring(0, 4);
  }
}
