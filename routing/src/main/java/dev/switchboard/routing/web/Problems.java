package dev.switchboard.routing.web;

import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** RFC 9457 problem JSON ({@code application/problem+json}), the one error shape of routing's API. */
public final class Problems {
    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    /** @param problems every reason, for clients that show them one by one; omitted when null */
    public static Response response(int status, String title, String detail, List<String> problems) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (problems != null) {
            body.put("problems", problems);
        }
        return Response.status(status).type(MEDIA_TYPE).entity(body).build();
    }
}
