package dev.parley.domain.call;

import dev.parley.domain.shared.InvalidValueException;
import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.shared.TenantId;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One phone call handled by the agent, from the first ring to hang-up. Guards its status machine
 * (forward only; repeated or late carrier reports change nothing) and the one-time token that lets
 * exactly one media stream attach to it.
 */
public final class Call {
    private final CallId id;
    private final TenantId tenant;
    private final CallDirection direction;
    private final CallChannel channel;
    private final PhoneNumber customerNumber;
    private final PhoneNumber organizationNumber;
    private final String scenarioRef;
    private final Instant createdAt;
    private String carrierSid;
    private CallStatus status;
    private Instant answeredAt;
    private Instant endedAt;
    /** The longest call a carrier holds (Twilio: 24 hours); reported durations are clamped to it. */
    public static final long MAX_DURATION_SECONDS = 86_400;

    private long durationSeconds;
    private String endReason;
    private String streamTokenHash;
    private Instant streamTokenExpiresAt;

    private Call(CallId id, TenantId tenant, CallDirection direction, CallChannel channel, PhoneNumber customerNumber, PhoneNumber organizationNumber,
                 String scenarioRef, Instant createdAt, String carrierSid, CallStatus status, Instant answeredAt, Instant endedAt,
                 long durationSeconds, String endReason, String streamTokenHash, Instant streamTokenExpiresAt) {
        this.id = Objects.requireNonNull(id);
        this.tenant = Objects.requireNonNull(tenant);
        this.direction = Objects.requireNonNull(direction);
        this.channel = Objects.requireNonNull(channel);
        this.customerNumber = customerNumber;
        this.organizationNumber = organizationNumber;
        this.scenarioRef = Objects.requireNonNull(scenarioRef);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.carrierSid = carrierSid;
        this.status = Objects.requireNonNull(status);
        this.answeredAt = answeredAt;
        this.endedAt = endedAt;
        this.durationSeconds = durationSeconds;
        this.endReason = endReason;
        this.streamTokenHash = streamTokenHash;
        this.streamTokenExpiresAt = streamTokenExpiresAt;
    }

    /** A call we are about to place; it is queued until the carrier reports progress. */
    public static Call placeOutbound(CallId id, TenantId tenant, PhoneNumber to, PhoneNumber from, String scenarioRef, Instant now) {
        return new Call(id, tenant, CallDirection.OUTBOUND, CallChannel.PHONE, Objects.requireNonNull(to), Objects.requireNonNull(from), scenarioRef, now, null, CallStatus.QUEUED,
                null, null, 0, null, null, null);
    }

    /** A call the carrier has just delivered to one of our numbers; it is ringing. */
    public static Call startInbound(CallId id, TenantId tenant, PhoneNumber caller, PhoneNumber dialled, String scenarioRef,
                                    String carrierSid, Instant now) {
        return new Call(id, tenant, CallDirection.INBOUND, CallChannel.PHONE, Objects.requireNonNull(caller), Objects.requireNonNull(dialled),
                scenarioRef, now, Objects.requireNonNull(carrierSid),
                CallStatus.RINGING, null, null, 0, null, null, null);
    }

    /**
     * A browser talking to the assistant over WebRTC (seeds 003/004): no carrier and no phone numbers
     * ({@link #customerNumber()} and {@link #organizationNumber()} are null); it is in progress from the start.
     */
    public static Call startBrowser(CallId id, TenantId tenant, String scenarioRef, Instant now) {
        return new Call(id, tenant, CallDirection.INBOUND, CallChannel.BROWSER, null, null, scenarioRef, now, null,
                CallStatus.IN_PROGRESS, now, null, 0, null, null, null);
    }

    /**
     * A call the client runs itself and reports (seed 003 {@code POST /api/call/start}): a browser session, or a phone
     * call carried by something other than this server. It has no carrier SID, is in progress from the start, and
     * ends when the client reports its end ({@link #endReported}). {@code customer} may be null (a browser has none).
     */
    public static Call startReported(CallId id, TenantId tenant, CallChannel channel, CallDirection direction, PhoneNumber customer,
                                     String scenarioRef, Instant now) {
        if (channel == CallChannel.BROWSER && customer != null)
            throw new InvalidValueException("customer_number", "call.browser-number", "A browser call has no phone number");
        return new Call(id, tenant, direction, channel, customer, null, scenarioRef, now, null, CallStatus.IN_PROGRESS, now, null, 0,
                null, null, null);
    }

    /**
     * The client that ran this call reports its end: it is completed now, its duration counted from its start. Repeated
     * reports change nothing and answer false. A call the carrier carries (it has a SID, or is still being placed) ends
     * only by the carrier's reports.
     *
     * @return true when this report ended the call, false when it had ended before
     * @throws NotAClientCallException for a call this server placed or received through the carrier
     */
    public boolean endReported(Instant now) {
        if (carrierSid != null || status.isFinal() && answeredAt == null || !status.isFinal() && status != CallStatus.IN_PROGRESS)
            throw new NotAClientCallException();
        if (status.isFinal()) return false;
        return recordStatus(CallStatus.COMPLETED, now, -1);
    }

