package dev.parley.application.fakes;

import dev.parley.application.call.port.out.CallControl;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what was asked of the carrier; can be told to fail. */
public final class RecordingCallControl implements CallControl {
    public final List<DialRequest> dialled = new CopyOnWriteArrayList<>();
    public final List<String> hungUp = new CopyOnWriteArrayList<>();
    public final List<CallInstructions> redirects = new CopyOnWriteArrayList<>();
    public volatile boolean failing;
    private int next = 1;

    @Override
    public synchronized String dial(DialRequest request) {
        if (failing) throw new CallControlException("carrier down", null);
        dialled.add(request);
        return String.format("CA%032d", next++);
    }

    @Override
    public void hangUp(String carrierSid) {
        if (failing) throw new CallControlException("carrier down", null);
        hungUp.add(carrierSid);
    }

    @Override
    public void redirect(String carrierSid, CallInstructions instructions) {
        if (failing) throw new CallControlException("carrier down", null);
        redirects.add(instructions);
    }
}
