package dev.parley.application.organization.port.in;

import dev.parley.domain.shared.PhoneNumber;

/** What an organization tool did, in words for the model. */
public sealed interface OrgToolOutcome {
    /** Done; the model goes on, speaking about {@code result}. */
    record Done(String result) implements OrgToolOutcome {
    }

    /** Not done: {@code error} says what to fix (a missing intake field, a bad argument); the call goes on. */
    record Refused(String error) implements OrgToolOutcome {
    }

    /** Done, and the caller is to be transferred to {@code to} once what the assistant said has been heard. */
    record Transfer(String result, PhoneNumber to) implements OrgToolOutcome {
    }
}
