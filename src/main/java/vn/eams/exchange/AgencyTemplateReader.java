package vn.eams.exchange;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import vn.eams.exchange.AgencyTemplate.Column;
import vn.eams.exchange.AgencyTemplate.Kind;
import vn.eams.exchange.AgencyTemplate.Role;
import vn.eams.metamodel.Metamodel;
import vn.eams.metamodel.PropertyConstraint;
import vn.eams.metamodel.PropertyDefinition;
import vn.eams.metamodel.PropertyType;
import vn.eams.metamodel.Specialization;
import vn.eams.model.ModelData;
import vn.eams.model.Property;
import vn.eams.model.Text;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/**
 * Reads the inventories that agencies fill in the spreadsheet templates of {@code
 * import/templates/} (applications, databases, sharing services, infrastructure) into an {@link
 * ImportedModel} to merge into the province model.
 *
 * <p>Each file is recognised by its header row (the Vietnamese headers, ignoring case and
 * diacritics), or by its file name when the header names only the common columns. Files are UTF-8,
 * with or without a byte order mark, separated by {@code ,}, {@code ;} or TAB. Lines starting with
 * {@code #} and empty rows are skipped. Every row of every file is checked and every problem is
 * reported at once: its place ({@code file:line}), its column (the header) and, for a wrong value,
 * the allowed values. Nothing is returned while a problem remains.
 *
 * <p>A row becomes one element of its template's ArchiMate type and {@code vn-egov} specialization,
 * with the typed properties of its columns. An empty Mã gets a new id. The owning agency (Cơ quan
 * chủ quản) is the profile property {@code owner} where the specialization has it (Application,
 * DataCentre, ServerRoom), and otherwise an Association named "chủ quản" from the agency to the
 * element, as the shipped model draws it for databases. References name elements that are not in
 * the files (agencies of the province model), so the result is {@link ImportedModel#partial()
 * partial}.
 */
public final class AgencyTemplateReader {

  /** The {@link ImportedModel#format()} of what this reader returns. */
  public static final String FORMAT = "agency-template";

  /** Name of the Association from an owning agency to what it owns. */
  static final String OWNER_RELATIONSHIP_NAME = "chủ quản";

  /** Prefix of the id of an owner Association; the owned element's id follows. */
  static final String OWNER_RELATIONSHIP_PREFIX = "chu-quan.";

  private static final PropertyConstraint AGENCY_REFERENCE =
      PropertyConstraint.parse(PropertyType.ELEMENT, AgencyTemplate.AGENCY_TYPE);

  /** Problems in file order, then line order; problems without a place first. */
  private static final Comparator<Problem.Error> BY_PLACE =
      Comparator.comparing((Problem.Error e) -> file(e.line()))
          .thenComparingInt(e -> lineNumber(e.line()));

  private final Metamodel metamodel;
  private final List<Problem.Error> errors = new ArrayList<>();
  private final List<Entry> entries = new ArrayList<>();
  private final Map<String, Entry> entriesById = new HashMap<>();

  private AgencyTemplateReader(Metamodel metamodel) {
    this.metamodel = metamodel;
    for (AgencyTemplate t : AgencyTemplate.ALL) {
      t.kinds().forEach(this::specialization);
    }
  }

  /**
   * Reads filled templates.
   *
   * @param files file name (as shown in messages) → content
   * @param source what was uploaded, for messages and as the name of the imported model
   * @param metamodel the metamodel, with the {@code vn-egov} profile loaded
   * @return one element per row, plus the owner Associations; partial
   * @throws ProblemException 422 listing every problem with {@code file:line}, column and allowed
   *     values
   * @throws IllegalStateException when the metamodel lacks the {@code vn-egov} profile
   */
  public static ImportedModel read(Map<String, byte[]> files, String source, Metamodel metamodel) {
    AgencyTemplateReader reader = new AgencyTemplateReader(metamodel);
    if (files.isEmpty()) {
      reader.error(
          null,
          null,
          null,
          "no-files",
          "Không có tệp nào. Hãy gửi một hoặc nhiều biểu mẫu: " + templateNames() + ".",
          "No file. Send one or more templates: " + templateNames() + ".");
    }
    new TreeMap<>(files).forEach(reader::readFile);
    reader.checkReferences();
    reader.errors.sort(BY_PLACE);
    if (!reader.errors.isEmpty()) {
      throw ProblemException.invalid(
          "Các biểu mẫu trong "
              + source
              + " có "
              + reader.errors.size()
              + " lỗi; chưa nhập gì. Hãy sửa trong bảng tính rồi gửi lại. / The templates in "
              + source
              + " have "
              + reader.errors.size()
              + " problem(s); nothing was imported. Correct them in the spreadsheet and send them"
              + " again.",
          reader.errors);
    }
    return reader.build(source);
  }

