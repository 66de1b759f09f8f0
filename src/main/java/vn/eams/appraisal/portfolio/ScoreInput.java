package vn.eams.appraisal.portfolio;

import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What a case's portfolio score is computed from.
 *
 * @param conformance architecture conformance 0..1 (share of checks passed)
 * @param reuse how much the proposal reuses 0..1
 * @param costVnd the case's cost
 * @param maxCostVnd the largest cost among the cases ranked together (cheaper scores higher)
 * @param bcr benefit-cost ratio, when stated
 * @param roadmapPhase the roadmap phase the case belongs to, when any
 */
public record ScoreInput(
    double conformance,
    double reuse,
    long costVnd,
    long maxCostVnd,
    OptionalDouble bcr,
    OptionalInt roadmapPhase) {}
