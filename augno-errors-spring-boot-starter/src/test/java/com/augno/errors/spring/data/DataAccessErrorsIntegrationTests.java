package com.augno.errors.spring.data;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import com.augno.errors.spring.test.LoopbackHttp;
import com.augno.errors.spring.test.ResponseBodies;
import com.augno.errors.test.AugnoErrors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.repository.CrudRepository;
import org.springframework.data.repository.PagingAndSortingRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data access rows over a real Tomcat, with Spring Data JDBC repositories on an
 * embedded H2 database: each failure is raised by the database itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "server.shutdown=immediate",
		"spring.sql.init.schema-locations=classpath:com/augno/errors/spring/data/schema.sql" })
class DataAccessErrorsIntegrationTests {

	@LocalServerPort
	private int port;

	private final LoopbackHttp http = new LoopbackHttp(() -> this.port);

	@Test
	void staleVersionIsResourceConflict() throws Exception {
		HttpResponse<String> response = this.http.post("/accounts/stale");
		assertError(response, "resource_conflict", "The request conflicts with the current state of the resource.");
	}

	@Test
	void lockWaitThatRunsOutIsTimeout() throws Exception {
		// H2 reports a row lock wait that runs out as a statement timeout, not a lock
		// failure, so Spring raises QueryTimeoutException.
		HttpResponse<String> response = this.http.post("/accounts/locked");
		assertError(response, "timeout", "The operation timed out.");
	}

	@Test
	void duplicateUniqueColumnIsResourceExists() throws Exception {
		HttpResponse<String> response = this.http.post("/accounts/duplicate");
		assertError(response, "resource_exists", "The resource already exists.");
	}

	@Test
	void uniqueViolationWrappedAsAJpaProviderDoesIsResourceExists() throws Exception {
		HttpResponse<String> response = this.http.post("/accounts/duplicate-as-jpa");
		assertError(response, "resource_exists", "The resource already exists.");
	}

	@Test
	void dataAccessExceptionWithAStatusOfTheApplicationsOwnKeepsIt() throws Exception {
		HttpResponse<String> response = this.http.get("/accounts/999999");
		AugnoErrors.assertThat(response).isAugnoError("resource_not_found").hasNoParam();
	}

	@Test
	void otherIntegrityViolationIsInternalError() throws Exception {
		HttpResponse<String> response = this.http.post("/accounts/without-email");
		assertError(response, "internal_error", "Something went wrong.");
	}

	@Test
	void unreachableDatabaseIsServiceUnavailable() throws Exception {
		HttpResponse<String> response = this.http.post("/database/unreachable");
		assertError(response, "service_unavailable", "The service is temporarily unavailable. Please try again later.");
	}

	@Test
	void queryTimeoutIsTimeout() throws Exception {
		HttpResponse<String> response = this.http.post("/database/slow");
		assertError(response, "timeout", "The operation timed out.");
	}

	@Test
	void sortByAnUnknownPropertyIsParameterInvalid() throws Exception {
		HttpResponse<String> response = this.http.get("/accounts?sort=nope,desc");
		AugnoErrors.assertThat(response)
			.isAugnoError("parameter_invalid")
			.hasMessage("Unknown sort property: nope.")
			.hasParam("sort");
		assertNoDatabaseDetails(response.body());
	}

	@Test
	void sortByAnUnknownNestedPropertyIsParameterInvalid() throws Exception {
		HttpResponse<String> response = this.http.get("/accounts?page=0&sort=email&sort=id.nope,asc");
		AugnoErrors.assertThat(response)
			.isAugnoError("parameter_invalid")
			.hasMessage("Unknown sort property: id.nope.")
			.hasParam("sort");
		assertNoDatabaseDetails(response.body());
	}

	@Test
	void sortByAnExpressionIsParameterInvalid() throws Exception {
		// Spring Data JDBC refuses it before writing any SQL.
		HttpResponse<String> response = this.http.get("/accounts?sort=id%3Bdrop%20table%20x");
		AugnoErrors.assertThat(response)
			.isAugnoError("parameter_invalid")
			.hasMessage("Unknown sort property: id;drop table x.")
			.hasParam("sort");
	}