  // ---- files -------------------------------------------------------------------------------

  private void readFile(String file, byte[] bytes) {
    Optional<String> text = decode(file, bytes);
    if (text.isEmpty()) {
      return;
    }
    List<Csv.Row> rows = parse(file, text.get());
    if (rows.isEmpty()) {
      error(
          file + ":1",
          null,
          null,
          "empty-file",
          "Tệp không có hàng tiêu đề. Hãy dùng biểu mẫu trong import/templates/.",
          "The file has no header row. Use a template of import/templates/.");
      return;
    }
    Csv.Row header = rows.get(0);
    Optional<AgencyTemplate> template = recognise(file, header);
    if (template.isEmpty()) {
      error(
          file + ":" + header.line(),
          null,
          null,
          "unknown-template",
          "Không nhận ra biểu mẫu: hàng tiêu đề không phải của "
              + templateNames()
              + " (import/templates/). Hãy giữ nguyên hàng tiêu đề của biểu mẫu.",
          "Not an agency template: the header row is not that of "
              + templateNames()
              + " (import/templates/). Keep the template's header row as it is.");
      return;
    }
    Layout layout = layout(file, template.get(), header);
    for (Csv.Row row : rows.subList(1, rows.size())) {
      if (!isSkipped(row)) {
        readRow(file, template.get(), layout, row);
      }
    }
  }

  /** The text of a UTF-8 file without its byte order mark; empty (with an error) when invalid. */
  private Optional<String> decode(String file, byte[] bytes) {
    if (bytes.length >= 2
        && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
            || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
      encodingError(
          file + ":1", "được lưu dạng UTF-16 (Unicode Text)", "is saved as UTF-16 (Unicode Text)");
      return Optional.empty();
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8 never has more chars than bytes
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError() || result.isOverflow()) {
      int at = in.position();
      String where = file + ":" + lineOfByte(bytes, at);
      String what = at < bytes.length ? String.format("0x%02X", bytes[at] & 0xFF) : "?";
      encodingError(
          where,
          "không phải UTF-8 hợp lệ (byte " + what + ")",
          "is not valid UTF-8 (byte " + what + ")");
      return Optional.empty();
    }
    String text = out.flip().toString();
    return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
  }

  private void encodingError(String where, String vi, String en) {
    error(
        where,
        null,
        null,
        "encoding",
        "Tệp "
            + vi
            + ". Trong Excel hãy chọn Lưu thành (Save As) → \"CSV UTF-8 (Comma delimited)\"; trong"
            + " LibreOffice chọn bộ ký tự Unicode (UTF-8).",
        "The file "
            + en
            + ". In Excel use Save As → \"CSV UTF-8 (Comma delimited)\"; in LibreOffice choose"
            + " the character set Unicode (UTF-8).");
  }

  private static int lineOfByte(byte[] bytes, int end) {
    int line = 1;
    for (int i = 0; i < end && i < bytes.length; i++) {
      boolean crAlone = bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n');
      if (bytes[i] == '\n' || crAlone) {
        line++;
      }
    }
    return line;
  }

  /** Every record, with the delimiter of the header line; a broken record is reported, skipped. */
  private List<Csv.Row> parse(String file, String text) {
    List<Csv.Row> rows = new ArrayList<>();
    parseInto(file, text, Csv.sniffDelimiter(firstRecordLine(text)), 0, rows);
    return rows;
  }

  private void parseInto(String file, String text, char delimiter, int offset, List<Csv.Row> out) {
    try {
      for (Csv.Row r : Csv.parse(text, delimiter)) {
        out.add(new Csv.Row(r.line() + offset, r.fields()));
      }
    } catch (Csv.CsvException e) {
      int bad = Math.max(1, e.line());
      int cut = startOfLine(text, bad);
      if (cut < text.length()) {
        parseInto(file, text.substring(0, cut), delimiter, offset, out);
      }
      error(
          file + ":" + (offset + bad),
          null,
          null,
          "csv-syntax",
          "Dòng này sai dấu ngoặc kép (\"), nên bị bỏ qua: một ô có dấu ngoặc kép phải được bao"
              + " trọn trong ngoặc kép, và dấu ngoặc kép bên trong ô viết thành \"\".",
          "This line has broken quoting (\") and was skipped: " + e.getMessage());
      int next = startOfLine(text, bad + 1);
      if (next < text.length()) {
        parseInto(file, text.substring(next), delimiter, offset + bad, out);
      }
    }
  }

