package dev.switchboard.ticket.kpi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.Priority;
import dev.switchboard.devkit.infra.SwitchboardInfraResource;
import dev.switchboard.ticket.support.RoutingEvents;
import dev.switchboard.ticket.support.TestKafka;
import dev.switchboard.ticket.support.TicketApi;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = SwitchboardInfraResource.class, restrictToAnnotatedClass = false)
class KpiTest {

    @Test
    void anAgentsDayOfRepliesSolvesReopensAndSurveysShowsInTheirKpis() {
        String ida = RoutingEvents.agent("ida");
        // One answer, solved: first-contact resolution. Rated 5.
        String quick = ticketFor(ida, Channel.CHAT, "Where is the settings page?");
        TicketApi.post(quick, "replies", Map.of("text", "Top right")).then().statusCode(201);
        TicketApi.post(quick, "status", Map.of("status", "solved")).then().statusCode(200);
        // Two answers, solved: resolved, but not at first contact. Rated 3.
        String chatty = ticketFor(ida, Channel.CHAT, "The app crashes");
        TicketApi.post(chatty, "replies", Map.of("text", "Which version?")).then().statusCode(201);
        TicketApi.post(chatty, "replies", Map.of("text", "Update to 2.1 please")).then().statusCode(201);
        TicketApi.post(chatty, "status", Map.of("status", "solved")).then().statusCode(200);
        // Answered, solved, then the customer writes again: reopened, open again.
        String conversation = RoutingEvents.conversation(Channel.WHATSAPP);
        String reopened = ticketFor(ida, Channel.WHATSAPP, conversation, "No internet");
        TicketApi.post(reopened, "replies", Map.of("text", "Restart the router")).then().statusCode(201);
        TicketApi.post(reopened, "status", Map.of("status", "solved")).then().statusCode(200);
        TestKafka.publish(conversation, RoutingEvents.assigned(
                RoutingEvents.message(Channel.WHATSAPP, conversation, "cus", "Still no internet"), "Cus", Priority.MEDIUM, ida));
        await().atMost(TicketApi.PATIENCE).untilAsserted(() -> TicketApi.get(reopened).then().body("status", is("open")));
        assertThat(metric("switchboard_tickets_reopened_total{channel=\"whatsapp\"}")).isGreaterThanOrEqualTo(1.0);
        // A chat closed without any agent reply: the customer left.
        String abandoned = ticketFor(ida, Channel.CHAT, "hello?");
        TicketApi.post(abandoned, "status", Map.of("status", "solved")).then().statusCode(200);
        // Unanswered and past its first-response due time.
        String late = ticketFor(ida, Channel.EMAIL, "Invoice is wrong");
        TicketApi.sql("update ticket.ticket set first_response_due_at = now() - interval '1 minute' where id = ?::uuid", late);
        csat(quick, 5);
        csat(chatty, 3);
        // The workflow recorded real times; fix them to known values so the averages can be checked exactly.
        Instant created = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        times(quick, created, 60, 600);
        times(chatty, created, 120, 1200);
        times(reopened, created, 300, null);
        times(abandoned, created, null, 30);
        times(late, created, null, null);

        kpis(Map.of("by", "agent")).body(row(ida, "volume"), is(5))
                .body(row(ida, "firstResponseAvgSeconds"), closeTo(160.0, 0.001))
                .body(row(ida, "firstResponseMedianSeconds"), closeTo(120.0, 0.001))
                .body(row(ida, "resolutionAvgSeconds"), closeTo(610.0, 0.001))
                .body(row(ida, "resolutionMedianSeconds"), closeTo(600.0, 0.001))
                .body(row(ida, "handlingAvgSeconds"), closeTo(610.0, 0.001))
                .body(row(ida, "firstContactResolutionRate"), closeTo(1 / 3.0, 0.001))
                .body(row(ida, "csatAverage"), closeTo(4.0, 0.001))
                .body(row(ida, "csatCount"), is(2))
                .body(row(ida, "backlog"), is(2))
                .body(row(ida, "overSla"), is(1))
                .body(row(ida, "slaCompliance"), closeTo(0.8, 0.001))
                .body(row(ida, "reopenRate"), closeTo(0.25, 0.001))
                .body(row(ida, "chatAbandonRate"), closeTo(1 / 3.0, 0.001));
    }

    @Test
    void aTeamsKpisComeOnePerDayAndLeaveOutTicketsCreatedOutsideThePeriod() {
        String team = "kpi-team-" + UUID.randomUUID();
        String today = ticketFor(RoutingEvents.agent("jon"), Channel.CHAT, "today");
        String yesterday = ticketFor(RoutingEvents.agent("jon"), Channel.CHAT, "yesterday");
        String lastMonth = ticketFor(RoutingEvents.agent("jon"), Channel.CHAT, "last month");
        for (String id : new String[] {today, yesterday, lastMonth}) {
            TicketApi.post(id, "transfer", Map.of("team", team)).then().statusCode(200);
        }
        Instant now = Instant.now();
        // Pinned to one instant, so a run across midnight UTC cannot split "today".
        TicketApi.sql("update ticket.ticket set created_at = ? where id = ?::uuid", now.atOffset(ZoneOffset.UTC), today);
        TicketApi.sql("update ticket.ticket set created_at = ? where id = ?::uuid",
                now.minus(1, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC), yesterday);
        TicketApi.sql("update ticket.ticket set created_at = ? where id = ?::uuid",
                now.minus(30, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC), lastMonth);

        String teamRows = "rows.findAll { it.group == '" + team + "' }";
        kpis(Map.of("by", "team", "interval", "day", "from", now.minus(3, ChronoUnit.DAYS).toString()))
                .body("interval", is("day"))
                .body(teamRows, hasSize(2))
                .body(teamRows + ".volume", contains(1, 1))
                .body(teamRows + ".backlog", contains(1, 1))
                .body(teamRows + "[1].periodStart", is(now.truncatedTo(ChronoUnit.DAYS).toString()));
        // Weeks start on Monday (UTC); today and yesterday fall in one or two of them.
        String monday = now.atOffset(ZoneOffset.UTC).toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .atStartOfDay(ZoneOffset.UTC).toInstant().toString();
        kpis(Map.of("by", "team", "interval", "week", "from", now.minus(3, ChronoUnit.DAYS).toString()))
                .body(teamRows + ".volume.sum()", is(2))
                .body(teamRows + ".periodStart", hasItem(monday));
    }

