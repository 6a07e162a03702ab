package dev.parley.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.parley.adapter.in.web.plant.WebAdapterUsingPersistence;
import dev.parley.application.plant.ApplicationUsingAnAdapter;
import dev.parley.application.plant.ApplicationUsingMicronaut;
import dev.parley.domain.planta.CycleStart;
import dev.parley.domain.plantb.CycleEnd;
import dev.parley.domain.plantc.DomainUsingJdbc;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each boundary rule, run against a class planted (in test sources only) to break it, must fail.
 * A rule that passes its plant has stopped guarding anything.
 */
class RulesCatchViolationsTest {

    private static void assertCaught(ArchRule rule, Class<?>... plants) {
        JavaClasses classes = new ClassFileImporter().importClasses(plants);
        assertThatThrownBy(() -> rule.check(classes)).isInstanceOf(AssertionError.class)
                .hasMessageContaining(plants[0].getSimpleName());
    }

    @Test
    void aDomainClassUsingJdbcIsCaught() {
        assertCaught(ArchitectureRules.DOMAIN_DEPENDS_ONLY_ON_THE_JDK.allowEmptyShould(true), DomainUsingJdbc.class);
    }

    @Test
    void anApplicationClassUsingMicronautIsCaught() {
        assertCaught(ArchitectureRules.APPLICATION_DEPENDS_ONLY_ON_DOMAIN_AND_JDK, ApplicationUsingMicronaut.class);
    }

    @Test
    void anAdapterUsingAnotherAdapterIsCaught() {
        assertCaught(ArchitectureRules.ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER, WebAdapterUsingPersistence.class,
                dev.parley.adapter.out.persistence.shared.Sequences.class);
    }

    @Test
    void aCoreClassUsingAnAdapterIsCaught() {
        assertCaught(ArchitectureRules.ONLY_BOOTSTRAP_DEPENDS_ON_ADAPTERS, ApplicationUsingAnAdapter.class);
    }

    @Test
    void aPackageCycleInTheDomainIsCaught() {
        assertCaught(ArchitectureRules.DOMAIN_IS_FREE_OF_PACKAGE_CYCLES, CycleStart.class, CycleEnd.class);
    }
}
