package dev.parley.bootstrap.logging;

import com.fasterxml.jackson.core.JsonStreamContext;
import net.logstash.logback.mask.ValueMasker;

/** For JSON lines (logstash-logback-encoder): every string value written passes through {@link LogRedactor}. */
public class RedactingValueMasker implements ValueMasker {
    @Override
    public Object mask(JsonStreamContext context, Object value) {
        if (value instanceof CharSequence text) {
            String redacted = LogRedactor.redact(text.toString());
            return redacted.contentEquals(text) ? null : redacted;
        }
        return null;
    }
}
