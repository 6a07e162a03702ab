package dev.parley.application.telephony.port.out;

import dev.parley.domain.shared.PhoneNumber;

/** Answers which tenant and scenario a dialled number routes to. */
public interface NumberDirectory {
    NumberRoute route(PhoneNumber dialled);
}
