package dev.parley.domain.organization;

import java.util.List;

/**
 * What the assistant is not (e.g. "a medical professional") and what it must never do (e.g. "give a diagnosis").
 * Whatever the organization sets, the composed prompt adds the rules every assistant keeps.
 */
public record SafetyRules(List<String> assistantIsNot, List<String> neverDo) {
    public SafetyRules {
        assistantIsNot = Limits.texts("safety.assistant_is_not", assistantIsNot, 20, 300);
        neverDo = Limits.texts("safety.never_do", neverDo, 20, 300);
    }

    public static SafetyRules none() {
        return new SafetyRules(List.of(), List.of());
    }
}
