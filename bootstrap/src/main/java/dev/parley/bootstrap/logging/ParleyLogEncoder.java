package dev.parley.bootstrap.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.mask.MaskingJsonGeneratorDecorator;

import java.nio.charset.StandardCharsets;

/**
 * The one encoder of Parley's appenders: {@code format} {@code text} (default; {@code pattern}) or {@code json}
 * (one JSON object per line, logstash-logback-encoder, for log shippers). Both redact secrets and phone
 * numbers ({@link LogRedactor}) in the pipeline itself, so no caller has to remember to.
 */
public class ParleyLogEncoder extends EncoderBase<ILoggingEvent> {
    public static final String DEFAULT_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSX} %-5level [%thread] %logger{36} - %msg%n";
    private String format = "text";
    private String pattern = DEFAULT_PATTERN;
    private Encoder<ILoggingEvent> delegate;

    public void setFormat(String format) {
        this.format = format == null || format.isBlank() ? "text" : format.strip().toLowerCase(java.util.Locale.ROOT);
    }

    public void setPattern(String pattern) {
        if (pattern != null && !pattern.isBlank()) this.pattern = pattern;
    }

    @Override
    public void start() {
        if ("json".equals(format)) {
            LogstashEncoder json = new LogstashEncoder();
            json.setContext(getContext());
            MaskingJsonGeneratorDecorator masking = new MaskingJsonGeneratorDecorator();
            masking.addValueMasker(new RedactingValueMasker());
            masking.start();
            json.setJsonGeneratorDecorator(masking);
            json.start();
            delegate = json;
        } else {
            if (!"text".equals(format)) addWarn("LOG_FORMAT '" + format + "' is neither text nor json; using text");
            RedactingPatternLayout layout = new RedactingPatternLayout();
            layout.setContext(getContext());
            layout.setPattern(pattern);
            layout.start();
            LayoutWrappingEncoder<ILoggingEvent> text = new LayoutWrappingEncoder<>();
            text.setContext(getContext());
            text.setLayout(layout);
            text.setCharset(StandardCharsets.UTF_8);
            text.start();
            delegate = text;
        }
        super.start();
    }

    @Override
    public void stop() {
        if (delegate != null) delegate.stop();
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return delegate.encode(event);
    }

    @Override
    public byte[] footerBytes() {
        return delegate.footerBytes();
    }
}
