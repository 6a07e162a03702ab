package dev.parley.bootstrap.logging;

import java.util.List;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets and personal data in a finished log line, whoever wrote it: API keys ({@code sk-…}), bearer
 * and basic credentials, JWTs, Google tokens, Twilio auth tokens and signatures, refresh and CAPTCHA tokens
 * and other long opaque tokens, any value named like a secret ({@code password=…}, {@code "refresh_token":"…"},
 * {@code X-Twilio-Signature: …}); phone numbers keep their last four digits. UUIDs (correlation ids) and
 * Twilio SIDs are kept: they identify, they do not authorise.
 */
public final class LogRedactor {
    private static final String MASK = "***";
    private static final Pattern UUID = Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern TWILIO_SID = Pattern.compile("[A-Z]{2}[0-9a-f]{32}");

    private record Rule(Pattern pattern, Function<MatchResult, String> replacement) {
    }

    private static final List<Rule> RULES = List.of(
            // a value named like a secret: key=value, key: value, "key":"value" (quoted values may hold spaces)
            new Rule(Pattern.compile("(?i)((?:\\\\?\")?\\b(?:password|passwd|pwd|new_password|secret|client_secret|secret_key|api[_-]?key"
                    + "|access_token|refresh_token|id_token|auth_token|authtoken|token|captcha_token|g-recaptcha-response"
                    + "|x-twilio-signature|signature|authorization|cookie|set-cookie)\\b(?:\\\\?\")?\\s*[:=]\\s*)"
                    + "(\"(?:[^\"\\\\]|\\\\.)*\"|\\\\\"(?:[^\\\\]|\\\\(?!\"))*\\\\\"|(?:bearer|basic)\\s+[^\\s,;&]+|[^\\s,;&}\\]\"]+)"),
                    m -> m.group(1) + (m.group(2).startsWith("\"") ? "\"" + MASK + "\"" : m.group(2).startsWith("\\\"") ? "\\\"" + MASK + "\\\"" : MASK)),
            // OAuth codes in callback URLs
            new Rule(Pattern.compile("([?&](?:code|state)=)[^&\\s\"]+"), m -> m.group(1) + MASK),
            new Rule(Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]{6,}"), m -> m.group(1) + " " + MASK),
            new Rule(Pattern.compile("\\beyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*"), m -> "[jwt " + MASK + "]"),
            new Rule(Pattern.compile("\\bsk-[A-Za-z0-9_-]{3,}"), m -> "sk-" + MASK),
            new Rule(Pattern.compile("\\bya29\\.[A-Za-z0-9._-]+"), m -> "ya29." + MASK),
            new Rule(Pattern.compile("\\b1//[A-Za-z0-9_-]{8,}"), m -> "1//" + MASK),
            new Rule(Pattern.compile("\\bGOCSPX-[A-Za-z0-9_-]+"), m -> "GOCSPX-" + MASK),
            // Twilio auth tokens: 32 hex digits standing alone
            new Rule(Pattern.compile("(?i)(?<![A-Za-z0-9_-])[0-9a-f]{32}(?![A-Za-z0-9_-])"), m -> MASK),
            // HMAC signatures and other base64 with padding (Twilio's X-Twilio-Signature is 28 characters)
            new Rule(Pattern.compile("(?<![A-Za-z0-9+/=_-])[A-Za-z0-9+/]{20,}={1,2}(?![A-Za-z0-9+/=])"), m -> MASK),
            // long opaque tokens (refresh, CAPTCHA, reset tokens, audio): 32+ token characters with letters and digits
            new Rule(Pattern.compile("(?<![A-Za-z0-9_+/-])[A-Za-z0-9_+/-]{32,}(?![A-Za-z0-9_+/-])"),
                    m -> keep(m.group()) ? m.group() : MASK),
            // phone numbers in E.164 (also URL-encoded): only the last four digits remain
            new Rule(Pattern.compile("(?<![\\w+%])(\\+|%2B|%2b)([1-9]\\d{6,14})(?!\\d)"),
                    m -> m.group(1) + "*".repeat(m.group(2).length() - 4) + m.group(2).substring(m.group(2).length() - 4)));

    private LogRedactor() {
    }

    public static String redact(String line) {
        if (line == null || line.isEmpty()) return line;
        String out = line;
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(out);
            if (!m.find()) continue;
            StringBuilder sb = new StringBuilder(out.length());
            do {
                m.appendReplacement(sb, Matcher.quoteReplacement(rule.replacement().apply(m)));
            } while (m.find());
            m.appendTail(sb);
            out = sb.toString();
        }
        return out;
    }

    /** Identifiers that look like tokens but are safe and useful: UUIDs, Twilio SIDs, words without digits, paths. */
    private static boolean keep(String candidate) {
        if (UUID.matcher(candidate).matches() || TWILIO_SID.matcher(candidate).matches()) return true;
        boolean digit = false;
        boolean letter = false;
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (Character.isDigit(c)) digit = true;
            else if (Character.isLetter(c)) letter = true;
        }
        if (!(digit && letter)) return true;
        // path-like runs (a/b/c) of short segments are class or route names, not tokens
        if (candidate.indexOf('/') >= 0) {
            for (String segment : candidate.split("/")) if (segment.length() >= 24) return false;
            return true;
        }
        return false;
    }
}
