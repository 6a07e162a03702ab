package dev.parley.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

@AnalyzeClasses(packages = ArchitectureRules.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule domain_depends_only_on_the_jdk = ArchitectureRules.DOMAIN_DEPENDS_ONLY_ON_THE_JDK;
    @ArchTest
    static final ArchRule application_depends_only_on_domain_and_jdk = ArchitectureRules.APPLICATION_DEPENDS_ONLY_ON_DOMAIN_AND_JDK;
    @ArchTest
    static final ArchRule adapters_do_not_depend_on_each_other = ArchitectureRules.ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER;
    @ArchTest
    static final ArchRule only_bootstrap_depends_on_adapters = ArchitectureRules.ONLY_BOOTSTRAP_DEPENDS_ON_ADAPTERS;
    @ArchTest
    static final ArchRule nothing_depends_on_bootstrap = ArchitectureRules.NOTHING_DEPENDS_ON_BOOTSTRAP;
    @ArchTest
    static final ArchRule domain_is_free_of_package_cycles = ArchitectureRules.DOMAIN_IS_FREE_OF_PACKAGE_CYCLES;
    @ArchTest
    static final ArchRule adapters_use_ports_not_services = ArchitectureRules.ADAPTERS_USE_PORTS_NOT_SERVICES;
    @ArchTest
    static final ArchRule use_cases_live_in_port_in = ArchitectureRules.USE_CASES_LIVE_IN_PORT_IN;
    @ArchTest
    static final ArchRule core_reads_time_from_a_clock = ArchitectureRules.CORE_READS_TIME_FROM_A_CLOCK;
    @ArchTest
    static final ArchRule vendor_sdks_stay_in_their_adapters = ArchitectureRules.VENDOR_SDKS_STAY_IN_THEIR_ADAPTERS;
    @ArchTest
    static final ArchRule google_sdk_stays_in_the_google_adapter = ArchitectureRules.GOOGLE_SDK_STAYS_IN_THE_GOOGLE_ADAPTER;
    @ArchTest
    static final ArchRule application_contexts_are_free_of_cycles = ArchitectureRules.APPLICATION_CONTEXTS_ARE_FREE_OF_CYCLES;
    @ArchTest
    static final ArchRule contexts_meet_only_through_port_in = ArchitectureRules.CONTEXTS_MEET_ONLY_THROUGH_PORT_IN;
    @ArchTest
    static final ArchRule netty_stays_in_the_bridge_adapters = ArchitectureRules.NETTY_STAYS_IN_THE_BRIDGE_ADAPTERS;
    @ArchTest
    static final ArchRule redis_stays_in_persistence = ArchitectureRules.REDIS_STAYS_IN_PERSISTENCE;
    @ArchTest
    static final ArchRule logging_backend_stays_in_bootstrap = ArchitectureRules.LOGGING_BACKEND_STAYS_IN_BOOTSTRAP;
    @ArchTest
    static final ArchRule organizations_know_no_conversation_transport = ArchitectureRules.ORGANIZATIONS_KNOW_NO_CONVERSATION_TRANSPORT;
    @ArchTest
    static final ArchRule no_field_injection = NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
}
