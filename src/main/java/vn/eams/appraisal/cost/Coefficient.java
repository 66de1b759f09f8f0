package vn.eams.appraisal.cost;

import java.math.BigDecimal;

/**
 * One number of a cost rule-set.
 *
 * @param path where it is in the rule-set file ({@code tcf.base}, {@code
 *     technicalFactors[2].weight})
 * @param value the value
 * @param confirmed false when the value was not read from the legal text and must be entered from
 *     it before go-live
 */
public record Coefficient(String path, BigDecimal value, boolean confirmed) {}
