package dev.switchboard.ticket.auth;

import dev.switchboard.ticket.web.ProblemMappers;
import io.smallrye.jwt.build.Jwt;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The development issuer: a demo user's name and password for a signed token. Signed with the
 * development key ({@code smallrye.jwt.sign.key.location}), as the issuer the services verify.
 * When disabled the endpoint answers 404, as if it were not there.
 */
@Path("/auth/token")
public class DevIssuerResource {

    public record Credentials(String username, String password) {
    }

    /** Field names as in OAuth 2 token responses, so generic clients read it. */
    public record TokenResponse(String access_token, String token_type, long expires_in) {
    }

    private final DevIssuerConfig config;
    private final DemoUsers users;
    private final String issuer;
    private final String teamsClaim;

    public DevIssuerResource(DevIssuerConfig config,
                             @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
                             @ConfigProperty(name = "switchboard.auth.teams-claim", defaultValue = "teams") String teamsClaim) {
        this.config = config;
        this.users = DemoUsers.parse(config.users());
        this.issuer = issuer;
        this.teamsClaim = teamsClaim;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public RestResponse<Object> token(Credentials credentials) {
        if (!config.enabled()) {
            return problem(Response.Status.NOT_FOUND, "not-found", "Not found", "the development issuer is switched off");
        }
        if (credentials == null) {
            return problem(Response.Status.BAD_REQUEST, "bad-request", "Bad request",
                    "a JSON body {\"username\", \"password\"} is required");
        }
        return users.authenticate(credentials.username(), credentials.password())
                .map(user -> RestResponse.ok((Object) new TokenResponse(sign(user), "Bearer", config.tokenLifetime().toSeconds())))
                .orElseGet(() -> problem(Response.Status.UNAUTHORIZED, "bad-credentials", "Unauthorized",
                        "unknown user or wrong password"));
    }

    private String sign(DemoUsers.DemoUser user) {
        return Jwt.issuer(issuer)
                .upn(user.name())
                .subject(user.name())
                .preferredUserName(user.name())
                .groups(user.roles())
                .claim(teamsClaim, user.teams())
                .expiresIn(config.tokenLifetime())
                .sign();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static RestResponse<Object> problem(Response.Status status, String type, String title, String detail) {
        return (RestResponse) ProblemMappers.problem(status, type, title, detail);
    }
}