  /** The first line that is neither blank nor a comment: the header, to guess the delimiter. */
  private static String firstRecordLine(String text) {
    for (String line : text.split("\r\n|\r|\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        return line;
      }
    }
    return "";
  }

  /** Where a 1-based line starts, counting line ends as {@link Csv} does. */
  private static int startOfLine(String text, int line) {
    int i = 0;
    int current = 1;
    while (current < line && i < text.length()) {
      char c = text.charAt(i);
      if (c == '\r' || c == '\n') {
        boolean crlf = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
        i += crlf ? 2 : 1;
        current++;
      } else {
        i++;
      }
    }
    return current < line ? text.length() : i;
  }

  /** A comment row (even when a spreadsheet quoted it) or a row with no value. */
  private static boolean isSkipped(Csv.Row row) {
    return row.get(0).strip().startsWith("#") || row.fields().stream().allMatch(String::isBlank);
  }

  // ---- header ------------------------------------------------------------------------------

  /**
   * The template whose own columns the header names most; when no template or several tie, the
   * template the file is named after.
   */
  private static Optional<AgencyTemplate> recognise(String file, Csv.Row header) {
    AgencyTemplate best = null;
    int bestScore = 0;
    boolean tie = false;
    for (AgencyTemplate t : AgencyTemplate.ALL) {
      int score = ownColumns(t, header);
      if (score > bestScore) {
        best = t;
        bestScore = score;
        tie = false;
      } else if (score == bestScore && score > 0) {
        tie = true;
      }
    }
    if (best != null && !tie) {
      return Optional.of(best);
    }
    String name = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
    return AgencyTemplate.ALL.stream().filter(t -> t.fileName().equalsIgnoreCase(name)).findFirst();
  }

  private static int ownColumns(AgencyTemplate t, Csv.Row header) {
    int n = 0;
    for (String cell : header.fields()) {
      Optional<Column> c = t.column(cell);
      if (c.isPresent() && (c.get().role() == Role.PROPERTY || c.get().role() == Role.KIND)) {
        n++;
      }
    }
    return n;
  }

  /** Which column each header cell names; reports unknown, repeated and missing columns. */
  private Layout layout(String file, AgencyTemplate template, Csv.Row header) {
    String where = file + ":" + header.line();
    List<Optional<Column>> byIndex = new ArrayList<>();
    List<String> headers = new ArrayList<>();
    Map<Column, String> seen = new HashMap<>();
    for (String raw : header.fields()) {
      String cell = clean(raw);
      headers.add(cell);
      Optional<Column> column = cell.isEmpty() ? Optional.empty() : template.column(cell);
      if (!cell.isEmpty() && column.isEmpty()) {
        unknownColumn(where, template, cell);
      } else if (column.isPresent() && seen.putIfAbsent(column.get(), cell) != null) {
        error(
            where,
            cell,
            null,
            "duplicate-column",
            "Cột '" + cell + "' xuất hiện hai lần. Hãy xóa một cột.",
            "Column '" + cell + "' appears twice. Delete one of them.");
        column = Optional.empty();
      }
      byIndex.add(column);
    }
    for (Column c : template.columns()) {
      if (!seen.containsKey(c) && isRequiredColumn(template, c)) {
        error(
            where,
            c.header(),
            null,
            "missing-column",
            "Thiếu cột bắt buộc '" + c.header() + "'. Hãy thêm lại cột này từ biểu mẫu.",
            "The required column '" + c.header() + "' is missing. Add it back from the template.");
      }
    }
    return new Layout(byIndex, headers);
  }

  private void unknownColumn(String where, AgencyTemplate template, String cell) {
    String allowed = String.join(", ", template.headers());
    error(
        where,
        cell,
        null,
        "unknown-column",
        "Cột '"
            + cell
            + "' không có trong biểu mẫu "
            + template.fileName()
            + ". Các cột cho phép: "
            + allowed
            + ".",
        "Column '"
            + cell
            + "' is not in the template "
            + template.fileName()
            + ". Allowed columns: "
            + allowed
            + ".");
  }

