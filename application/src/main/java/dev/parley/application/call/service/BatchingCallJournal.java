package dev.parley.application.call.service;

import dev.parley.application.call.port.in.CallJournal;
import dev.parley.application.call.port.out.CallMessageRepository;
import dev.parley.application.call.port.out.CallRepository;
import dev.parley.application.shared.Transactions;
import dev.parley.application.usage.port.in.RecordCallUsageUseCase;
import dev.parley.application.usage.port.in.MeasuredCall;
import dev.parley.domain.call.CallId;
import dev.parley.domain.call.CallMessage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@link CallJournal}: a bounded queue in front of one writer thread that stores entries in
 * batches (one transaction per batch), so live calls never wait for the database. {@link #close()}
 * drains the queue before it returns.
 */
public final class BatchingCallJournal implements CallJournal, AutoCloseable {
    private sealed interface Entry {
    }

    private record Said(CallMessage message) implements Entry {
    }

    private record Ended(CallId call, String reason) implements Entry {
    }

    private record Measured(MeasuredCall measured) implements Entry {
    }

    private record Flush(CountDownLatch done) implements Entry {
    }

    private record Stop() implements Entry {
    }

    private final BlockingQueue<Entry> queue;
    private final int maxBatch;
    private final CallMessageRepository messages;
    private final CallRepository calls;
    private final Transactions transactions;
    private final RecordCallUsageUseCase usage;
    private final Thread writer;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private volatile boolean closed;

    public BatchingCallJournal(CallMessageRepository messages, CallRepository calls, Transactions transactions, int capacity,
                               int maxBatch) {
        this(messages, calls, null, transactions, capacity, maxBatch);
    }

    /** @param usage where call ledgers go; null refuses them (counted as dropped) */
    public BatchingCallJournal(CallMessageRepository messages, CallRepository calls, RecordCallUsageUseCase usage, Transactions transactions,
                               int capacity, int maxBatch) {
        this.usage = usage;
        this.messages = messages;
        this.calls = calls;
        this.transactions = transactions;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.maxBatch = maxBatch;
        this.writer = Thread.ofPlatform().daemon().name("call-journal").start(this::run);
    }

    @Override
    public boolean said(CallMessage message) {
        return offer(new Said(message));
    }

    @Override
    public boolean ended(CallId call, String reason) {
        if (reason == null || reason.isBlank()) return true;
        return offer(new Ended(call, reason));
    }

    @Override
    public boolean measured(MeasuredCall measured) {
        if (usage == null) {
            dropped.incrementAndGet();
            return false;
        }
        return offer(new Measured(measured));
    }

    /** Entries waiting for the writer. */
    public int queued() {
        return queue.size();
    }

    private boolean offer(Entry entry) {
        if (closed || !queue.offer(entry)) {
            dropped.incrementAndGet();
            return false;
        }
        return true;
    }

    /** Waits until everything accepted before this call is stored (or the timeout passes). */
    public boolean flush(Duration timeout) {
        CountDownLatch done = new CountDownLatch(1);
        try {
            if (!queue.offer(new Flush(done), timeout.toMillis(), TimeUnit.MILLISECONDS)) return false;
            return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public long dropped() {
        return dropped.get();
    }

    public long failed() {
        return failed.get();
    }

    public long written() {
        return written.get();
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            queue.put(new Stop());
            writer.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<Entry> batch = new ArrayList<>(maxBatch);
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, maxBatch - 1);
            boolean stop = write(batch);
            batch.clear();
            if (stop) return;
        }
    }

    private boolean write(List<Entry> batch) {
        List<CallMessage> lines = new ArrayList<>();
        List<Ended> endings = new ArrayList<>();
        List<MeasuredCall> ledgers = new ArrayList<>();
        List<CountDownLatch> flushes = new ArrayList<>();
        boolean stop = false;
        for (Entry e : batch) {
            switch (e) {
                case Said s -> lines.add(s.message());
                case Ended en -> endings.add(en);
                case Measured m -> ledgers.add(m.measured());
                case Flush f -> flushes.add(f.done());
                case Stop ignored -> stop = true;
            }
        }
        if (!lines.isEmpty() || !endings.isEmpty() || !ledgers.isEmpty()) {
            try {
                transactions.run(() -> {
                    if (!lines.isEmpty()) messages.addAll(lines);
                    if (!ledgers.isEmpty()) usage.record(ledgers);
                    for (Ended en : endings) {
                        calls.findForUpdate(en.call()).ifPresent(c -> {
                            c.noteEndReason(en.reason());
                            calls.update(c);
                        });
                    }
                });
                written.addAndGet(lines.size() + endings.size() + ledgers.size());
            } catch (RuntimeException e) {
                failed.addAndGet(lines.size() + endings.size() + ledgers.size());
            }
        }
        flushes.forEach(CountDownLatch::countDown);
        return stop;
    }
}
