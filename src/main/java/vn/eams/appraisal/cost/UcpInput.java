package vn.eams.appraisal.cost;

import java.util.List;
import java.util.Map;

/**
 * What a use-case-point estimate is computed from.
 *
 * @param ruleSetId the rule-set to apply
 * @param simpleActors actors of the simple kind (another system through an API)
 * @param averageActors actors of the average kind (another system through a protocol, or a person
 *     through a text interface)
 * @param complexActors actors of the complex kind (a person through a graphical interface)
 * @param useCases the use cases
 * @param technicalRatings rating of each technical factor by factor id
 * @param environmentalRatings rating of each environmental factor by factor id
 * @param hourlyCostVnd H, the average labour cost of one person-hour in VND
 */
public record UcpInput(
    String ruleSetId,
    int simpleActors,
    int averageActors,
    int complexActors,
    List<UseCase> useCases,
    Map<String, Integer> technicalRatings,
    Map<String, Integer> environmentalRatings,
    long hourlyCostVnd) {

  public UcpInput {
    useCases = List.copyOf(useCases);
    technicalRatings = Map.copyOf(technicalRatings);
    environmentalRatings = Map.copyOf(environmentalRatings);
  }

  /**
   * One use case.
   *
   * @param name its name
   * @param useCaseClass B, M or T
   * @param transactions how many transactions it has (at least 1)
   */
  public record UseCase(String name, String useCaseClass, int transactions) {}

  /** The number of actors of a kind (simple, average, complex). */
  public int actors(String kind) {
    switch (kind) {
      case "simple":
        return simpleActors;
      case "average":
        return averageActors;
      case "complex":
        return complexActors;
      default:
        throw new IllegalArgumentException("no actor kind " + kind);
    }
  }
}