  private boolean isRequiredColumn(AgencyTemplate template, Column c) {
    return switch (c.role()) {
      case NAME, KIND -> true;
      case PROPERTY ->
          template.kinds().stream()
              .allMatch(k -> definition(k, c).map(PropertyDefinition::required).orElse(false));
      default -> false;
    };
  }

  // ---- rows --------------------------------------------------------------------------------

  private void readRow(String file, AgencyTemplate template, Layout layout, Csv.Row row) {
    String where = file + ":" + row.line();
    Map<Column, Cell> cells = cells(where, layout, row);
    String givenId = value(cells, Role.ID);
    String id = givenId.isEmpty() ? Text.newId() : givenId;
    Optional<Kind> kind = kind(where, givenId, template, cells);
    Entry entry =
        new Entry(
            where,
            id,
            kind.orElse(template.kinds().get(0)),
            value(cells, Role.NAME),
            value(cells, Role.NAME_EN),
            value(cells, Role.DOCUMENTATION));
    if (!givenId.isEmpty()) {
      checkId(where, givenId, cells);
    }
    checkName(where, givenId, cells, Role.NAME, true);
    checkName(where, givenId, cells, Role.NAME_EN, false);
    readOwner(entry, givenId, cells);
    for (Map.Entry<Column, Cell> c : cells.entrySet()) {
      if (c.getKey().role() == Role.PROPERTY) {
        readProperty(entry, givenId, template, kind, c.getKey(), c.getValue());
      }
    }
    if (kind.isPresent()) {
      checkRequired(entry, givenId, cells);
    }
    entries.add(entry);
    if (!givenId.isEmpty()) {
      entriesById.putIfAbsent(givenId, entry);
    }
  }

  /** The row's cells by column (with the header as written); reports cells outside the header. */
  private Map<Column, Cell> cells(String where, Layout layout, Csv.Row row) {
    Map<Column, Cell> cells = new LinkedHashMap<>();
    for (int i = 0; i < row.fields().size(); i++) {
      String value = clean(row.fields().get(i));
      boolean underHeader = i < layout.columns().size();
      Optional<Column> column = underHeader ? layout.columns().get(i) : Optional.empty();
      if (column.isPresent()) {
        cells.put(column.get(), new Cell(layout.headers().get(i), value));
      } else if (!value.isEmpty() && (!underHeader || layout.headers().get(i).isEmpty())) {
        error(
            where,
            null,
            null,
            "extra-cell",
            "Ô thứ "
                + (i + 1)
                + " ('"
                + value
                + "') nằm ngoài các cột có tiêu đề. Hãy xóa ô này, hoặc kiểm tra dấu phân cách và"
                + " dấu ngoặc kép của dòng.",
            "Cell "
                + (i + 1)
                + " ('"
                + value
                + "') is outside the columns with a header. Delete it, or check the row's"
                + " delimiters and quotes.");
      }
    }
    return cells;
  }

  private Optional<Kind> kind(
      String where, String id, AgencyTemplate template, Map<Column, Cell> cells) {
    if (!template.hasKindColumn()) {
      return Optional.of(template.kinds().get(0));
    }
    Optional<Map.Entry<Column, Cell>> cell = cell(cells, Role.KIND);
    if (cell.isEmpty()) {
      return Optional.empty(); // the missing column is reported with the header
    }
    String header = cell.get().getValue().header();
    String value = cell.get().getValue().value();
    String allowed = String.join(", ", template.kinds().stream().map(Kind::token).toList());
    if (value.isEmpty()) {
      cellError(where, id, header, value, "required", "", "", "một trong " + allowed, allowed);
      return Optional.empty();
    }
    Optional<Kind> kind = template.kind(value);
    if (kind.isEmpty()) {
      cellError(
          where,
          id,
          header,
          value,
          "enum",
          "không có trong danh sách",
          "is not in the list",
          "một trong " + allowed,
          "one of " + allowed);
    }
    return kind;
  }