	@Test
	void sortByAKnownPropertyIsAnswered() throws Exception {
		HttpResponse<String> response = this.http.get("/accounts?sort=email,desc");
		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void unknownPropertyInTheServicesOwnSortIsInternalError() throws Exception {
		// The client sent no sort: the service's own Sort is its bug, not the client's.
		HttpResponse<String> response = this.http.get("/accounts/sorted-by-the-service?sort=email");
		assertError(response, "internal_error", "Something went wrong.");
	}

	private static void assertError(HttpResponse<String> response, String code, String message) {
		AugnoErrors.assertThat(response).isAugnoError(code).hasMessage(message).hasNoParam();
		assertNoDatabaseDetails(response.body());
	}

	private static void assertNoDatabaseDetails(String body) {
		assertThat(ResponseBodies.withoutRequestLogUrl(body).toLowerCase()).doesNotContain("ledger", "email", "uq_",
				"select", "update", "insert", "sql", "h2", "jdbc", "version", "system_range");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableJdbcRepositories(considerNestedRepositories = true,
			basePackageClasses = DataAccessErrorsIntegrationTests.class)
	@Import(AccountController.class)
	static class TestApplication {

	}

	@Table("LEDGER_ACCOUNTS")
	static class LedgerAccount {

		@Id
		private @Nullable Long id;

		private @Nullable String email;

		@Version
		private @Nullable Integer version;

		LedgerAccount(@Nullable String email) {
			this.email = email;
		}

		public @Nullable Long getId() {
			return this.id;
		}

		public void setId(@Nullable Long id) {
			this.id = id;
		}

		public @Nullable String getEmail() {
			return this.email;
		}

		public void setEmail(@Nullable String email) {
			this.email = email;
		}

		public @Nullable Integer getVersion() {
			return this.version;
		}

		public void setVersion(@Nullable Integer version) {
			this.version = version;
		}

	}

	@ResponseStatus(HttpStatus.NOT_FOUND)
	static class AccountNotFoundException extends EmptyResultDataAccessException {

		private static final long serialVersionUID = 1L;

		AccountNotFoundException() {
			super("No such account", 1);
		}

	}

	interface LedgerAccountRepository
			extends CrudRepository<LedgerAccount, Long>, PagingAndSortingRepository<LedgerAccount, Long> {

	}

	@RestController
	static class AccountController {

		private final LedgerAccountRepository accounts;

		private final JdbcTemplate jdbcTemplate;

		private final DataSource dataSource;

		AccountController(LedgerAccountRepository accounts, JdbcTemplate jdbcTemplate, DataSource dataSource) {
			this.accounts = accounts;
			this.jdbcTemplate = jdbcTemplate;
			this.dataSource = dataSource;
		}

		@GetMapping("/accounts")
		List<String> page(Pageable pageable) {
			return this.accounts.findAll(pageable).map(LedgerAccount::getEmail).getContent();
		}

		@GetMapping("/accounts/{id}")
		String account(@PathVariable long id) {
			return this.accounts.findById(id).orElseThrow(AccountNotFoundException::new).getEmail();
		}

		@GetMapping("/accounts/sorted-by-the-service")
		List<String> sortedByTheService() {
			return this.accounts.findAll(PageRequest.of(0, 10, Sort.by("emial")))
				.map(LedgerAccount::getEmail)
				.getContent();
		}

		@PostMapping("/accounts/stale")
		void stale() {
			LedgerAccount saved = this.accounts.save(new LedgerAccount("stale@example.com"));
			LedgerAccount stale = this.accounts.findById(saved.getId()).orElseThrow();
			this.accounts.save(saved);
			this.accounts.save(stale);
		}

		@PostMapping("/accounts/locked")
		void locked() throws SQLException {
			LedgerAccount saved = this.accounts.save(new LedgerAccount("locked@example.com"));
			try (Connection holder = this.dataSource.getConnection()) {
				holder.setAutoCommit(false);
				try (Statement statement = holder.createStatement()) {
					statement.executeUpdate("UPDATE ledger_accounts SET version = version WHERE id = " + saved.getId());
					this.jdbcTemplate.execute((Connection connection) -> {
						try (Statement waiting = connection.createStatement()) {
							waiting.execute("SET LOCK_TIMEOUT 100");
							return waiting.executeUpdate(
									"UPDATE ledger_accounts SET version = version + 1 WHERE id = " + saved.getId());
						}
					});
				}
				finally {
					holder.rollback();
				}
			}
		}

		@PostMapping("/accounts/duplicate")
		void duplicate() {
			this.accounts.save(new LedgerAccount("twice@example.com"));
			this.accounts.save(new LedgerAccount("twice@example.com"));
		}

		@PostMapping("/accounts/duplicate-as-jpa")
		void duplicateAsJpa() throws SQLException {
			this.accounts.save(new LedgerAccount("jpa@example.com"));
			try (Connection connection = this.dataSource.getConnection();
					Statement statement = connection.createStatement()) {
				statement.executeUpdate("INSERT INTO ledger_accounts (email, version) VALUES ('jpa@example.com', 0)");
			}
			catch (SQLException ex) {
				// What Hibernate's exception translation hands to Spring: no
				// DuplicateKeyException.
				throw new DataIntegrityViolationException("could not execute statement [" + ex.getMessage() + "]", ex);
			}
		}

		@PostMapping("/accounts/without-email")
		void withoutEmail() {
			this.accounts.save(new LedgerAccount(null));
		}

		@PostMapping("/database/unreachable")
		void unreachable() {
			JdbcTemplate unreachable = new JdbcTemplate(
					new DriverManagerDataSource("jdbc:h2:mem:ledger_offline;IFEXISTS=TRUE", "sa", ""));
			unreachable.queryForObject("SELECT 1", Integer.class);
		}

		@PostMapping("/database/slow")
		void slow() {
			JdbcTemplate bounded = new JdbcTemplate(this.dataSource);
			bounded.setQueryTimeout(1);
			bounded.queryForObject("SELECT COUNT(*) FROM SYSTEM_RANGE(1, 1000000000000) WHERE MOD(X, 7) = 3",
					Long.class);
		}

	}

}
