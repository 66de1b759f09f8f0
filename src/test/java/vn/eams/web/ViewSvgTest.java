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
}
