package dev.parley.application.fakes;

import dev.parley.application.telephony.port.out.NumberMarketplace;
import dev.parley.domain.shared.PhoneNumber;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A scriptable carrier: records purchases and releases; {@link #failWith} makes the next call throw. */
public final class FakeNumberMarketplace implements NumberMarketplace {
    public final List<String> purchases = new CopyOnWriteArrayList<>();
    public final List<String> voiceUrls = new CopyOnWriteArrayList<>();
    public final List<String> releases = new CopyOnWriteArrayList<>();
    public final List<AvailableNumber> offer = new ArrayList<>();
    private RuntimeException failure;
    private int sids;

    public void failWith(RuntimeException next) {
        this.failure = next;
    }

    private void maybeFail() {
        RuntimeException f = failure;
        failure = null;
        if (f != null) throw f;
    }

    @Override
    public CarrierAccount account() {
        maybeFail();
        return new CarrierAccount("ACfake", "Fake account", "active", "Full", "12.34", "USD");
    }

    @Override
    public List<AvailableNumber> search(String isoCountry, Integer areaCode, int limit) {
        maybeFail();
        return offer.stream().limit(limit).toList();
    }

    @Override
    public PurchasedNumber purchase(PhoneNumber number, String voiceUrl, String friendlyName) {
        maybeFail();
        purchases.add(number.e164());
        voiceUrls.add(voiceUrl);
        return new PurchasedNumber("PN" + String.format("%032d", ++sids), number, friendlyName, true, true);
    }

    @Override
    public void release(String carrierSid) {
        maybeFail();
        releases.add(carrierSid);
    }
}
