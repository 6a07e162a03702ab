package dev.parley.adapter.in.web.plant;

/** Planted violation: a dependency injected into a field rather than the constructor. */
public class FieldInjected {
    @jakarta.inject.Inject
    public dev.parley.application.conversation.port.in.MonitorLiveCallsUseCase calls;
}
