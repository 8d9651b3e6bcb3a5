package dev.switchboard.devkit.launcher;

import java.util.List;

/**
 * A Switchboard service as the launcher starts it: a Quarkus fast-jar built in its module.
 *
 * @param name   as printed and used for the log file
 * @param module Maven module folder at the repository root
 * @param port   HTTP port of the embedded default
 */
public record ServiceSpec(String name, String module, int port) {

    /** The services that exist in this stage, in start order (consumers before producers). */
    public static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("ticket-core", "ticket-core", 8080),
            new ServiceSpec("routing", "routing", 8085),
            new ServiceSpec("channel-whatsapp", "channel-whatsapp", 8083));
}
