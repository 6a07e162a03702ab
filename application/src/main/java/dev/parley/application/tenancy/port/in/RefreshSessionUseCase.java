package dev.parley.application.tenancy.port.in;

/** Exchanges a refresh token for a new one (rotation); the presented token stops working. */
public interface RefreshSessionUseCase {
    SignedIn refresh(String refreshToken);
}
