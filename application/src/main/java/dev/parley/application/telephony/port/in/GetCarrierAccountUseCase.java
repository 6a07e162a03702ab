package dev.parley.application.telephony.port.in;

import dev.parley.application.telephony.port.out.NumberMarketplace.CarrierAccount;

/** The carrier account and balance behind the tenant's numbers, and the telephony mode. */
public interface GetCarrierAccountUseCase {
    CarrierAccountView account();

    /** @param systemNumber TWILIO_PHONE_NUMBER, empty when not set */
    record CarrierAccountView(CarrierAccount account, boolean developmentMode, String systemNumber) {
    }
}