  private void checkId(String where, String id, Map<Column, Cell> cells) {
    String header = cell(cells, Role.ID).map(c -> c.getValue().header()).orElse("Mã");
    if (!Text.isValidId(id)) {
      cellError(
          where,
          id,
          header,
          id,
          "invalid-id",
          "không dùng được làm mã",
          "cannot be used as an id",
          "để trống (EAMS tự sinh mã), hoặc mã bắt đầu bằng chữ cái hay '_', chỉ gồm chữ cái không"
              + " dấu, chữ số, '_', '-', '.', tối đa "
              + Text.MAX_ID
              + " ký tự, ví dụ tv-app-so-tttt-qlvb",
          "empty (EAMS makes one), or an id that starts with a letter or '_' and has only ASCII"
              + " letters, digits, '_', '-', '.', at most "
              + Text.MAX_ID
              + " characters, e.g. tv-app-so-tttt-qlvb");
      return;
    }
    Entry first = entriesById.get(id);
    if (first != null) {
      error(
          where,
          header,
          id,
          "duplicate-id",
          "Cột '"
              + header
              + "': mã '"
              + id
              + "' đã dùng ở "
              + first.where()
              + ". Mỗi mã chỉ dùng"
              + " một lần; hãy đổi mã hoặc để trống.",
          "Column '"
              + header
              + "': the id '"
              + id
              + "' is already used at "
              + first.where()
              + ". Each id is used once; change it or leave it empty.");
    }
  }

  private void checkName(
      String where, String id, Map<Column, Cell> cells, Role role, boolean required) {
    Optional<Map.Entry<Column, Cell>> cell = cell(cells, role);
    if (cell.isEmpty()) {
      return;
    }
    String header = cell.get().getValue().header();
    String value = cell.get().getValue().value();
    String allowedVi = "văn bản tối đa " + Text.MAX_NAME + " ký tự";
    String allowedEn = "text of at most " + Text.MAX_NAME + " characters";
    if (value.isEmpty() && required) {
      cellError(where, id, header, value, "required", "", "", allowedVi, allowedEn);
    } else if (value.codePointCount(0, value.length()) > Text.MAX_NAME) {
      cellError(
          where, id, header, value, "max-length", "quá dài", "is too long", allowedVi, allowedEn);
    }
  }

  /** The owning agency: the profile property {@code owner}, or an Association "chủ quản". */
  private void readOwner(Entry entry, String id, Map<Column, Cell> cells) {
    Optional<Map.Entry<Column, Cell>> cell = cell(cells, Role.OWNER);
    if (cell.isEmpty() || cell.get().getValue().value().isEmpty()) {
      return;
    }
    String header = cell.get().getValue().header();
    String value = cell.get().getValue().value();
    if (!Text.isValidId(value)) {
      TemplateValue.Result r = TemplateValue.read(ownerDefinition(), value);
      cellError(
          entry.where(),
          id,
          header,
          value,
          r.code(),
          r.problemVi(),
          r.problemEn(),
          TemplateValue.referenceVi(AGENCY_REFERENCE),
          TemplateValue.referenceEn(AGENCY_REFERENCE));
      return;
    }
    entry.references().add(new Reference(header, value, AGENCY_REFERENCE));
    if (ownerProperty(entry.kind()).isPresent()) {
      entry.properties().put(AgencyTemplate.OWNER_PROPERTY, value);
    } else {
      entry.setOwnerAssociation(value);
    }
  }

  private void readProperty(
      Entry entry,
      String id,
      AgencyTemplate template,
      Optional<Kind> kind,
      Column column,
      Cell cell) {
    if (cell.value().isEmpty()) {
      return; // required properties are checked once the row is read
    }
    Optional<PropertyDefinition> def =
        kind.isPresent()
            ? definition(kind.get(), column)
            : template.kinds().stream().flatMap(k -> definition(k, column).stream()).findFirst();
    if (def.isEmpty()) {
      kind.ifPresent(k -> notApplicable(entry.where(), id, template, column, cell, k));
      return;
    }
    TemplateValue.Result r = TemplateValue.read(def.get(), cell.value());
    if (!r.isValid()) {
      cellError(
          entry.where(),
          id,
          cell.header(),
          cell.value(),
          r.code(),
          r.problemVi(),
          r.problemEn(),
          TemplateValue.allowedVi(def.get()),
          TemplateValue.allowedEn(def.get()));
      return;
    }
    entry.properties().put(column.property(), r.value().get());
    if (def.get().type() == PropertyType.ELEMENT) {
      entry.references().add(new Reference(cell.header(), r.value().get(), def.get().constraint()));
    }
  }

