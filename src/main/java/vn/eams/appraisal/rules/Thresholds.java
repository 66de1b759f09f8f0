package vn.eams.appraisal.rules;

/**
 * The amounts (VND) that decide the route, group and design steps, each with its legal basis.
 *
 * @param groupAMinVnd group A from this amount (inclusive)
 * @param groupBMinVnd group B from this amount (inclusive) up to group A; below it group C
 * @param oneStepMaxVnd one-step design (BCKTKT) up to this amount (inclusive)
 * @param recurrentProcurementMaxVnd recurrent budget up to this amount (inclusive): procurement
 * @param recurrentOutlineMaxVnd recurrent budget above procurement up to this amount (inclusive):
 *     outline and detailed estimate; above it: project procedures
 */
public record Thresholds(
    long groupAMinVnd,
    String groupAMinBasis,
    long groupBMinVnd,
    String groupBMinBasis,
    long oneStepMaxVnd,
    String oneStepMaxBasis,
    long recurrentProcurementMaxVnd,
    String recurrentProcurementMaxBasis,
    long recurrentOutlineMaxVnd,
    String recurrentOutlineMaxBasis) {}
