package dev.parley.application.telephony.port.out;

/** The carrier could not serve us: wrong or missing credentials, an outage, the network. A bad gateway, not the client's fault. */
public class CarrierUnavailableException extends RuntimeException {
    public CarrierUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
