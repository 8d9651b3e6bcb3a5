package dev.switchboard.channel.whatsapp.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The adapter publishes only through channel-kit, and turning a payload into messages is plain Java. */
class AdapterBoundariesTest {
    private final JavaClasses adapter = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.switchboard.channel.whatsapp");

    @Test
    void normalisingDependsOnNoFrameworkNorTheBroker() {
        noClasses().that().resideInAPackage("..whatsapp.normalise..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "io.vertx..", "jakarta.ws..",
                        "org.apache.kafka..")
                .check(adapter);
    }

    @Test
    void nothingTalksToKafkaExceptThroughChannelKit() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.apache.kafka..").check(adapter);
    }
}
