package dev.parley.domain.schedule;

import dev.parley.domain.shared.ConflictException;
import dev.parley.domain.shared.InvalidValueException;
import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.shared.TenantId;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * A call a tenant asked for at a given time. It is placed at most once: firing marks it
 * {@code placing} (in a transaction) before anyone dials, and a schedule found {@code placing}
 * again was interrupted and is never dialled a second time.
 * {@code scheduled -> placing -> placed | failed | canceled | missed}; a retry goes
 * {@code placing -> scheduled} with a later {@link #dueAt()}.
 */
public final class ScheduledCall {
    /** How far in the past a requested time may be (clock skew, a slow form). */
    public static final Duration PAST_TOLERANCE = Duration.ofMinutes(1);
    /** How far ahead a call may be scheduled. */
    public static final Duration HORIZON = Duration.ofDays(366);
    public static final String INTERRUPTED = "interrupted";

    private final ScheduledCallId id;
    private final TenantId tenant;
    private final PhoneNumber to;
    private final String scenarioRef;
    private Instant scheduledTime;
    private Instant dueAt;
    private ScheduleStatus status;
    private int attempts;
    private String lastError;
    private Long callId;
    private String callSid;
    private final Instant createdAt;
    private Instant updatedAt;

    private ScheduledCall(ScheduledCallId id, TenantId tenant, PhoneNumber to, String scenarioRef, Instant scheduledTime, Instant dueAt,
                          ScheduleStatus status, int attempts, String lastError, Long callId, String callSid, Instant createdAt,
                          Instant updatedAt) {
        this.id = Objects.requireNonNull(id);
        this.tenant = Objects.requireNonNull(tenant);
        this.to = Objects.requireNonNull(to);
        this.scenarioRef = Objects.requireNonNull(scenarioRef);
        this.scheduledTime = Objects.requireNonNull(scheduledTime);
        this.dueAt = Objects.requireNonNull(dueAt);
        this.status = Objects.requireNonNull(status);
        this.attempts = attempts;
        this.lastError = lastError;
        this.callId = callId;
        this.callSid = callSid;
        this.createdAt = Objects.requireNonNull(createdAt);
        this.updatedAt = Objects.requireNonNull(updatedAt);
    }

    /** A new schedule; the time must be within a minute past to a year ahead, and inside the tenant's calling window. */
    public static ScheduledCall schedule(ScheduledCallId id, TenantId tenant, PhoneNumber to, String scenarioRef, Instant at,
                                         CallingWindow window, Instant now) {
        checkTime(at, window, now);
        Instant when = at.isBefore(now) ? now : at;
        return new ScheduledCall(id, tenant, to, scenarioRef, at, when, ScheduleStatus.SCHEDULED, 0, null, null, null, now, now);
    }

    public static ScheduledCall reconstitute(ScheduledCallId id, TenantId tenant, PhoneNumber to, String scenarioRef, Instant scheduledTime,
                                             Instant dueAt, ScheduleStatus status, int attempts, String lastError, Long callId,
                                             String callSid, Instant createdAt, Instant updatedAt) {
        return new ScheduledCall(id, tenant, to, scenarioRef, scheduledTime, dueAt, status, attempts, lastError, callId, callSid,
                createdAt, updatedAt);
    }

    static void checkTime(Instant at, CallingWindow window, Instant now) {
        if (at.isBefore(now.minus(PAST_TOLERANCE)))
            throw new InvalidValueException("scheduled_time", "schedule.time.past", "scheduled_time is in the past");
        if (at.isAfter(now.plus(HORIZON)))
            throw new InvalidValueException("scheduled_time", "schedule.time.too-far", "scheduled_time is more than a year ahead");
        Instant effective = at.isBefore(now) ? now : at;
        if (!window.allows(effective)) {
            Instant next = window.nextAllowed(effective);
            throw new InvalidValueException("scheduled_time", "schedule.time.outside-window",
                    "scheduled_time is outside the calling window (" + window.start() + "-" + window.endText() + " " + window.zone().getId()
                            + "); the next allowed time is "
                            + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(next.atZone(window.zone()).truncatedTo(ChronoUnit.SECONDS)));
        }
    }

    /** Moves a pending schedule to another time (same rules as a new one). */
    public void moveTo(Instant at, CallingWindow window, Instant now) {
        requirePending("moved");
        checkTime(at, window, now);
        scheduledTime = at;
        dueAt = at.isBefore(now) ? now : at;
        updatedAt = now;
    }

    /** Cancels a pending schedule; once it is being placed or done it cannot be. */
    public void cancel(Instant now) {
        requirePending("canceled");
        status = ScheduleStatus.CANCELED;
        updatedAt = now;
    }

    private void requirePending(String what) {
        if (status != ScheduleStatus.SCHEDULED)
            throw new ConflictException("schedule.not-pending", "The scheduled call is " + status.wireName() + " and can no longer be " + what);
    }

    /** Whether firing at {@code now} is early: the schedule was moved after its timer was set. */
    public boolean isEarly(Instant now) {
        return dueAt.isAfter(now.plusSeconds(1));
    }

    /** Whether it came due longer than {@code grace} ago (no instance ran). */
    public boolean isLate(Instant now, Duration grace) {
        return Duration.between(dueAt, now).compareTo(grace) > 0;
    }

    /** Claims the schedule for dialling; false when it is not pending (another instance got it, or it was canceled). */
    public boolean startPlacing(Instant now) {
        if (status != ScheduleStatus.SCHEDULED) return false;
        status = ScheduleStatus.PLACING;
        attempts++;
        updatedAt = now;
        return true;
    }

    public void placed(long call, String sid, Instant now) {
        requirePlacing();
        status = ScheduleStatus.PLACED;
        callId = call;
        callSid = sid;
        lastError = null;
        updatedAt = now;
    }

    /** The attempt failed for good (a 4xx from the carrier, attempts used up, an unknown scenario). */
    public void failed(String error, Long call, Instant now) {
        requirePlacing();
        status = ScheduleStatus.FAILED;
        lastError = error;
        if (call != null) callId = call;
        updatedAt = now;
    }

    /** The attempt failed for a passing reason; it is tried again at {@code next}. */
    public void retryAt(Instant next, String error, Instant now) {
        requirePlacing();
        status = ScheduleStatus.SCHEDULED;
        dueAt = next;
        lastError = error;
        updatedAt = now;
    }

    /** It came due while no instance ran, longer ago than the grace period. */
    public void missed(Instant now) {
        if (status != ScheduleStatus.SCHEDULED) throw new IllegalStateException("only a pending schedule can be missed");
        status = ScheduleStatus.MISSED;
        lastError = "not placed within the grace period after " + dueAt;
        updatedAt = now;
    }

    /** Found {@code placing} again: the instance dialling it died. Never dialled blindly a second time. */
    public void interrupted(Instant now) {
        requirePlacing();
        status = ScheduleStatus.FAILED;
        lastError = INTERRUPTED;
        updatedAt = now;
    }

    private void requirePlacing() {
        if (status != ScheduleStatus.PLACING) throw new IllegalStateException("the schedule is not being placed but " + status.wireName());
    }

    public ScheduledCallId id() {
        return id;
    }

    public TenantId tenant() {
        return tenant;
    }

    public PhoneNumber to() {
        return to;
    }

    public String scenarioRef() {
        return scenarioRef;
    }

    public Instant scheduledTime() {
        return scheduledTime;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public ScheduleStatus status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    public Optional<Long> callId() {
        return Optional.ofNullable(callId);
    }

    public Optional<String> callSid() {
        return Optional.ofNullable(callSid);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
