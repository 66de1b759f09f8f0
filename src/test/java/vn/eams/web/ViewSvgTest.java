package vn.eams.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.eams.metamodel.MetamodelLoader;
import vn.eams.model.ViewDefinition;

class ViewSvgTest {

  @Test
  void render_DrawsLayerColoursAndTheLineStyleOfEachRelationshipType() {
    ViewSvg svg = new ViewSvg(MetamodelLoader.fromDirectory(Path.of("metamodel"), List.of()));
    ViewDefinition v =
        new ViewDefinition(
            "v",
            "V",
            "",
            "",
            "",
            List.of(
                new ViewDefinition.Node("n1", "", "element", "a", "", "", 10, 10, 120, 55),
                new ViewDefinition.Node("n2", "", "element", "s", "", "", 200, 10, 120, 55)),
            List.of(
                new ViewDefinition.Connection("c1", "r", "n1", "n2", List.of()),
                new ViewDefinition.Connection("c2", "q", "n1", "n2", List.of())));
    String out =
        svg.render(
            v,
            Map.of(
                "a", new ViewSvg.Shown("Ứng dụng <A>", "ApplicationComponent"),
                "s", new ViewSvg.Shown("Dịch vụ", "ApplicationService")),
            Map.of("r", "Realization", "q", "Association"),
            "Sơ đồ",
            id -> "/e/" + id);
    assertThat(out).contains("#b5ffff").contains("href=\"/e/a\"").contains("Ứng dụng &lt;A&gt;");
    assertThat(out)
        .contains(
            "rel-realization\" fill=\"none\" stroke=\"#000\" points=\"130,37 200,37 \""
                + " stroke-dasharray=\"4 3\" marker-end=\"url(#a-hollow)\"");
    assertThat(out).containsPattern("rel-association\"[^>]*points=\"[^\"]*\"><title>");
  }

  @Test
  void render_KeepsBoxesLeftOfOrAboveTheOriginInSight() {
    ViewSvg svg = new ViewSvg(MetamodelLoader.fromDirectory(Path.of("metamodel"), List.of()));
    ViewDefinition v =
        new ViewDefinition(
            "v",
            "V",
            "",
            "",
            "",
            List.of(new ViewDefinition.Node("n1", "", "element", "a", "", "", -150, -40, 120, 55)),
            List.of());
    String out =
        svg.render(
            v, Map.of("a", new ViewSvg.Shown("A", "Goal")), Map.of(), "Sơ đồ", id -> "/e/" + id);
    assertThat(out).contains("viewBox=\"-170 -60 290 180\"");
  }

  @Test
  @SuppressWarnings("unchecked")
  void notation_GivesTheBrowserWhatTheServerDraws_ForEveryType() {
    var metamodel = MetamodelLoader.fromDirectory(Path.of("metamodel"), List.of());
    Map<String, Object> n = ViewSvg.notation(metamodel, "ApplicationUsage");
    Map<String, Map<String, Object>> types = (Map<String, Map<String, Object>>) n.get("types");
    assertThat(types).hasSize(metamodel.elementTypes().size());
    for (var t : metamodel.elementTypes()) {
      Map<String, Object> m = types.get(t.name());
      assertThat(m.get("fill")).isEqualTo(ViewSvg.fill(t.name(), t.layer()));
      assertThat(m.get("corner")).isEqualTo(ViewSvg.corner(t));
      // the icon the server draws in the corner of a box is the one the browser gets
      StringBuilder drawn = new StringBuilder();
      ViewSvg.icon(drawn, t.name(), 0, 0);
      assertThat(drawn.toString()).contains((String) m.get("icon"));
    }
    // every element type but the junctions (drawn as dots) has its icon
    for (var t : metamodel.elementTypes()) {
      if (!t.isJunction()) {
        assertThat((String) types.get(t.name()).get("icon")).as(t.name()).isNotEmpty();
      }
    }
    Map<String, Map<String, String>> lines = (Map<String, Map<String, String>>) n.get("lines");
    assertThat(lines).containsKeys("Composition", "Serving", "Access", "Line");
    assertThat(lines.get("Realization"))
        .containsEntry("dash", "4 3")
        .containsEntry("end", "a-hollow");
    assertThat((String) n.get("markers")).contains("id=\"a-hollow\"").contains("id=\"d-filled\"");
    // the palette of an Application Usage view offers its element types only
    Map<String, Object> vp = (Map<String, Object>) n.get("viewpoint");
    assertThat((List<String>) vp.get("elementTypes"))
        .contains("ApplicationComponent", "BusinessActor")
        .doesNotContain("Node");
    assertThat(ViewSvg.notation(metamodel, "").get("viewpoint")).isNull();
  }
}
