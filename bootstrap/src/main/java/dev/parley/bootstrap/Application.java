package dev.parley.bootstrap;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.runtime.Micronaut;

import java.util.Map;

/** Starts Parley: Netty HTTP server on PORT (5050), configuration from the environment (see .env.example). */
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        configure(Micronaut.build(args), System.getenv()).start();
    }

    /** Adds what plain property binding cannot express: DATABASE_URL in either of its forms, the token-signing key,
     * the conversation model (the simulated assistant when there is no OpenAI key in development). */
    static <B extends ApplicationContextBuilder> B configure(B builder, Map<String, String> environment) {
        builder.mainClass(Application.class);
        builder.properties(DatabaseUrl.properties(environment));
        builder.properties(SigningSecret.properties(environment));
        builder.properties(ConversationModelChoice.properties(environment));
        return builder;
    }
}
