package dev.parley.application.calendar.port.in;

/** Finishes the OAuth round trip when the browser comes back from Google; stores nothing unless it all holds. */
public interface CompleteCalendarConnectionUseCase {
    /**
     * @param code  the authorization code, null when the user declined
     * @param state the state we issued
     * @param error Google's {@code error} parameter ({@code access_denied}), or null
     */
    ConnectionOutcome complete(String code, String state, String error);

    sealed interface ConnectionOutcome {
        record Connected() implements ConnectionOutcome {
        }

        /** @param message safe to show the user */
        record Failed(String message) implements ConnectionOutcome {
        }
    }
}
