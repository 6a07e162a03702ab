package dev.parley.bootstrap.logging;

import ch.qos.logback.core.boolex.PropertyConditionBase;

/**
 * A logback.xml condition: the property (or environment variable) {@code key} is set and not blank, so an
 * exported but empty {@code LOG_FILE=} means "no file" as it does in {@code .env}, not a file with no name.
 */
public class IsPropertySetCondition extends PropertyConditionBase {
    private String key;

    public void setKey(String key) {
        this.key = key;
    }

    @Override
    public boolean evaluate() {
        String value = key == null ? null : property(key);
        return value != null && !value.isBlank();
    }
}
