package dev.parley.domain.transcript;

import dev.parley.domain.call.CallDirection;
import dev.parley.domain.shared.InvalidValueException;

/**
 * Which recording channel carries the agent and which the customer. A dual-channel call recording
 * puts the leg that started the call on channel 1: the customer for an inbound call, our side (the
 * agent) for an outbound one. Channels other than the agent's are heard as the customer.
 */
public record ChannelRoles(int agentChannel, int customerChannel) {
    public ChannelRoles {
        if (agentChannel < 0 || customerChannel < 0 || agentChannel == customerChannel)
            throw new InvalidValueException("channel", "channel-roles.invalid", "Agent and customer need two different channels");
    }

    public static ChannelRoles forDirection(CallDirection direction) {
        return direction == CallDirection.OUTBOUND ? new ChannelRoles(1, 2) : new ChannelRoles(2, 1);
    }

    public SpeakerRole roleOf(int channel) {
        return channel == agentChannel ? SpeakerRole.AGENT : SpeakerRole.CUSTOMER;
    }

    public int channelOf(SpeakerRole role) {
        return role == SpeakerRole.AGENT ? agentChannel : customerChannel;
    }
}
