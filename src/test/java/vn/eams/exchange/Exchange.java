package vn.eams.exchange;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.SAXException;

/** Helpers of the import/export tests. */
final class Exchange {

  static final Path SMALL = Path.of("tests/fixtures/exchange/small.xml");
  static final Path CORPUS = Path.of("../shared/corpus");
  static final Path XSD = CORPUS.resolve("archi/xsd-local/wrapper.xsd");

  private Exchange() {}

  /** The small fixture with its "x-" identifiers made unique; returns {prefix, xml}. */
  static String[] small() {
    String prefix = "t" + UUID.randomUUID().toString().substring(0, 8);
    return new String[] {prefix, read(SMALL).replace("\"x-", "\"" + prefix + "-")};
  }

  static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ValidatableResponse importXml(String xml, String query) {
    return given()
        .contentType("application/xml")
        .body(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .post("/api/import" + (query.isEmpty() ? "" : "?" + query))
        .then();
  }

  static ValidatableResponse importBytes(byte[] body, String contentType, String query) {
    return given()
        .contentType(contentType)
        .body(body)
        .post("/api/import" + (query.isEmpty() ? "" : "?" + query))
        .then();
  }

  static String export(String modelId) {
    return given()
        .get("/api/models/" + modelId + "/export")
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }

  static void deleteModel(String modelId) {
    long version =
        given().get("/api/models/" + modelId).then().extract().jsonPath().getLong("version");
    given()
        .header("If-Match", "\"" + version + "\"")
        .delete("/api/models/" + modelId)
        .then()
        .statusCode(200);
  }

  static int modelCount() {
    return given()
        .get("/api/models")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items")
        .size();
  }

  /** Validates against the Open Group schema of the corpus; null when valid, else the message. */
  static String xsdProblem(String xml) {
    try {
      SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "file");
      Schema schema = f.newSchema(XSD.toFile());
      Validator v = schema.newValidator();
      v.validate(new StreamSource(new StringReader(xml)));
      return null;
    } catch (SAXException e) {
      return e.getMessage();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
