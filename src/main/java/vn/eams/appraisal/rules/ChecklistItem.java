package vn.eams.appraisal.rules;

/**
 * An item of the appraisal checklist (vietnam-egov.md §4.3).
 *
 * @param number its place in the list, 1..n
 * @param basis the articles it comes from
 * @param judge who fills it in
 * @param allRoutes whether it applies to every route (province policy), whatever the route lists
 */
public record ChecklistItem(
    String id,
    int number,
    String titleVi,
    String titleEn,
    String basis,
    Judge judge,
    boolean allRoutes) {}