    @Test
    void theKpiEndpointIsDescribedInTheOpenApiDocument() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/kpis"))
                .body(containsString("/api/queue/stream")).body(containsString("/api/tickets/bulk"));
    }

    @Test
    void withoutGroupingThereIsOneRowAndABadGroupingIsA400() {
        kpis(Map.of()).body("rows", hasSize(1)).body("rows[0].group", is("all")).body("by", is("none"))
                .body("rows[0].volume", notNullValue());
        ticketFor(RoutingEvents.agent("lou"), Channel.MESSENGER, "Hi from Messenger");
        // Every test ticket is classified as product router-x.
        kpis(Map.of("by", "product")).body("rows.group", hasItem("router-x"));
        kpis(Map.of("by", "channel")).body("rows.group", hasItem("messenger"));
        TicketApi.as(TicketApi.ADMIN).queryParam("by", "planet").get("/api/kpis").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("planet"));
        TicketApi.as(TicketApi.ADMIN).queryParam("from", "2026-02-01").queryParam("to", "2026-01-01").get("/api/kpis").then().statusCode(400);
    }

    @Test
    void firstResponsesAndTheBacklogOfATeamShowOnTheMetricsEndpoint() {
        String team = "gauge-team-" + UUID.randomUUID();
        String ticket = ticketFor(RoutingEvents.agent("kai"), Channel.TELEGRAM, "Bot does not answer");
        TicketApi.post(ticket, "transfer", Map.of("team", team)).then().statusCode(200);
        TicketApi.post(ticket, "replies", Map.of("text", "Looking into it")).then().statusCode(201);
        String backlog = "switchboard_tickets_backlog{channel=\"telegram\",team=\"" + team + "\"}";

        await().atMost(TicketApi.PATIENCE).untilAsserted(() -> given().get("/q/metrics").then()
                .body(containsString(backlog + " 1.0"))
                .body(containsString("switchboard_ticket_first_response_seconds_count{channel=\"telegram\"}")));
        TicketApi.post(ticket, "status", Map.of("status", "solved")).then().statusCode(200);
        await().atMost(TicketApi.PATIENCE).untilAsserted(() -> given().get("/q/metrics").then()
                .body(containsString(backlog + " 0.0"))
                .body(containsString("switchboard_ticket_resolution_seconds_count{channel=\"telegram\"}")));
    }

    /** The value of one series on /q/metrics, as Prometheus would scrape it. */
    private static double metric(String series) {
        return given().get("/q/metrics").then().extract().asString().lines()
                .filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1)))
                .findFirst().orElseThrow(() -> new AssertionError(series + " is not on /q/metrics"));
    }

    private static ValidatableResponse kpis(Map<String, String> params) {
        // Rates as doubles: RestAssured would read them as floats.
        return TicketApi.as(TicketApi.ADMIN).config(RestAssured.config().jsonConfig(
                        JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE)))
                .queryParams(params).get("/api/kpis").then().statusCode(200);
    }

    private static String row(String group, String field) {
        return "rows.find { it.group == '" + group + "' }." + field;
    }

    @Test
    void anAgentSeesTheFiguresOfTheirOwnTeamsOnly() {
        ticketFor(RoutingEvents.agent("ivy"), Channel.WHATSAPP, "Counted for tier1");

        TicketApi.as("alice").queryParam("by", "team").get("/api/kpis").then().statusCode(200)
                .body("rows.group", hasItem("tier1"));
        TicketApi.as("dave").queryParam("by", "team").get("/api/kpis").then().statusCode(200)
                .body("rows.group", not(hasItem("tier1")));
    }

    static String ticketFor(String agent, Channel channel, String text) {
        return ticketFor(agent, channel, RoutingEvents.conversation(channel), text);
    }

    static String ticketFor(String agent, Channel channel, String conversation, String text) {
        TestKafka.publish(conversation, RoutingEvents.assigned(
                RoutingEvents.message(channel, conversation, "cus", text), "Cus", Priority.MEDIUM, agent));
        return TicketApi.ticketOfConversation(conversation);
    }

    private static void csat(String ticketId, int rating) {
        // As the survey stores it (one answer per ticket), without going through the survey's token.
        TicketApi.sql("insert into ticket.csat (ticket_id, rating, channel, answered_at) "
                + "values (?::uuid, ?, 'chat', now())", ticketId, rating);
    }

    /** Seconds after creation of the first reply and of solving; null leaves that column as it is. */
    private static void times(String ticketId, Instant created, Integer firstResponse, Integer solved) {
        OffsetDateTime at = created.atOffset(ZoneOffset.UTC);
        TicketApi.sql("update ticket.ticket set created_at = ?, first_assigned_at = ? where id = ?::uuid", at, at, ticketId);
        if (firstResponse != null) {
            TicketApi.sql("update ticket.ticket set first_response_at = ? where id = ?::uuid",
                    at.plusSeconds(firstResponse), ticketId);
        }
        if (solved != null) {
            TicketApi.sql("update ticket.ticket set solved_at = ? where id = ?::uuid", at.plusSeconds(solved), ticketId);
        }
    }
}
