package dev.parley.bootstrap.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped logback.xml itself (not the test configuration): without LOG_FILE only the console; with it a
 * file that rotates at LOG_FILE_MAX_SIZE keeping LOG_FILE_BACKUPS files, redacted like the console, as JSON
 * lines with LOG_FORMAT=json; LOG_LEVEL sets the root level.
 */
class LogbackConfigurationTest {
    @TempDir
    Path dir;

    private static LoggerContext configure(java.util.Map<String, String> properties) throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        properties.forEach(context::putProperty);   // looked up like environment variables by the shipped file
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        URL shipped = Path.of("src/main/resources/logback.xml").toUri().toURL();
        configurator.doConfigure(shipped);
        return context;
    }

    /** The shipped configuration without its console, so a test that writes thousands of lines stays quiet. */
    private static LoggerContext configureFileOnly(java.util.Map<String, String> properties) throws Exception {
        LoggerContext context = configure(properties);
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender("CONSOLE");
        return context;
    }

    @Test
    void withoutLogFileThereIsOnlyTheConsole() throws Exception {
        for (var properties : java.util.List.of(java.util.Map.of("LOG_LEVEL", "WARN"), java.util.Map.of("LOG_LEVEL", "WARN", "LOG_FILE", " "))) {
            LoggerContext context = configure(properties);
            try {
                var root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
                assertThat(root.getAppender("CONSOLE")).isNotNull();
                assertThat(root.getAppender("FILE")).as("LOG_FILE '%s'", properties.get("LOG_FILE")).isNull();
                assertThat(root.getLevel().toString()).isEqualTo("WARN");
            } finally {
                context.stop();
            }
        }
    }

    @Test
    void theFileRotatesAtItsSizeKeepsItsBackupsAndIsRedacted() throws Exception {
        Path file = dir.resolve("parley.log");
        LoggerContext context = configureFileOnly(java.util.Map.of("LOG_FILE", file.toString(), "LOG_FILE_MAX_SIZE", "2KB",
                "LOG_FILE_BACKUPS", "2", "LOG_LEVEL", "INFO", "LOG_FILE_CHECK_INTERVAL", "20 millis"));
        try {
            var log = context.getLogger("dev.parley.rotation");
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
            int i = 0;
            // keep writing until the file has rotated past its two backups (the size check is throttled)
            while (!Files.exists(dir.resolve("parley.log.2")) || i < 2000) {
                if (System.nanoTime() > deadline) break;
                log.info("line {} for +14155550123 with key sk-rotation-secret-123 padding padding padding padding", i++);
                if (i % 20 == 0) Thread.sleep(5);
            }
        } finally {
            context.stop();
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .contains("parley.log", "parley.log.1", "parley.log.2").doesNotContain("parley.log.3");
        }
        assertThat(Files.size(dir.resolve("parley.log.1"))).isBetween(2048L, 64L * 1024);
        for (String name : new String[]{"parley.log", "parley.log.1", "parley.log.2"}) {
            String content = Files.readString(dir.resolve(name));
            assertThat(content).contains("+*******0123").contains("sk-***")
                    .doesNotContain("4155550123").doesNotContain("rotation-secret");
        }
    }

    @Test
    void logFormatJsonWritesOneJsonObjectPerLine() throws Exception {
        Path file = dir.resolve("parley.json.log");
        LoggerContext context = configureFileOnly(java.util.Map.of("LOG_FILE", file.toString(), "LOG_FORMAT", "json"));
        try {
            context.getLogger("dev.parley.json").warn("password=hunter2 for +14155550123");
        } finally {
            context.stop();
        }
        String line = readFirstLine(file);
        assertThat(line).startsWith("{").endsWith("}").contains("\"level\":\"WARN\"").contains("\"logger_name\":\"dev.parley.json\"")
                .contains("+*******0123").doesNotContain("hunter2");
    }

    private static String readFirstLine(Path file) throws IOException {
        return Files.readAllLines(file).getFirst();
    }
}
