package dev.parley.application.conversation.service;

import dev.parley.application.call.port.in.RecordCallStatusUseCase;
import dev.parley.application.call.port.in.RecordCallStatusUseCase.CallStatusReport;
import dev.parley.application.call.port.out.CallControl;
import dev.parley.application.call.port.in.StartSimulatedCallUseCase;
import dev.parley.application.conversation.port.in.MediaStreamHandler;
import dev.parley.application.conversation.port.in.OpenLiveCallUseCase;
import dev.parley.application.conversation.port.out.CarrierStream;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Stands in for the carrier on simulated calls (carrier SID {@code SIM…}), which no carrier knows:
 * hanging one up closes its media stream on this instance, and a stream that ends completes the call,
 * as the carrier's status callback would. Real calls pass through to the real {@link CallControl}.
 * Recording a status blocks (the database), so it runs on the blocking executor.
 */
public final class SimulatedCarrier implements CallControl {
    private final CallControl carrier;
    private final RecordCallStatusUseCase statuses;
    private final Executor blocking;
    private final Clock clock;
    private final Map<String, CarrierStream> streams = new ConcurrentHashMap<>();

    public SimulatedCarrier(CallControl carrier, RecordCallStatusUseCase statuses, Executor blocking, Clock clock) {
        this.carrier = carrier;
        this.statuses = statuses;
        this.blocking = blocking;
        this.clock = clock;
    }

    /** Live calls opened through {@code open} end as above when they are simulated. */
    public OpenLiveCallUseCase tracking(OpenLiveCallUseCase open) {
        return (command, stream) -> {
            Optional<MediaStreamHandler> handler = open.open(command, stream);
            String sid = command.carrierSid();
            if (handler.isEmpty() || !StartSimulatedCallUseCase.isSimulated(sid)) return handler;
            streams.put(sid, stream);
            return Optional.of(new Tracked(handler.get(), sid));
        };
    }

    @Override
    public String dial(DialRequest request) {
        return carrier.dial(request);
    }

    @Override
    public void hangUp(String carrierSid) {
        if (StartSimulatedCallUseCase.isSimulated(carrierSid)) end(carrierSid);
        else carrier.hangUp(carrierSid);
    }

    @Override
    public void redirect(String carrierSid, CallInstructions instructions) {
        if (!StartSimulatedCallUseCase.isSimulated(carrierSid)) {
            carrier.redirect(carrierSid, instructions);
            return;
        }
        switch (instructions) {
            // nobody speaks the apology on a simulated line: the call ends
            case CallInstructions.SayAndHangUp sayAndHangUp -> end(carrierSid);
            case CallInstructions.Transfer transfer ->
                    throw new CallControlException("A simulated call cannot be transferred to a phone", null);
        }
    }

    /** Blocks (the database). */
    private void end(String carrierSid) {
        CarrierStream stream = streams.remove(carrierSid);
        if (stream != null) stream.close();
        completed(carrierSid);
    }

    private void completed(String carrierSid) {
        statuses.record(new CallStatusReport(0, carrierSid, "completed", -1, clock.instant()));
    }

    /** Passes the stream's frames on; when it stops, the call is completed. */
    private final class Tracked implements MediaStreamHandler {
        private final MediaStreamHandler handler;
        private final String carrierSid;

        Tracked(MediaStreamHandler handler, String carrierSid) {
            this.handler = handler;
            this.carrierSid = carrierSid;
        }

        @Override
        public void callerAudio(String base64Payload, long timestampMs) {
            handler.callerAudio(base64Payload, timestampMs);
        }

        @Override
        public void markPlayed(String name) {
            handler.markPlayed(name);
        }

        @Override
        public void carrierStopped() {
            handler.carrierStopped();
            streams.remove(carrierSid);
            blocking.execute(() -> completed(carrierSid));
        }

        @Override
        public void malformedFrame() {
            handler.malformedFrame();
        }
    }
}
