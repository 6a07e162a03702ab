package dev.parley.application.telephony.port.in;

import dev.parley.application.telephony.port.out.NumberMarketplace.AvailableNumber;

import java.util.List;

/** Numbers a tenant could provision. */
public interface SearchAvailableNumbersUseCase {
    int MAX_LIMIT = 50;

    List<AvailableNumber> search(SearchNumbersCommand command);

    /** @param areaCode three digits or empty; @param limit 1..50, empty means 10; @param isoCountry two letters, empty means US */
    record SearchNumbersCommand(String areaCode, Integer limit, String isoCountry) {
    }
}
