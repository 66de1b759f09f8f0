package vn.eams.exchange;

import java.text.Normalizer;
import java.util.List;
import java.util.Optional;
import vn.eams.model.Text;

/**
 * One agency inventory template ({@code import/templates/*.csv}): its file name, its columns with
 * their Vietnamese headers, and the kinds of element a row may describe (an ArchiMate element type
 * and, where the Vietnamese e-Government profile {@code vn-egov} defines one, a specialization).
 *
 * <p>The templates only name columns. Types, required flags, allowed values and ranges come from
 * the profile at read time, so that the templates follow the profile.
 *
 * @param fileName the name the template ships under, e.g. {@code ung-dung.csv}
 * @param titleVi what the template inventories, in Vietnamese
 * @param kinds the kinds a row may be; more than one only when the template has a kind column
 * @param columns every column, in the order of the shipped file
 */
record AgencyTemplate(String fileName, String titleVi, List<Kind> kinds, List<Column> columns) {

  /** The profile property that holds an owning agency, where a specialization defines it. */
  static final String OWNER_PROPERTY = "owner";

  /** The ArchiMate type an owning agency must have. */
  static final String AGENCY_TYPE = "BusinessActor";

  /** What a column holds. */
  enum Role {
    /** The element's identifier (Mã); empty means "generate one". */
    ID("id"),
    /** The element's name (Tên), required. */
    NAME("name"),
    /** The English name. */
    NAME_EN("nameEn"),
    /** The documentation (Mô tả). */
    DOCUMENTATION("documentation"),
    /** The owning agency (Cơ quan chủ quản): the id of a BusinessActor. */
    OWNER("owner"),
    /** The kind of the row, when a template holds several. */
    KIND("kind"),
    /** A typed property of the row's specialization. */
    PROPERTY("");

    private final String alias;

    Role(String alias) {
      this.alias = alias;
    }

    /** The ASCII name accepted instead of the Vietnamese header ("" for properties). */
    String alias() {
      return alias;
    }
  }

  /**
   * A column.
   *
   * @param header the Vietnamese header of the shipped template
   * @param role what the column holds
   * @param property the profile property, for {@link Role#PROPERTY}; "" otherwise
   */
  record Column(String header, Role role, String property) {

    static Column of(String header, Role role) {
      return new Column(header, role, "");
    }

    static Column property(String header, String property) {
      return new Column(header, Role.PROPERTY, property);
    }

    /**
     * True when a header cell names this column: the Vietnamese header, ignoring case, diacritics,
     * spacing and a trailing {@code *}, or the ASCII name (property name, {@code id}, {@code name},
     * …).
     */
    boolean matches(String cell) {
      String key = headerKey(cell);
      String alias = role == Role.PROPERTY ? property : role.alias();
      return key.equals(headerKey(header)) || key.equals(headerKey(alias));
    }
  }

  /**
   * A kind of row.
   *
   * @param token the value of the kind column (the specialization id, or the element type when the
   *     profile has no specialization for the kind)
   * @param elementType the ArchiMate element type
   * @param specialization the profile specialization, "" for a plain element type
   */
  record Kind(String token, String elementType, String specialization) {

    static Kind specialized(String specialization, String elementType) {
      return new Kind(specialization, elementType, specialization);
    }

    static Kind plain(String elementType) {
      return new Kind(elementType, elementType, "");
    }
  }

  AgencyTemplate {
    kinds = List.copyOf(kinds);
    columns = List.copyOf(columns);
  }

  /** Applications and information systems: ApplicationComponent, specialization Application. */
  static final AgencyTemplate APPLICATIONS =
      new AgencyTemplate(
          "ung-dung.csv",
          "Ứng dụng, hệ thống thông tin",
          List.of(Kind.specialized("Application", "ApplicationComponent")),
          withCommonColumns(
              Column.property("Nhóm ứng dụng", "applicationGroup"),
              Column.property("Số thứ tự trong danh mục", "catalogueNumber"),
              Column.property("Đơn vị vận hành", "operator"),
              Column.property("Cấp độ an toàn", "securityLevel"),
              Column.property("Số quyết định phê duyệt cấp độ", "securityApprovalDecision"),
              Column.property("Ngày phê duyệt cấp độ", "securityApprovalDate"),
              Column.property("Đăng nhập một lần (SSO)", "ssoIntegrated"),
              Column.property("Kết nối LGSP", "lgspIntegrated"),
              Column.property("Trạng thái", "lifecycle"),
              Column.property("Hình thức đầu tư", "sourcing"),
              Column.property("Mã ARM", "armCode"),
              Column.property("Nhà cung cấp", "vendor"),
              Column.property("Sẵn sàng IPv6", "ipv6Ready"),
              Column.property("Ngày đưa vào vận hành", "goLiveDate")));

