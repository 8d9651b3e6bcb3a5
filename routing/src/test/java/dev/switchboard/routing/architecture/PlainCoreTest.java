package dev.switchboard.routing.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.switchboard.routing.assignment.AgentLoad;
import dev.switchboard.routing.assignment.AssignmentEngine;
import dev.switchboard.routing.assignment.Eligibility;
import dev.switchboard.routing.assignment.QueueDrain;
import dev.switchboard.routing.assignment.WaitPolicy;
import dev.switchboard.routing.assignment.WeeklySchedule;
import dev.switchboard.routing.classify.RuleEngine;
import dev.switchboard.routing.dedup.TextSimilarity;
import org.junit.jupiter.api.Test;

/**
 * How an agent is picked, how a message is classified and how alike two texts are must stay
 * plain Java: callable from a unit test with no Quarkus, Kafka or database.
 */
class PlainCoreTest {
    private static final String[] FRAMEWORKS = {"io.quarkus..", "io.vertx..", "io.smallrye..", "jakarta..",
        "org.apache.kafka..", "org.eclipse.microprofile.."};

    private final JavaClasses routing = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.switchboard.routing");

    @Test
    void theDecisionCoreDependsOnNoFramework() {
        noClasses().that().belongToAnyOf(AssignmentEngine.class, Eligibility.class, QueueDrain.class,
                        WaitPolicy.class, WeeklySchedule.class, AgentLoad.class, RuleEngine.class, TextSimilarity.class)
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .check(routing);
    }

    @Test
    void theDecisionCoreDoesNotReachIntoTheConsumerOrTheApi() {
        noClasses().that().resideInAnyPackage("..routing.assignment..", "..routing.classify..", "..routing.dedup..",
                        "..routing.contact..")
                .should().dependOnClassesThat().resideInAnyPackage("..routing.intake..")
                .check(routing);
    }
}
