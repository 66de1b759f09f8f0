package vn.eams.compliance;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.eams.model.Element;
import vn.eams.model.Relationship;

/**
 * A path through a junction (or a chain of junctions) whose end-to-end relationship is not allowed:
 * relationships of one type that meet at a junction stand for relationships of that type from each
 * concept before the junction to each concept after it, and ArchiMate 3.2 requires each of those to
 * be allowed by the table.
 */
final class JunctionPathNotAllowed implements ModelCheck {

  @Override
  public String id() {
    return "archimate.junction-path-not-allowed";
  }

  @Override
  public void run(CheckContext ctx) {
    Map<String, List<Relationship>> exitsMemo = new HashMap<>();
    for (Element junction : ctx.snapshot().elements()) {
      if (!ctx.isJunction(junction.id())) {
        continue;
      }
      for (Relationship in : ctx.incoming(junction.id())) {
        String sourceId = in.data().sourceId();
        Optional<String> sourceType = ctx.typeOf(sourceId);
        if (ctx.isJunction(sourceId) || sourceType.isEmpty()) {
          continue; // paths are checked from where they enter the first junction
        }
        String key = junction.id() + '\u0000' + in.type();
        List<Relationship> exits =
            exitsMemo.computeIfAbsent(key, k -> exits(ctx, junction.id(), in.type()));
        for (Relationship out : exits) {
          String targetId = out.data().targetId();
          Optional<String> targetType = ctx.typeOf(targetId);
          if (targetType.isPresent()
              && !ctx.metamodel().isAllowed(in.type(), sourceType.get(), targetType.get())) {
            report(ctx, junction, in, out, sourceType.get(), targetType.get());
          }
        }
      }
    }
  }

  private static void report(
      CheckContext ctx,
      Element junction,
      Relationship in,
      Relationship out,
      String sourceType,
      String targetType) {
    String sourceId = in.data().sourceId();
    String targetId = out.data().targetId();
    ctx.report(
        List.of(junction.id(), in.id(), out.id()),
        new Args()
            .put("type", in.type())
            .put("junction", ctx.labelVi(junction.id()), ctx.labelEn(junction.id()))
            .put("junctionType", junction.type())
            .put("incoming", in.id())
            .put("outgoing", out.id())
            .put("source", ctx.labelVi(sourceId), ctx.labelEn(sourceId))
            .put("sourceType", sourceType)
            .put("target", ctx.labelVi(targetId), ctx.labelEn(targetId))
            .put("targetType", targetType)
            .put("allowed", RelationshipNotAllowed.allowed(ctx.metamodel(), sourceType, targetType))
            .map());
  }

  /**
   * The relationships of {@code type} that leave the junction {@code start}, or the junctions it
   * leads to by relationships of that type, towards a concept that is not a junction.
   */
  private static List<Relationship> exits(CheckContext ctx, String start, String type) {
    List<Relationship> exits = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.push(start);
    seen.add(start);
    while (!todo.isEmpty()) {
      for (Relationship out : ctx.outgoing(todo.pop())) {
        if (!out.type().equals(type)) {
          continue;
        }
        String target = out.data().targetId();
        if (!ctx.isJunction(target)) {
          exits.add(out);
        } else if (seen.add(target)) {
          todo.push(target);
        }
      }
    }
    return exits;
  }
}
