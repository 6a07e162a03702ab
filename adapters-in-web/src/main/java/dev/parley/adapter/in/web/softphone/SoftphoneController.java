package dev.parley.adapter.in.web.softphone;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The browser softphone: one static page (its script and the microphone worklet are static resources
 * under /softphone/). Signing in happens on the page, with the API's own login.
 */
@Controller("/softphone")
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class SoftphoneController {
    private final byte[] page;

    SoftphoneController() {
        try (InputStream in = SoftphoneController.class.getResourceAsStream("/softphone/index.html")) {
            if (in == null) throw new IllegalStateException("softphone/index.html is missing from the classpath");
            page = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<byte[]> page() {
        return HttpResponse.ok(page).contentType(MediaType.TEXT_HTML_TYPE);
    }
}