  private void notApplicable(
      String where, String id, AgencyTemplate template, Column column, Cell cell, Kind kind) {
    String kinds =
        String.join(
            ", ",
            template.kinds().stream()
                .filter(k -> definition(k, column).isPresent())
                .map(Kind::token)
                .toList());
    error(
        where,
        cell.header(),
        nullIfEmpty(id),
        "not-applicable",
        "Cột '"
            + cell.header()
            + "' chỉ dùng cho loại "
            + kinds
            + ", không dùng cho "
            + kind.token()
            + ". Hãy để trống ô này.",
        "Column '"
            + cell.header()
            + "' applies only to "
            + kinds
            + ", not to "
            + kind.token()
            + ". Leave the cell empty.");
  }

  /** Required properties of the row's kind whose column is present but empty. */
  private void checkRequired(Entry entry, String id, Map<Column, Cell> cells) {
    for (Map.Entry<Column, Cell> c : cells.entrySet()) {
      Optional<PropertyDefinition> def =
          c.getKey().role() == Role.PROPERTY
              ? definition(entry.kind(), c.getKey())
              : Optional.empty();
      if (def.isPresent() && def.get().required() && c.getValue().value().isEmpty()) {
        cellError(
            entry.where(),
            id,
            c.getValue().header(),
            "",
            "required",
            "",
            "",
            TemplateValue.allowedVi(def.get()),
            TemplateValue.allowedEn(def.get()));
      }
    }
  }

  /** References to ids of rows in the files must name elements of an allowed type. */
  private void checkReferences() {
    for (Entry e : entries) {
      for (Reference r : e.references()) {
        Entry target = entriesById.get(r.id());
        if (target == null
            || r.constraint().elementTypes().isEmpty()
            || r.constraint().elementTypes().contains(target.kind().elementType())) {
          continue;
        }
        cellError(
            e.where(),
            e.id(),
            r.column(),
            r.id(),
            "reference",
            "là mã của '"
                + target.name()
                + "' ("
                + target.where()
                + "), một phần tử loại "
                + target.kind().elementType()
                + ", không phải phần tử được phép",
            "is the id of '"
                + target.name()
                + "' ("
                + target.where()
                + "), an element of type "
                + target.kind().elementType()
                + ", which may not be referred to here",
            TemplateValue.referenceVi(r.constraint()),
            TemplateValue.referenceEn(r.constraint()));
      }
    }
  }

  // ---- result ------------------------------------------------------------------------------

  private ImportedModel build(String source) {
    ImportBuilder builder = new ImportBuilder(metamodel, FORMAT);
    builder.partial();
    builder.model("", new ModelData(source, "", "", "", List.of()));
    for (Entry e : entries) {
      List<Property> properties = new ArrayList<>();
      if (!e.kind().specialization().isEmpty()) {
        properties.add(new Property(ImportBuilder.SPECIALIZATION, e.kind().specialization()));
      }
      e.properties().forEach((k, v) -> properties.add(new Property(k, v)));
      builder.element(
          e.id(),
          e.kind().elementType(),
          e.name(),
          e.nameEn(),
          e.documentation(),
          "",
          properties,
          e.where());
      e.ownerAssociation().ifPresent(owner -> builder.relationship(ownerAssociation(e, owner)));
    }
    return builder.build(source);
  }

  private static ImportBuilder.RelationshipDraft ownerAssociation(Entry e, String owner) {
    String id = OWNER_RELATIONSHIP_PREFIX + e.id();
    return new ImportBuilder.RelationshipDraft(
        id.length() <= Text.MAX_ID ? id : Text.newId(),
        "Association",
        owner,
        e.id(),
        OWNER_RELATIONSHIP_NAME,
        "owner",
        "",
        "",
        List.of(),
        "",
        "",
        false,
        e.where());
  }

  // ---- helpers -----------------------------------------------------------------------------

