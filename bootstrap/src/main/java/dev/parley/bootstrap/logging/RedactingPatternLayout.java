package dev.parley.bootstrap.logging;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** Logback's pattern layout, with every finished line (message, arguments, MDC, stack trace) passed through {@link LogRedactor}. */
public class RedactingPatternLayout extends PatternLayout {
    @Override
    public String doLayout(ILoggingEvent event) {
        return LogRedactor.redact(super.doLayout(event));
    }
}
