package dev.switchboard.bench.system;

import dev.switchboard.devkit.launcher.Stack;
import dev.switchboard.devkit.launcher.StackPorts;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One running system for every test class of this JVM that asks for it: starting PostgreSQL,
 * Kafka and three services takes a while, so the build does it once. JUnit closes it (services,
 * broker, database) after the last test, because the root store closes its AutoCloseable values.
 */
public final class SharedStack implements BeforeAllCallback {
    private static volatile Stack stack;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(SharedStack.class, key -> start(), Running.class);
    }

    /** The system; call from a class extended with {@code @ExtendWith(SharedStack.class)}. */
    public static Stack stack() {
        if (stack == null) {
            throw new IllegalStateException("not started: add @ExtendWith(SharedStack.class)");
        }
        return stack;
    }

    private static Running start() {
        Path repository = Path.of(System.getProperty("switchboard.repository", "..")).toAbsolutePath();
        Path home = repository.resolve("bench/target/system-test-" + System.currentTimeMillis());
        Stack started = new Stack(repository, home, StackPorts.free(), false);
        try {
            started.startInfrastructure();
            started.startServices();
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
        stack = started;
        return new Running(started);
    }

    private record Running(Stack stack) implements AutoCloseable {
        @Override
        public void close() {
            stack.close();
        }
    }
}
