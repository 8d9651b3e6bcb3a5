package dev.switchboard.devkit.launcher;

import dev.switchboard.devkit.infra.Infrastructure;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where everything listens: the documented defaults, or free ports for a test next to a running system. */
public record StackPorts(int kafka, int kafkaController, int postgres, Map<String, Integer> services) {

    public static final int KAFKA = 9092;
    public static final int KAFKA_CONTROLLER = 9093;
    public static final int POSTGRES = 15432;

    public StackPorts {
        services = Map.copyOf(services);
    }

    public static StackPorts defaults() {
        Map<String, Integer> services = new LinkedHashMap<>();
        ServiceSpec.ALL.forEach(s -> services.put(s.name(), s.port()));
        return new StackPorts(KAFKA, KAFKA_CONTROLLER, POSTGRES, services);
    }

    public static StackPorts free() {
        Map<String, Integer> services = new LinkedHashMap<>();
        ServiceSpec.ALL.forEach(s -> services.put(s.name(), Infrastructure.freePort()));
        return new StackPorts(Infrastructure.freePort(), Infrastructure.freePort(), Infrastructure.freePort(), services);
    }

    public int port(String service) {
        Integer port = services.get(service);
        if (port == null) {
            throw new IllegalArgumentException("unknown service " + service);
        }
        return port;
    }
}