  /** Databases: DataObject, specialization Database. */
  static final AgencyTemplate DATABASES =
      new AgencyTemplate(
          "co-so-du-lieu.csv",
          "Cơ sở dữ liệu",
          List.of(Kind.specialized("Database", "DataObject")),
          withCommonColumns(
              Column.property("Loại cơ sở dữ liệu", "databaseClass"),
              Column.property("Bộ, ngành chủ quản CSDL quốc gia", "owningMinistry"),
              Column.property("Là dữ liệu chủ", "masterData"),
              Column.property("Mã DRM", "drmCode"),
              Column.property("Cơ chế thu thập, cập nhật", "updateMechanism"),
              Column.property("Số bản ghi", "recordCount")));

  /** Sharing and integration services: ApplicationService, specialization SharingService. */
  static final AgencyTemplate SHARING_SERVICES =
      new AgencyTemplate(
          "dich-vu-chia-se.csv",
          "Dịch vụ chia sẻ và tích hợp",
          List.of(Kind.specialized("SharingService", "ApplicationService")),
          withCommonColumns(
              Column.property("Hình thức chia sẻ", "sharingClass"),
              Column.property("Đường kết nối", "route"),
              Column.property("Giao thức", "protocol"),
              Column.property("Định dạng dữ liệu", "dataFormat"),
              Column.property("Đã đăng ký với hệ thống quốc gia", "registeredNationally")));

  /**
   * Infrastructure: the profile's Network, DataCentre, ServerRoom and EndUserEquipment, and the
   * plain types Node, Device and SystemSoftware, which the profile does not specialize.
   */
  static final AgencyTemplate INFRASTRUCTURE =
      new AgencyTemplate(
          "ha-tang.csv",
          "Hạ tầng kỹ thuật",
          List.of(
              Kind.specialized("Network", "CommunicationNetwork"),
              Kind.specialized("DataCentre", "Facility"),
              Kind.specialized("ServerRoom", "Facility"),
              Kind.specialized("EndUserEquipment", "Device"),
              Kind.plain("Node"),
              Kind.plain("Device"),
              Kind.plain("SystemSoftware")),
          withCommonColumns(
              Column.of("Loại hạ tầng", Role.KIND),
              Column.property("Loại mạng", "networkKind"),
              Column.property("Băng thông", "bandwidth"),
              Column.property("Nhà cung cấp dịch vụ", "provider"),
              Column.property("Cấp Tier", "tier")));

  /** Every template, in the order the documentation lists them. */
  static final List<AgencyTemplate> ALL =
      List.of(APPLICATIONS, DATABASES, SHARING_SERVICES, INFRASTRUCTURE);

  /** The column a header cell names, if any. */
  Optional<Column> column(String headerCell) {
    return columns.stream().filter(c -> c.matches(headerCell)).findFirst();
  }

  /** The kind a kind-column value names (ignoring case), if any. */
  Optional<Kind> kind(String value) {
    return kinds.stream().filter(k -> k.token().equalsIgnoreCase(value.strip())).findFirst();
  }

  /** True when the template has a kind column (several kinds of row). */
  boolean hasKindColumn() {
    return columns.stream().anyMatch(c -> c.role() == Role.KIND);
  }

  /** The headers, in file order. */
  List<String> headers() {
    return columns.stream().map(Column::header).toList();
  }

  /** The comparison key of a header: folded (no case or diacritics), single spaces, no '*'. */
  static String headerKey(String cell) {
    String nfc = Normalizer.normalize(cell, Normalizer.Form.NFC).replace('\u00A0', ' ');
    String trimmed = nfc.strip();
    while (trimmed.endsWith("*")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1).strip();
    }
    return Text.foldKey(trimmed.replaceAll("\\s+", " "));
  }

  private static List<Column> withCommonColumns(Column... specific) {
    List<Column> common =
        List.of(
            Column.of("Mã", Role.ID),
            Column.of("Tên", Role.NAME),
            Column.of("Tên tiếng Anh", Role.NAME_EN),
            Column.of("Mô tả", Role.DOCUMENTATION),
            Column.of("Cơ quan chủ quản", Role.OWNER));
    return java.util.stream.Stream.concat(common.stream(), List.of(specific).stream()).toList();
  }
}
