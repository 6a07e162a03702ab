package dev.parley.application.scenario.port.in;

import dev.parley.domain.shared.PhoneNumber;

/**
 * What a live call needs of a scenario to brief the conversation model.
 *
 * @param ref          how calls name it: a built-in name ({@code sales}) or a custom {@code scenario_id}
 * @param instructions the full Realtime session instructions (safety preamble, persona, prompt), rendered by the scenario
 * @param voice        a Realtime voice ({@code alloy}, {@code ash}, {@code ballad}, {@code coral}, {@code echo}, {@code sage}, {@code shimmer}, {@code verse}, {@code marin}, {@code cedar})
 * @param temperature  sampling temperature, within the range the Realtime API accepts
 * @param greetsFirst  on inbound calls, whether the assistant speaks first (outbound calls always open with a greeting)
 * @param transferNumber where {@code transfer_to_human} sends the caller on this scenario's calls; null: the global TRANSFER_PHONE_NUMBER
 * @param calendarTools  whether its calls get the calendar tools (a custom scenario's {@code calendar_tools} switch)
 */
public record CallScenario(String ref, String name, String instructions, String voice, double temperature, boolean greetsFirst,
                           PhoneNumber transferNumber, boolean calendarTools) {
    /** A scenario without calendar tools. */
    public CallScenario(String ref, String name, String instructions, String voice, double temperature, boolean greetsFirst,
                        PhoneNumber transferNumber) {
        this(ref, name, instructions, voice, temperature, greetsFirst, transferNumber, false);
    }

    /** A scenario without a transfer number of its own. */
    public CallScenario(String ref, String name, String instructions, String voice, double temperature, boolean greetsFirst) {
        this(ref, name, instructions, voice, temperature, greetsFirst, null, false);
    }

    /** The same scenario with other instructions. */
    public CallScenario withInstructions(String newInstructions) {
        return new CallScenario(ref, name, newInstructions, voice, temperature, greetsFirst, transferNumber, calendarTools);
    }
}
