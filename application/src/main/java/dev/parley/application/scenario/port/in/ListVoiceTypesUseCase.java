package dev.parley.application.scenario.port.in;

import java.util.List;

/** The voice catalogue. */
public interface ListVoiceTypesUseCase {
    List<VoiceTypeView> voices();
}
