package dev.switchboard.routing.assignment;

import dev.switchboard.contract.Channel;

/** An agent's slots on one channel: the unit capacity is counted in. */
public record AgentChannel(String agentId, Channel channel) {
}
