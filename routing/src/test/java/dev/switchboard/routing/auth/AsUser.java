package dev.switchboard.routing.auth;

import static io.restassured.RestAssured.given;

import dev.switchboard.devkit.auth.DevTokens;
import io.restassured.specification.RequestSpecification;
import java.util.List;

/**
 * Requests with a bearer token, signed with the development key as ticket-core's development issuer
 * would (routing has no issuer of its own). Converting a test: {@code given()} becomes
 * {@code AsUser.admin()}, or the role the test is about.
 */
public final class AsUser {

    private AsUser() {
    }

    public static RequestSpecification admin() {
        return with("admin", Roles.ADMIN);
    }

    public static RequestSpecification supervisor() {
        return with("sam", Roles.SUPERVISOR);
    }

    /** An agent of team tier1 whose user name is {@code name} (their agent id in routing). */
    public static RequestSpecification agent(String name) {
        return with(name, Roles.AGENT);
    }

    private static RequestSpecification with(String user, String role) {
        return given().auth().oauth2(DevTokens.mint(user, List.of(role), List.of("tier1")));
    }
}
