package dev.parley.domain.organization;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Screens what a caller said: an emergency keyword escalates at once, a high-priority keyword or an
 * uncertainty pattern ("I'm not sure if this is serious") flags the call. Keywords match whole words,
 * ignoring case, accents, punctuation and spacing; the most urgent match wins. An explicit request for
 * a person is the assistant's to act on (its escalate tool), not a keyword's.
 */
public final class EscalationRules {
    /** Callers unsure whether their situation is serious: a person should look at the call. */
    static final List<Pattern> UNCERTAINTY = List.of(
            Pattern.compile("\\b(?:i am|i m|im) not sure (?:if|whether) (?:this|it|that) is (?:serious|urgent|an emergency|normal|bad)\\b"),
            Pattern.compile("\\bshould i (?:be worried|go to the (?:hospital|er|emergency room)|call (?:911|112|999|an ambulance))\\b"),
            Pattern.compile("\\bis (?:this|it|that) (?:serious|an emergency|dangerous)\\b"),
            Pattern.compile("\\b(?:it s|it is) getting worse\\b"),
            Pattern.compile("\\bi don t know (?:if|whether|what) (?:this|it|to do)\\b"));

    private final List<Keyword> emergency;
    private final List<Keyword> highPriority;

    private record Keyword(String text, Pattern pattern) {
    }

    public EscalationRules(List<String> emergencyKeywords, List<String> highPriorityKeywords) {
        this.emergency = compile(emergencyKeywords);
        this.highPriority = compile(highPriorityKeywords);
    }

    /** The most urgent reason in {@code callerWords} to involve a person, if any. */
    public Optional<EscalationTrigger> screen(String callerWords) {
        if (callerWords == null || callerWords.isBlank()) return Optional.empty();
        String text = normalize(callerWords);
        for (Keyword k : emergency)
            if (k.pattern().matcher(text).find()) return Optional.of(new EscalationTrigger(EscalationSource.EMERGENCY_KEYWORD, k.text(), Urgency.EMERGENCY));
        for (Keyword k : highPriority)
            if (k.pattern().matcher(text).find()) return Optional.of(new EscalationTrigger(EscalationSource.HIGH_PRIORITY_KEYWORD, k.text(), Urgency.HIGH));
        for (Pattern p : UNCERTAINTY) {
            Matcher m = p.matcher(text);
            if (m.find()) return Optional.of(new EscalationTrigger(EscalationSource.UNCERTAINTY, m.group(), Urgency.NORMAL));
        }
        return Optional.empty();
    }

    /** Lower case, accents off, every run of non-letters and non-digits one space: "Can't  BREATHE!" is "can t breathe". */
    static String normalize(String s) {
        String plain = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static List<Keyword> compile(List<String> keywords) {
        List<Keyword> out = new ArrayList<>();
        if (keywords == null) return out;
        for (String k : keywords) {
            String n = normalize(k);
            if (!n.isEmpty()) out.add(new Keyword(k, Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(n) + "(?![\\p{L}\\p{N}])")));
        }
        return List.copyOf(out);
    }
}
