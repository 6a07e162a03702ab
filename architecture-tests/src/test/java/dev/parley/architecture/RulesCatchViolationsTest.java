package dev.parley.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import dev.parley.adapter.in.web.plant.FieldInjected;
import dev.parley.adapter.in.web.plant.WebAdapterUsingAService;
import dev.parley.adapter.in.web.plant.WebAdapterUsingLogback;
import dev.parley.adapter.in.web.plant.WebAdapterUsingNetty;
import dev.parley.adapter.in.web.plant.WebAdapterUsingPersistence;
import dev.parley.adapter.in.web.plant.WebAdapterUsingRedis;
import dev.parley.application.plant.ApplicationReadingTheSystemClock;
import dev.parley.application.plant.ApplicationUsingBootstrap;
import dev.parley.application.plant.ApplicationUsingGoogleCalendar;
import dev.parley.application.plant.ApplicationUsingTwilio;
import dev.parley.application.plant.ContextReadingAnotherContextsRepository;
import dev.parley.application.plant.MisplacedUseCase;
import dev.parley.application.plantcyclea.ContextStart;
import dev.parley.application.plantcycleb.port.in.ContextEnd;
import dev.parley.application.plant.ApplicationUsingAnAdapter;
import dev.parley.application.plant.ApplicationUsingMicronaut;
import dev.parley.domain.planta.CycleStart;
import dev.parley.domain.plantb.CycleEnd;
import dev.parley.domain.plantc.DomainUsingJdbc;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
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

    @Test
    void aCoreClassUsingBootstrapIsCaught() {
        assertCaught(ArchitectureRules.NOTHING_DEPENDS_ON_BOOTSTRAP, ApplicationUsingBootstrap.class);
    }

    @Test
    void anAdapterUsingAServiceIsCaught() {
        assertCaught(ArchitectureRules.ADAPTERS_USE_PORTS_NOT_SERVICES, WebAdapterUsingAService.class);
    }

    @Test
    void aUseCaseThatIsAClassOutsidePortInIsCaught() {
        assertCaught(ArchitectureRules.USE_CASES_LIVE_IN_PORT_IN, MisplacedUseCase.class);
    }

    @Test
    void theCoreReadingTheSystemClockIsCaught() {
        assertCaught(ArchitectureRules.CORE_READS_TIME_FROM_A_CLOCK, ApplicationReadingTheSystemClock.class);
    }

    @Test
    void aVendorSdkOutsideItsAdapterIsCaught() {
        assertCaught(ArchitectureRules.VENDOR_SDKS_STAY_IN_THEIR_ADAPTERS, ApplicationUsingTwilio.class);
    }

    @Test
    void googlesSdkOutsideTheGoogleAdapterIsCaught() {
        assertCaught(ArchitectureRules.GOOGLE_SDK_STAYS_IN_THE_GOOGLE_ADAPTER, ApplicationUsingGoogleCalendar.class);
    }

    @Test
    void fieldInjectionIsCaught() {
        assertCaught(GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION, FieldInjected.class);
    }

    @Test
    void aCycleBetweenApplicationContextsIsCaught() {
        assertCaught(ArchitectureRules.APPLICATION_CONTEXTS_ARE_FREE_OF_CYCLES, ContextStart.class, ContextEnd.class);
    }

    @Test
    void aContextReadingAnotherContextsRepositoryIsCaught() {
        assertCaught(ArchitectureRules.CONTEXTS_MEET_ONLY_THROUGH_PORT_IN, ContextReadingAnotherContextsRepository.class);
    }

    @Test
    void nettyOutsideTheBridgeAdaptersIsCaught() {
        assertCaught(ArchitectureRules.NETTY_STAYS_IN_THE_BRIDGE_ADAPTERS, WebAdapterUsingNetty.class);
    }

    @Test
    void contextsOfApplicationPackagesAreRead() {
        assertThat(ArchitectureRules.contextOf("dev.parley.application.call.port.in")).isEqualTo("call");
        assertThat(ArchitectureRules.contextOf("dev.parley.application.shared")).isEqualTo("shared");
        assertThat(ArchitectureRules.contextOf("dev.parley.domain.call")).isNull();
    }

    @Test
    void aWebAdapterUsingRedisIsCaught() {
        assertCaught(ArchitectureRules.REDIS_STAYS_IN_PERSISTENCE, WebAdapterUsingRedis.class);
    }

    @Test
    void anAdapterUsingTheLoggingBackendIsCaught() {
        assertCaught(ArchitectureRules.LOGGING_BACKEND_STAYS_IN_BOOTSTRAP, WebAdapterUsingLogback.class);
    }
}
