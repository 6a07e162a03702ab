package dev.parley.adapter.in.web.problem;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the JSON parser's and the binder's messages into words for the API's clients: no class or
 * method names ({@code StreamReadConstraints.getMaxNestingDepth()}), no token names
 * ({@code START_ARRAY}), no source positions, no binder prefix. What is left says what was wrong.
 */
final class ParserMessages {
    private static final Pattern BINDER_PREFIX = Pattern.compile("^Failed to convert argument \\[[^]]*] for value \\[[^]]*] due to: ");
    private static final Pattern SOURCE = Pattern.compile("\\s*at \\[Source.*$", Pattern.DOTALL);
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:field|Object property) '([^']{0,100})'");
    private static final Pattern NESTING = Pattern.compile("(?i)nesting depth");
    private static final Pattern PAREN_BACKTICKED = Pattern.compile("\\s*\\([^()]*`[^`]*`[^()]*\\)");
    private static final Pattern BACKTICKED = Pattern.compile("`(?:[^`]*\\.)?([^`.]*)`");
    private static final Pattern QUALIFIED = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z]\\w*(?:\\.\\w+)*(?:\\(\\))?");
    private static final Pattern TOKEN = Pattern.compile("\\b(?:JsonToken\\.)?(START_ARRAY|END_ARRAY|START_OBJECT|END_OBJECT|FIELD_NAME|"
            + "VALUE_STRING|VALUE_NUMBER_INT|VALUE_NUMBER_FLOAT|VALUE_TRUE|VALUE_FALSE|VALUE_NULL|VALUE_EMBEDDED_OBJECT|NOT_AVAILABLE)\\b");
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("START_ARRAY", "an array"), Map.entry("END_ARRAY", "the end of an array"),
            Map.entry("START_OBJECT", "an object"), Map.entry("END_OBJECT", "the end of an object"),
            Map.entry("FIELD_NAME", "a field name"), Map.entry("VALUE_STRING", "a string"),
            Map.entry("VALUE_NUMBER_INT", "a number"), Map.entry("VALUE_NUMBER_FLOAT", "a number"),
            Map.entry("VALUE_TRUE", "a boolean"), Map.entry("VALUE_FALSE", "a boolean"),
            Map.entry("VALUE_NULL", "null"), Map.entry("VALUE_EMBEDDED_OBJECT", "a value"),
            Map.entry("NOT_AVAILABLE", "nothing"));
    private static final int MAX_LENGTH = 300;

    private ParserMessages() {
    }

    static String plain(String message) {
        if (message == null || message.isBlank()) return "Bad request";
        String text = SOURCE.matcher(message).replaceFirst("");
        text = BINDER_PREFIX.matcher(text).replaceFirst("");
        Matcher duplicate = DUPLICATE.matcher(text);
        if (duplicate.find()) return "Duplicate field '" + duplicate.group(1) + "' in request body";
        if (NESTING.matcher(text).find()) return "Request body is nested too deeply";
        if (text.startsWith("Invalid JSON") || text.contains("JsonParseException") || text.startsWith("Unexpected character")
                || text.startsWith("Unexpected end-of-input") || text.startsWith("Unrecognized token"))
            return "Malformed JSON in request body";
        text = TOKEN.matcher(text).replaceAll(m -> WORDS.get(m.group(1)));
        text = text.replace("Unexpected token", "Unexpected");
        text = PAREN_BACKTICKED.matcher(text).replaceAll("");
        text = BACKTICKED.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        text = QUALIFIED.matcher(text).replaceAll("value");
        text = text.strip();
        if (text.isEmpty()) return "Bad request";
        return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) + "…" : text;
    }
}
