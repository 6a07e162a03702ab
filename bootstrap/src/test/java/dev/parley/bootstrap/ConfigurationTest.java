package dev.parley.bootstrap;

import dev.parley.adapter.out.persistence.testing.PostgresRequirement;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ConfigurationTest {

    @Test
    void theSeedsPostgresUrlBecomesJdbcProperties() {
        assertThat(DatabaseUrl.parse("postgresql://ann:p%40ss@db.example:6543/parley?sslmode=require"))
                .containsEntry("datasources.default.url", "jdbc:postgresql://db.example:6543/parley?sslmode=require")
                .containsEntry("datasources.default.username", "ann")
                .containsEntry("datasources.default.password", "p@ss")
                .containsEntry("datasources.default.driver-class-name", "org.postgresql.Driver");
        assertThat(DatabaseUrl.parse("postgres://db/parley")).containsEntry("datasources.default.url", "jdbc:postgresql://db/parley");
        assertThat(DatabaseUrl.parse("jdbc:postgresql://127.0.0.1:5432/test"))
                .containsEntry("datasources.default.url", "jdbc:postgresql://127.0.0.1:5432/test");
        assertThat(DatabaseUrl.parse("jdbc:h2:mem:x")).containsEntry("datasources.default.driver-class-name", "org.h2.Driver");
        assertThat(DatabaseUrl.properties(Map.of())).isEmpty();
    }

    @Test
    void anUnsupportedDatabaseUrlIsRefusedWithTheAcceptedForms() {
        assertThatThrownBy(() -> DatabaseUrl.parse("sqlite:///./sql_app.db"))
                .hasMessageContaining("postgresql://user:password@host:port/database");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://host-only"))
                .hasMessageContaining("DATABASE_URL");
    }

    @Test
    void productionRefusesToStartWithoutAStrongSecretKey() {
        assertThatThrownBy(() -> SecretKeyGuard.check(false, ""))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("SECRET_KEY is required in production mode");
        assertThatThrownBy(() -> SecretKeyGuard.check(false, "short"))
                .hasMessageContaining("at least 32 characters");
        assertThatThrownBy(() -> SecretKeyGuard.check(true, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"))
                .hasMessageContaining("too little variety");
        SecretKeyGuard.check(true, "");
        SecretKeyGuard.check(false, "8c1f0b1e6f9a4f7d9e2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7081");
    }

    @Test
    void theApplicationContextFailsToStartInProductionWithoutSecretKey() {
        assertThatThrownBy(() -> {
            try (ApplicationContext ignored = ApplicationContext.run(Map.of(
                    "parley.development-mode", "false", "parley.secret-key", "",
                    "micronaut.server.port", "-1"), "test")) {
                // not reached
            }
        }).hasStackTraceContaining("SECRET_KEY is required in production mode");
    }

    @Test
    void databaseUrlInTheSeedsFormReachesPostgres() throws Exception {
        // runs in the H2 pass, where no system property pins the data source, against the 'postgres' database
        assumeTrue(!PostgresRequirement.isPostgresRun(), "runs in the H2 pass");
        String jdbc = PostgresRequirement.jdbcUrl();
        String server = jdbc.substring("jdbc:postgresql://".length(), jdbc.indexOf('/', "jdbc:postgresql://".length()));
        try (var probe = java.sql.DriverManager.getConnection("jdbc:postgresql://" + server + "/postgres", "postgres", "")) {
            probe.isValid(1);
        } catch (java.sql.SQLException unreachable) {
            assumeTrue(!"true".equalsIgnoreCase(System.getenv("CI")), "CI=true requires PostgreSQL");
            assumeTrue(false, "PostgreSQL not reachable: " + unreachable.getMessage());
        }
        ApplicationContextBuilder builder = ApplicationContext.builder().environments("test")
                .properties(Map.of("flyway.datasources.default.enabled", "false"));
        Application.configure(builder, Map.of("DATABASE_URL", "postgresql://postgres:@" + server + "/postgres"));
        try (ApplicationContext context = builder.start();
             Connection c = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class)).getConnection();
             var rs = c.createStatement().executeQuery("SELECT current_database()")) {
            rs.next();
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
            assertThat(rs.getString(1)).isEqualTo("postgres");
        }
    }
}
