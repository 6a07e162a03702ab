package dev.parley.domain.organization;

import dev.parley.domain.shared.InvalidValueException;
import dev.parley.domain.shared.PhoneNumber;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrganizationModelTest {
    static final PhoneNumber DESK = new PhoneNumber("+14155550199");

    static OrgConfig clinic(PhoneNumber transferTo) {
        return new OrgConfig(
                new BusinessInfo("Maple Clinic", "A family practice.", "1 Main St, Springfield", ZoneId.of("America/New_York"),
                        List.of(new OpeningHours(DayOfWeek.TUESDAY, LocalTime.of(8, 0), LocalTime.of(12, 0)),
                                new OpeningHours(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(17, 0))),
                        List.of("Check-ups", "Vaccinations")),
                new SafetyRules(List.of("a medical professional"), List.of("Recommend medication")),
                new EscalationPolicy(transferTo, List.of("chest pain", "can't breathe"), List.of("fever"), true),
                List.of(new IntakeField("full_name", IntakeFieldType.STRING, true, "The caller's full name", List.of()),
                        new IntakeField("date_of_birth", IntakeFieldType.DATE, true, "", List.of()),
                        new IntakeField("visit_type", IntakeFieldType.CHOICE, false, "", List.of("new", "follow-up")),
                        new IntakeField("callback", IntakeFieldType.PHONE, false, "", List.of())),
                "sage", "en");
    }

    // ---- prompt

    @Test
    void thePromptPutsSafetyThenOrganizationThenIntakeThenEscalationThenClosing() {
        String prompt = new PromptComposer().compose(clinic(DESK));
        int safety = prompt.indexOf(PromptComposer.SAFETY);
        int org = prompt.indexOf(PromptComposer.ORGANIZATION);
        int intake = prompt.indexOf(PromptComposer.INTAKE);
        int escalation = prompt.indexOf(PromptComposer.ESCALATION);
        int closing = prompt.indexOf(PromptComposer.CLOSING);
        assertThat(safety).isPositive();
        assertThat(List.of(safety, org, intake, escalation, closing)).isSorted();
        assertThat(prompt.substring(safety, org)).contains("- You are NOT a medical professional.")
                .contains("- Never recommend medication.").contains("Never give a diagnosis");
        assertThat(prompt.substring(org, intake)).contains("Name: Maple Clinic").contains("Address: 1 Main St, Springfield")
                .contains("time zone America/New_York").contains("- Monday: 09:00-17:00\n- Tuesday: 08:00-12:00\n- Other days: closed")
                .contains("Services: Check-ups, Vaccinations");
        assertThat(prompt.substring(intake, escalation)).contains("one question at a time")
                .contains("- full_name (string, required): The caller's full name")
                .contains("- visit_type (choice, optional) One of: new, follow-up.")
                .contains("ask the caller to confirm").contains("complete_intake");
        assertThat(prompt.substring(escalation, closing)).contains("chest pain, can't breathe").contains("High priority")
                .contains("fever").contains("escalate_to_human").contains("transfers the caller");
        assertThat(prompt.substring(closing)).contains("Speak English").contains("end_call");
    }

    @Test
    void withoutATransferNumberThePromptSaysEscalationsAreCalledBack() {
        String prompt = new PromptComposer().compose(clinic(null));
        assertThat(prompt).contains("flags it so a colleague calls back").doesNotContain("transfers the caller");
        assertThat(new PromptComposer().compose(OrgConfig.initial("Bob's Plumbing")))
                .contains("answering the phone for Bob's Plumbing").contains("There is nothing to collect")
                .contains("Opening hours (time zone UTC): not given");
    }

    // ---- configuration bounds

    @Test
    void badConfigurationIsRefusedNamingTheField() {
        assertThatThrownBy(() -> new OrgConfig(BusinessInfo.named("A"), null, null, null, "robot", "en"))
                .isInstanceOf(InvalidValueException.class).extracting(e -> ((InvalidValueException) e).field()).isEqualTo("voice");
        assertThatThrownBy(() -> BusinessInfo.named(" "))
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("business.name");
        assertThatThrownBy(() -> new OpeningHours(DayOfWeek.MONDAY, LocalTime.NOON, LocalTime.of(9, 0)))
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("business.hours");
        assertThatThrownBy(() -> new IntakeField("Full Name", IntakeFieldType.STRING, true, "", List.of()))
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("intake.fields.name");
        assertThatThrownBy(() -> new IntakeField("kind", IntakeFieldType.CHOICE, true, "", List.of()))
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("intake.fields.allowed_values");
        assertThatThrownBy(() -> new EscalationPolicy(null, List.of("x".repeat(61)), List.of(), true))
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("escalation.emergency_keywords[0]");
        assertThatThrownBy(() -> new SafetyRules(java.util.Collections.nCopies(21, "a"), List.of()))
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("safety.assistant_is_not");
        IntakeField name = new IntakeField("name", IntakeFieldType.STRING, true, "", List.of());
        assertThatThrownBy(() -> new OrgConfig(BusinessInfo.named("A"), null, null, List.of(name, name), null, null))
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("intake.fields");
        assertThatThrownBy(() -> new OrgConfig(BusinessInfo.named("A"), null, null, null, null, "English"))
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("language");
    }

    @Test
    void anOrganizationWithoutItsOwnEmergencyKeywordsUsesTheDefaults() {
        assertThat(EscalationPolicy.defaults().emergencyKeywords()).contains("chest pain", "suicide");
        assertThat(new EscalationPolicy(null, List.of(), List.of(), true).emergencyKeywords()).isEmpty();
    }

    // ---- escalation rules

    @Test
    void anEmergencyKeywordEscalatesWithEmergencyUrgencyWhateverItsCaseOrPunctuation() {
        EscalationRules rules = clinic(DESK).escalationRules();
        assertThat(rules.screen("I have CHEST-pain since this morning!")).contains(
                new EscalationTrigger(EscalationSource.EMERGENCY_KEYWORD, "chest pain", Urgency.EMERGENCY));
        assertThat(rules.screen("My son can’t breathe")).map(EscalationTrigger::words).contains("can't breathe"); // a typographic apostrophe too
        assertThat(rules.screen("My son can't breathe properly")).map(EscalationTrigger::words).contains("can't breathe");
    }

    @Test
    void keywordsMatchWholeWordsOnlyAndTheMostUrgentWins() {
        EscalationRules rules = new EscalationRules(List.of("stroke"), List.of("fever"));
        assertThat(rules.screen("I'd like a heatstroke leaflet")).isEmpty();
        assertThat(rules.screen("fever and maybe a stroke")).map(EscalationTrigger::urgency).contains(Urgency.EMERGENCY);
        assertThat(rules.screen("a high fever")).contains(new EscalationTrigger(EscalationSource.HIGH_PRIORITY_KEYWORD, "fever", Urgency.HIGH));
        assertThat(rules.screen("I'd like to book a check-up")).isEmpty();
        assertThat(rules.screen("")).isEmpty();
    }

    @Test
    void uncertaintyPatternsFlagTheCall() {
        EscalationRules rules = new EscalationRules(List.of(), List.of());
        assertThat(rules.screen("Honestly I'm not sure if this is serious.")).map(EscalationTrigger::source).contains(EscalationSource.UNCERTAINTY);
        assertThat(rules.screen("Should I go to the hospital?")).map(EscalationTrigger::urgency).contains(Urgency.NORMAL);
        assertThat(rules.screen("It is getting worse every day")).isPresent();
        assertThat(rules.screen("I'm sure it is fine")).isEmpty();
    }

    @Test
    void emergenciesAndRequestsForAPersonTransferOnlyWhenANumberIsSetOtherwiseTheCallIsFlagged() {
        EscalationPolicy withDesk = clinic(DESK).escalation();
        EscalationPolicy flagOnly = new EscalationPolicy(DESK, null, List.of(), false);
        assertThat(EscalationAction.decide(EscalationSource.EMERGENCY_KEYWORD, withDesk)).isEqualTo(EscalationAction.TRANSFERRED);
        assertThat(EscalationAction.decide(EscalationSource.ASSISTANT, withDesk)).isEqualTo(EscalationAction.TRANSFERRED);
        assertThat(EscalationAction.decide(EscalationSource.HIGH_PRIORITY_KEYWORD, withDesk)).isEqualTo(EscalationAction.FLAGGED);
        assertThat(EscalationAction.decide(EscalationSource.UNCERTAINTY, withDesk)).isEqualTo(EscalationAction.FLAGGED);
        assertThat(EscalationAction.decide(EscalationSource.EMERGENCY_KEYWORD, clinic(null).escalation())).isEqualTo(EscalationAction.FLAGGED);
        assertThat(EscalationAction.decide(EscalationSource.EMERGENCY_KEYWORD, flagOnly)).isEqualTo(EscalationAction.FLAGGED);
    }

    // ---- intake

    @Test
    void aMissingRequiredFieldIsReportedByName() {
        Map<String, Object> collected = new LinkedHashMap<>();
        collected.put("full_name", "Ann Lee");
        collected.put("visit_type", "New");
        IntakeCheck check = clinic(DESK).intakeSchema().check(collected);
        assertThat(check).isInstanceOf(IntakeCheck.Incomplete.class);
        assertThat(((IntakeCheck.Incomplete) check).problems()).containsExactly("Missing required field date_of_birth.");
    }

    @Test
    void completeIntakeIsNormalisedAndUnaskedFieldsAreLeftOut() {
        Map<String, Object> collected = new LinkedHashMap<>();
        collected.put("date_of_birth", " 1980-02-29 ");
        collected.put("full_name", "Ann Lee");
        collected.put("visit_type", "FOLLOW-UP");
        collected.put("callback", "+1 (415) 555-0100");
        collected.put("shoe_size", 42);
        IntakeCheck check = clinic(DESK).intakeSchema().check(collected);
        assertThat(check).isInstanceOf(IntakeCheck.Complete.class);
        assertThat(((IntakeCheck.Complete) check).values()).containsExactly(Map.entry("full_name", "Ann Lee"),
                Map.entry("date_of_birth", "1980-02-29"), Map.entry("visit_type", "follow-up"), Map.entry("callback", "+14155550100"));
    }

    @Test
    void valuesThatDoNotFitTheirTypeAreReported() {
        List<IntakeField> fields = List.of(new IntakeField("age", IntakeFieldType.NUMBER, true, "", List.of()),
                new IntakeField("insured", IntakeFieldType.BOOLEAN, true, "", List.of()),
                new IntakeField("email", IntakeFieldType.EMAIL, true, "", List.of()),
                new IntakeField("kind", IntakeFieldType.CHOICE, true, "", List.of("a", "b")),
                new IntakeField("day", IntakeFieldType.DATE, true, "", List.of()));
        IntakeCheck check = new IntakeSchema(fields).check(Map.of("age", "forty", "insured", "maybe", "email", "ann",
                "kind", "c", "day", "tomorrow"));
        assertThat(((IntakeCheck.Incomplete) check).problems()).containsExactly("Field age must be a number.",
                "Field insured must be yes or no.", "Field email must be an e-mail address.", "Field kind must be one of: a, b.",
                "Field day must be a date as YYYY-MM-DD.");
        assertThat(new IntakeSchema(fields).check(Map.of("age", 40, "insured", "yes", "email", "a@b.co", "kind", "B", "day", "2026-01-02")))
                .isInstanceOf(IntakeCheck.Complete.class);
    }

    // ---- phases

    @Test
    void phasesMoveFromGreetingThroughIntakeClarificationAndEscalationToCompleted() {
        ConversationPhase p = ConversationPhase.GREETING;
        assertThat(p.intakeCompleted()).isEqualTo(ConversationPhase.COMPLETED);
        p = p.callerSpoke();
        assertThat(p).isEqualTo(ConversationPhase.INTAKE);
        assertThat(p.callerSpoke()).isEqualTo(ConversationPhase.INTAKE);
        p = p.intakeRefused();
        assertThat(p).isEqualTo(ConversationPhase.CLARIFICATION);
        assertThat(p.callerSpoke()).isEqualTo(ConversationPhase.CLARIFICATION);
        p = p.escalated();
        assertThat(p).isEqualTo(ConversationPhase.ESCALATION);
        assertThat(p.intakeRefused()).isEqualTo(ConversationPhase.ESCALATION);
        assertThat(p.callerSpoke()).isEqualTo(ConversationPhase.ESCALATION);
        p = p.intakeCompleted();
        assertThat(p).isEqualTo(ConversationPhase.COMPLETED);
        assertThat(p.escalated()).isEqualTo(ConversationPhase.COMPLETED);
        assertThat(ConversationPhase.parse("clarification")).contains(ConversationPhase.CLARIFICATION);
    }

    @Test
    void aCallNamesItsOrganizationByReference() {
        assertThat(new OrgId(42).callRef()).isEqualTo("org:42");
        assertThat(OrgId.fromCallRef("org:42")).contains(new OrgId(42));
        assertThat(OrgId.fromCallRef("sales")).isEmpty();
        assertThat(OrgId.fromCallRef("org:0")).isEmpty();
        assertThat(OrgId.fromCallRef("org:x")).isEmpty();
    }
}
