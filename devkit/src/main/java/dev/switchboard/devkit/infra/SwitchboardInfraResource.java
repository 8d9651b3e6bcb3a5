package dev.switchboard.devkit.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The real broker and database for a {@code @QuarkusTest}:
 * {@code @QuarkusTestResource(value = SwitchboardInfraResource.class, restrictToAnnotatedClass = false)}.
 * Started once per test JVM and shared by every test class of the module.
 */
public class SwitchboardInfraResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Infrastructure.shared().quarkusConfig();
    }

    @Override
    public void stop() {
        // Shared with the other test classes of this JVM; a shutdown hook stops it.
    }
}
