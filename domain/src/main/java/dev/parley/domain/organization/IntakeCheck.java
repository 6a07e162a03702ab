package dev.parley.domain.organization;

import java.util.List;
import java.util.Map;

/** What checking collected intake data against an organization's fields found. */
public sealed interface IntakeCheck {
    /** Every required field is there and every value fits its field; {@code values} are normalised, in the fields' order. */
    record Complete(Map<String, Object> values) implements IntakeCheck {
        public Complete {
            values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        }
    }

    /** What to fix, one sentence per problem, each naming its field. */
    record Incomplete(List<String> problems) implements IntakeCheck {
        public Incomplete {
            problems = List.copyOf(problems);
        }
    }
}
