package dev.switchboard.devkit.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * The real broker and database for a {@code @QuarkusTest}:
 * {@code @QuarkusTestResource(value = SwitchboardInfraResource.class, restrictToAnnotatedClass = false)}.
 * Started once per test JVM and shared by every test class of the module.
 */
public class SwitchboardInfraResource implements QuarkusTestResourceLifecycleManager {

    private boolean withDatabase = true;

    /** {@code initArgs = @ResourceArg(name = "database", value = "false")} for a service without one. */
    @Override
    public void init(Map<String, String> initArgs) {
        withDatabase = !"false".equals(initArgs.get("database"));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(Infrastructure.shared().quarkusConfig());
        if (!withDatabase) {
            config.keySet().removeIf(key -> key.startsWith("quarkus.datasource."));
        }
        // The in-process broker logs through the test JVM's log manager; its INFO chatter hides test output.
        config.put("quarkus.log.category.\"kafka\".level", "WARN");
        config.put("quarkus.log.category.\"state.change.logger\".level", "WARN");
        config.put("quarkus.log.category.\"org.apache.kafka\".level", "WARN");
        config.put("quarkus.log.category.\"io.zonky\".level", "WARN");
        return config;
    }

    @Override
    public void stop() {
        // Shared with the other test classes of this JVM; a shutdown hook stops it.
    }
}