    /** Rebuilds a stored phone call. For persistence adapters only; checks no rules. */
    public static Call reconstitute(CallId id, TenantId tenant, CallDirection direction, PhoneNumber customerNumber,
                                    PhoneNumber organizationNumber, String scenarioRef, Instant createdAt, String carrierSid,
                                    CallStatus status, Instant answeredAt, Instant endedAt, long durationSeconds, String endReason,
                                    String streamTokenHash, Instant streamTokenExpiresAt) {
        return reconstitute(id, tenant, direction, CallChannel.PHONE, customerNumber, organizationNumber, scenarioRef, createdAt,
                carrierSid, status, answeredAt, endedAt, durationSeconds, endReason, streamTokenHash, streamTokenExpiresAt);
    }

    /** Rebuilds a stored call of any channel (browser calls have no numbers). For persistence adapters only; checks no rules. */
    public static Call reconstitute(CallId id, TenantId tenant, CallDirection direction, CallChannel channel, PhoneNumber customerNumber,
                                    PhoneNumber organizationNumber, String scenarioRef, Instant createdAt, String carrierSid,
                                    CallStatus status, Instant answeredAt, Instant endedAt, long durationSeconds, String endReason,
                                    String streamTokenHash, Instant streamTokenExpiresAt) {
        return new Call(id, tenant, direction, channel, customerNumber, organizationNumber, scenarioRef, createdAt, carrierSid, status,
                answeredAt, endedAt, durationSeconds, endReason, streamTokenHash, streamTokenExpiresAt);
    }

    /** The carrier accepted the call and named it. */
    public void dialled(String sid) {
        if (carrierSid != null && !carrierSid.equals(sid)) throw new IllegalStateException("A call has one carrier SID");
        carrierSid = Objects.requireNonNull(sid);
    }

    /** The carrier could not even start the call. */
    public void notPlaced(String reason, Instant now) {
        if (status.isFinal()) return;
        status = CallStatus.FAILED;
        endedAt = now;
        if (endReason == null) endReason = reason;
        streamTokenHash = null;
    }

    /**
     * Applies a status the carrier reported. Moves forward only: a repeated, late or out-of-order
     * report is ignored and answers false.
     *
     * @param reportedDurationSeconds the carrier's duration on final statuses, or a negative number when it sent none
     */
    public boolean recordStatus(CallStatus next, Instant at, long reportedDurationSeconds) {
        if (!status.canMoveTo(next)) return false;
        status = next;
        if (next == CallStatus.IN_PROGRESS) answeredAt = at;
        if (next.isFinal()) {
            endedAt = at;
            // a carrier's figure is trusted only inside a day: Twilio ends calls at 24 hours, and an absurd
            // number (a forged or broken report) must not reach usage sums
            if (reportedDurationSeconds >= 0) durationSeconds = Math.min(reportedDurationSeconds, MAX_DURATION_SECONDS);
            else if (answeredAt != null) durationSeconds = Math.max(0, Duration.between(answeredAt, at).toSeconds());
            streamTokenHash = null;
            streamTokenExpiresAt = null;
        }
        return true;
    }

    /** Notes why the live conversation ended abnormally (the first reason wins); the status still comes from the carrier. */
    public void noteEndReason(String reason) {
        if (endReason == null && reason != null && !reason.isBlank()) endReason = reason.strip();
    }

    /** Lets one media stream attach: the token's hash is kept until it is redeemed or expires. */
    public void issueStreamToken(String tokenHash, Instant expiresAt) {
        if (status.isFinal()) throw new IllegalStateException("A finished call takes no media stream");
        streamTokenHash = Objects.requireNonNull(tokenHash);
        streamTokenExpiresAt = Objects.requireNonNull(expiresAt);
    }

    /** Redeems the stream token once: true only for the right, unexpired, unused token of a call still going. */
    public boolean redeemStreamToken(String tokenHash, Instant now) {
        if (streamTokenHash == null || status.isFinal() || !now.isBefore(streamTokenExpiresAt)) return false;
        if (!java.security.MessageDigest.isEqual(streamTokenHash.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                String.valueOf(tokenHash).getBytes(java.nio.charset.StandardCharsets.UTF_8))) return false;
        streamTokenHash = null;
        streamTokenExpiresAt = null;
        return true;
    }

    public boolean isEnded() {
        return status.isFinal();
    }

    public CallId id() {
        return id;
    }

    public TenantId tenant() {
        return tenant;
    }

    public CallDirection direction() {
        return direction;
    }

    public CallChannel channel() {
        return channel;
    }

    /** The customer's number; null on a browser call (and on a reported phone call that named none). */
    public PhoneNumber customerNumber() {
        return customerNumber;
    }

    /** Our number on the call; null on a browser call and on a reported phone call. */
    public PhoneNumber organizationNumber() {
        return organizationNumber;
    }

    public String scenarioRef() {
        return scenarioRef;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<String> carrierSid() {
        return Optional.ofNullable(carrierSid);
    }

    public CallStatus status() {
        return status;
    }

    public Optional<Instant> answeredAt() {
        return Optional.ofNullable(answeredAt);
    }

    public Optional<Instant> endedAt() {
        return Optional.ofNullable(endedAt);
    }

    public long durationSeconds() {
        return durationSeconds;
    }

    public Optional<String> endReason() {
        return Optional.ofNullable(endReason);
    }

    public Optional<String> streamTokenHash() {
        return Optional.ofNullable(streamTokenHash);
    }

    public Optional<Instant> streamTokenExpiresAt() {
        return Optional.ofNullable(streamTokenExpiresAt);
    }
}
