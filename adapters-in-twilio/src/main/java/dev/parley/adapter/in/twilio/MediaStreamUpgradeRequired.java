package dev.parley.adapter.in.twilio;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.Map;

/**
 * A plain HTTP {@code GET} of the media-stream paths: WebSocket upgrades never get here (see
 * {@link MediaStreamUpgrade}), so this is a client that did not ask for one. 426 in the product's
 * error shape, naming the protocol to upgrade to.
 */
@Controller(MediaStreamUpgrade.PATH)
@Secured(SecurityRule.IS_ANONYMOUS)
final class MediaStreamUpgradeRequired {

    /** {@code scenario} is only there to match the path's optional segment; a call's own scenario is used. */
    @Get("{/scenario}")
    HttpResponse<Map<String, Object>> notAnUpgrade(HttpRequest<?> request, @Nullable String scenario) {
        return HttpResponse.<Map<String, Object>>status(HttpStatus.UPGRADE_REQUIRED).contentType("application/problem+json")
                .header("Upgrade", "websocket")
                .body(Map.of("type", "about:blank", "title", "Upgrade Required", "status", 426,
                        "detail", "This is a WebSocket endpoint: open it with a WebSocket handshake", "status_code", 426,
                        "code", "websocket.required", "instance", request.getPath()));
    }
}
