package dev.parley.bootstrap;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/** A raw HTTP client for end-to-end tests: sees every status and body as the SPA would, no exceptions. */
final class HttpJson {
    private final HttpClient client = HttpClient.newHttpClient();
    private final URI base;
    private final JsonMapper json;

    HttpJson(EmbeddedServer server, JsonMapper json) {
        this.base = server.getURI();
        this.json = json;
    }

    record Reply(int status, String body, HttpResponse<String> raw, JsonMapper json) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map() {
            try {
                return json.readValue(body, Map.class);
            } catch (IOException e) {
                throw new AssertionError("not a JSON object: " + body, e);
            }
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list() {
            try {
                return (List<Map<String, Object>>) (List<?>) json.readValue(body, io.micronaut.core.type.Argument.listOf(Map.class));
            } catch (IOException e) {
                throw new AssertionError("not a JSON array: " + body, e);
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    Reply get(String path, String token) {
        return send(request(path, token).GET());
    }

    Reply delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    Reply postJson(String path, String body, String token) {
        return send(request(path, token).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Reply putJson(String path, String body, String token) {
        return send(request(path, token).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    Reply postForm(String path, String form, String token) {
        return send(request(path, token).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    Reply send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return b;
    }

    /** Registers a fresh user and signs in; answers the token reply. */
    Map<String, Object> newUser(String email) {
        Reply registered = postJson("/auth/register", "{\"email\":\"" + email + "\",\"password\":\"secure_password\"}", null);
        if (registered.status() != 201) throw new AssertionError("register failed: " + registered.body());
        Reply login = postJson("/auth/login", "{\"email\":\"" + email + "\",\"password\":\"secure_password\"}", null);
        if (login.status() != 200) throw new AssertionError("login failed: " + login.body());
        return login.map();
    }
}
