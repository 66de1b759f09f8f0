package vn.eams.appraisal.rules;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** GET /api/appraisal/rulesets, /route and /deadline, and their problem+json answers. */
@QuarkusTest
class RulesetResourceTest {

  @Test
  void rulesets_ListRoutesChecklistCalendarAndWeights() {
    given()
        .get("/api/appraisal/rulesets")
        .then()
        .statusCode(200)
        .body("routes[0].id", equalTo("appraisal-routes-2020"))
        .body("routes[0].thresholds.groupAMinVnd", equalTo(700000000000L))
        .body("routes[0].routes.id", hasItems("investment-project", "recurrent-outline"))
        .body("checklist.items", hasSize(12))
        .body("checklist.items[2].allRoutes", equalTo(true))
        .body("calendar.firstYear", equalTo(2024))
        .body("calendar.days.date", hasItem("2025-01-29"))
        .body("portfolio[0].weights.conformance", equalTo(0.30f));
  }

  @Test
  void route_AtTheOneStepBoundary() {
    given()
        .queryParam("funding", "investment")
        .queryParam("total", "15000000000")
        .queryParam("on", "2025-03-03")
        .get("/api/appraisal/route")
        .then()
        .statusCode(200)
        .body("route", equalTo("investment-project"))
        .body("group", equalTo("C"))
        .body("oneStep", equalTo(true))
        .body("deadline.days", equalTo(10))
        .body("deadline.kind", equalTo("CALENDAR"))
        .body("reasonsVi[1]", containsString("15.000.000.000 đồng"))
        .body("checklist", hasItem("architecture-conformance"))
        .body("documents.id", hasItem("feasibility-study"));
    given()
        .queryParam("funding", "recurrent")
        .queryParam("total", "200000000")
        .queryParam("on", "2025-03-03")
        .get("/api/appraisal/route")
        .then()
        .statusCode(200)
        .body("route", equalTo("procurement"))
        .body("deadline", nullValue())
        // procurement lists only the duplication check; architecture conformance applies to all
        .body("checklist", contains("architecture-conformance", "duplication"));
  }

  @Test
  void route_BadQuery_IsProblemJson() {
    given()
        .queryParam("funding", "gift")
        .queryParam("total", "12.5")
        .get("/api/appraisal/route")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItems("funding", "total"));
    given()
        .queryParam("funding", "security")
        .queryParam("total", "0")
        .get("/api/appraisal/route")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("securityLevel"));
    given()
        .queryParam("funding", "investment")
        .queryParam("total", "1")
        .queryParam("on", "2019-01-01")
        .get("/api/appraisal/route")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("on"));
  }

  @Test
  void deadline_OverTet() {
    // outline received Thu 23 Jan 2025: 15 working days → Thu 20 Feb 2025 (WorkingCalendarTest)
    given()
        .queryParam("received", "2025-01-23")
        .queryParam("route", "recurrent-outline")
        .queryParam("today", "2025-01-24")
        .get("/api/appraisal/deadline")
        .then()
        .statusCode(200)
        .body("deadline", equalTo("2025-02-20"))
        .body("kind", equalTo("WORKING"))
        .body("daysLeft", equalTo(14))
        .body("calendarDays.date", hasItems("2025-01-27", "2025-01-31"))
        .body("calendarCovers", equalTo(true));
    // group C received Fri 17 Jan 2025: 10 days → Mon 27 Jan (Tết) → Mon 3 Feb 2025
    given()
        .queryParam("received", "2025-01-17")
        .queryParam("route", "investment-project")
        .queryParam("group", "c")
        .queryParam("today", "2025-02-05")
        .get("/api/appraisal/deadline")
        .then()
        .statusCode(200)
        .body("deadline", equalTo("2025-02-03"))
        .body("daysLeft", equalTo(-2));
  }

  @Test
  void deadline_BadQuery_IsProblemJson() {
    given()
        .queryParam("received", "23/01/2025")
        .get("/api/appraisal/deadline")
        .then()
        .statusCode(400)
        .body("errors.field", hasItems("received", "route"));
    given()
        .queryParam("received", "2025-01-23")
        .queryParam("route", "investment-project")
        .get("/api/appraisal/deadline")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("group"))
        .body("errors[0].message", containsString("A, B, C"));
    given()
        .queryParam("received", "2025-01-23")
        .queryParam("route", "nope")
        .get("/api/appraisal/deadline")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("route"));
    given()
        .queryParam("received", "2025-01-23")
        .queryParam("route", "procurement")
        .get("/api/appraisal/deadline")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("step"));
  }
}
