package dev.parley.application.tenancy.port.in;

/** Opens an account for a new e-mail address. */
public interface RegisterUserUseCase {
    UserView register(RegisterUserCommand command);

    record RegisterUserCommand(String email, String password) {
    }
}