  /** The kind's specialization; empty for a plain element type. */
  private Optional<Specialization> specialization(Kind kind) {
    if (kind.specialization().isEmpty()) {
      return Optional.empty();
    }
    Specialization s =
        metamodel
            .specialization(kind.specialization())
            .filter(found -> found.elementType().equals(kind.elementType()))
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "The agency templates need the specialization '"
                            + kind.specialization()
                            + "' of "
                            + kind.elementType()
                            + " (profile vn-egov), which the metamodel does not have."));
    return Optional.of(s);
  }

  private Optional<PropertyDefinition> definition(Kind kind, Column column) {
    return specialization(kind).flatMap(s -> s.property(column.property()));
  }

  private Optional<PropertyDefinition> ownerProperty(Kind kind) {
    return specialization(kind)
        .flatMap(s -> s.property(AgencyTemplate.OWNER_PROPERTY))
        .filter(p -> p.type() == PropertyType.ELEMENT)
        .filter(p -> p.constraint().elementTypes().contains(AgencyTemplate.AGENCY_TYPE));
  }

  private static PropertyDefinition ownerDefinition() {
    return new PropertyDefinition(
        AgencyTemplate.OWNER_PROPERTY,
        PropertyType.ELEMENT,
        false,
        AGENCY_REFERENCE,
        "Cơ quan chủ quản",
        "Owning agency");
  }

  private static Optional<Map.Entry<Column, Cell>> cell(Map<Column, Cell> cells, Role role) {
    return cells.entrySet().stream().filter(e -> e.getKey().role() == role).findFirst();
  }

  private static String value(Map<Column, Cell> cells, Role role) {
    return cell(cells, role).map(e -> e.getValue().value()).orElse("");
  }

  /** NFC (as Vietnamese keyboards differ), no-break spaces as spaces, trimmed. */
  private static String clean(String cell) {
    return Normalizer.normalize(cell, Normalizer.Form.NFC).replace('\u00A0', ' ').strip();
  }

  private void cellError(
      String where,
      String id,
      String column,
      String value,
      String code,
      String problemVi,
      String problemEn,
      String allowedVi,
      String allowedEn) {
    boolean empty = value.isEmpty();
    String vi =
        empty
            ? "Cột '" + column + "' là bắt buộc nhưng đang để trống."
            : "Cột '" + column + "': giá trị '" + value + "' " + problemVi + ".";
    String en =
        empty
            ? "Column '" + column + "' is required but empty."
            : "Column '" + column + "': the value '" + value + "' " + problemEn + ".";
    error(
        where,
        column,
        id,
        code,
        vi + " Giá trị cho phép: " + allowedVi + ".",
        en + " Allowed: " + allowedEn + ".");
  }

  private void error(
      String where, String column, String id, String code, String messageVi, String messageEn) {
    errors.add(
        new Problem.Error(
            nullIfEmpty(column),
            nullIfEmpty(id),
            nullIfEmpty(where),
            code,
            messageVi + " / " + messageEn));
  }

  /** The file of a place {@code file:line} ("" when there is none). */
  private static String file(String where) {
    return where == null ? "" : where.substring(0, Math.max(0, where.lastIndexOf(':')));
  }

  /** The line of a place {@code file:line} (0 when there is none). */
  private static int lineNumber(String where) {
    return where == null ? 0 : Integer.parseInt(where.substring(where.lastIndexOf(':') + 1));
  }

  private static String nullIfEmpty(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private static String templateNames() {
    return String.join(
        ", ",
        AgencyTemplate.ALL.stream().map(t -> t.fileName() + " (" + t.titleVi() + ")").toList());
  }

  /** The columns of a file by position (empty for an unknown or repeated header). */
  private record Layout(List<Optional<Column>> columns, List<String> headers) {}

  /** A cell: the header of its column as written in the file, and its cleaned value. */
  private record Cell(String header, String value) {}

  /** An element id given in a column, and what it may refer to. */
  private record Reference(String column, String id, PropertyConstraint constraint) {}

  /** A row as read: the element to create and what it refers to. */
  private static final class Entry {
    private final String where;
    private final String id;
    private final Kind kind;
    private final String name;
    private final String nameEn;
    private final String documentation;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final List<Reference> references = new ArrayList<>();
    private String ownerAssociation = "";

    Entry(String where, String id, Kind kind, String name, String nameEn, String documentation) {
      this.where = where;
      this.id = id;
      this.kind = kind;
      this.name = name;
      this.nameEn = nameEn;
      this.documentation = documentation;
    }

    String where() {
      return where;
    }

    String id() {
      return id;
    }

    Kind kind() {
      return kind;
    }

    String name() {
      return name;
    }

    String nameEn() {
      return nameEn;
    }

    String documentation() {
      return documentation;
    }

    Map<String, String> properties() {
      return properties;
    }

    List<Reference> references() {
      return references;
    }

    Optional<String> ownerAssociation() {
      return ownerAssociation.isEmpty() ? Optional.empty() : Optional.of(ownerAssociation);
    }

    void setOwnerAssociation(String agencyId) {
      this.ownerAssociation = agencyId;
    }
  }
}
