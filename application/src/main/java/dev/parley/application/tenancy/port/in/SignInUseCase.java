package dev.parley.application.tenancy.port.in;

/**
 * Checks an e-mail address and password and starts a session. Wrong e-mail and wrong password
 * fail alike ({@link InvalidCredentialsException}), in the same time.
 */
public interface SignInUseCase {
    SignedIn signIn(SignInCommand command);

    record SignInCommand(String email, String password) {
        @Override
        public String toString() {
            return "SignInCommand[redacted]";
        }
    }
}
