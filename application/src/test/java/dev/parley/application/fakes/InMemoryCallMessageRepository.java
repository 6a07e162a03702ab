package dev.parley.application.fakes;

import dev.parley.application.call.port.out.CallMessageRepository;
import dev.parley.domain.call.CallId;
import dev.parley.domain.call.CallMessage;
import dev.parley.domain.shared.TenantId;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

public final class InMemoryCallMessageRepository implements CallMessageRepository {
    public final List<CallMessage> stored = new CopyOnWriteArrayList<>();
    public final List<Integer> batchSizes = new CopyOnWriteArrayList<>();

    @Override
    public void addAll(List<CallMessage> messages) {
        batchSizes.add(messages.size());
        stored.addAll(messages);
    }

    @Override
    public List<CallMessage> ofCall(TenantId tenant, CallId call) {
        return stored.stream().filter(m -> m.tenant().equals(tenant) && m.call().equals(call)).toList();
    }
}
