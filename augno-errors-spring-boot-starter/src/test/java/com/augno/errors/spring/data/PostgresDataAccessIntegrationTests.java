package com.augno.errors.spring.data;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import com.augno.errors.spring.test.ResponseBodies;
import com.augno.errors.test.AugnoErrors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data access rows on a real PostgreSQL server (127.0.0.1:5432, database
 * {@code test}, a schema of this run's own), through Spring's JDBC translation as a
 * service meets it: each failure is raised by the server, and no body names a table, a
 * constraint or SQL.
 */
@ExtendWith(OutputCaptureExtension.class)
// Closed after the class: its pool holds a connection whose backend the tests terminate,
// and
// Hikari's WARN about it would otherwise land in a later test class's captured output.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "server.shutdown=immediate",
		"spring.datasource.username=postgres", "spring.datasource.hikari.maximum-pool-size=6" })
class PostgresDataAccessIntegrationTests {

	static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";

	static final String SCHEMA = "augno_test_" + UUID.randomUUID().toString().replace("-", "");

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void schemaOfThisRun(DynamicPropertyRegistry registry) throws SQLException {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA " + SCHEMA);
			statement.execute("CREATE TABLE " + SCHEMA + ".ledger_accounts (id INT PRIMARY KEY, "
					+ "email VARCHAR(100) NOT NULL CONSTRAINT uq_ledger_email UNIQUE, balance INT NOT NULL)");
			statement.execute("INSERT INTO " + SCHEMA + ".ledger_accounts VALUES (1, 'a@example.com', 0), "
					+ "(2, 'b@example.com', 0)");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("These tests need PostgreSQL on 127.0.0.1:5432 (database test, user "
					+ "postgres, trust auth); start it as in boot4-field-notes.md §12 (.ci/run does)", ex);
		}
		registry.add("spring.datasource.url", () -> SERVER + "?currentSchema=" + SCHEMA);
	}

	@AfterAll
	static void dropSchema() throws SQLException {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
		}
	}

	static Connection connect() throws SQLException {
		return DriverManager.getConnection(SERVER, "postgres", "");
	}

	@Test
	void uniqueViolationIsResourceExists() throws Exception {
		HttpResponse<String> response = post("/pg/duplicate");
		AugnoErrors.assertThat(response)
			.isAugnoError("resource_exists")
			.hasStatus(409)
			.hasMessage("The resource already exists.")
			.hasNoParam()
			.isNotTransient()
			.hasNoQuota();
		assertNoDatabaseDetails(response.body());
	}

	@Test
	void serializationFailureIsResourceConflict() throws Exception {
		HttpResponse<String> response = post("/pg/serialization-failure");
		AugnoErrors.assertThat(response)
			.isAugnoError("resource_conflict")
			.hasStatus(409)
			.hasMessage("The request conflicts with the current state of the resource.")
			.hasNoParam()
			.isNotTransient()
			.hasNoQuota();
		assertNoDatabaseDetails(response.body());
	}

	@Test
	void deadlockIsResourceConflict() throws Exception {
		HttpResponse<String> response = post("/pg/deadlock");
		AugnoErrors.assertThat(response)
			.isAugnoError("resource_conflict")
			.hasStatus(409)
			.hasMessage("The request conflicts with the current state of the resource.")
			.hasNoParam()
			.isNotTransient()
			.hasNoQuota();
		assertNoDatabaseDetails(response.body());
	}

	@Test
	void lockTimeoutIsTimeout(CapturedOutput output) throws Exception {
		assertTimeout(post("/pg/lock-timeout"));
		assertThat(output).contains("504 timeout for POST /pg/lock-timeout");
	}

	@Test
	void statementTimeoutIsTimeout(CapturedOutput output) throws Exception {
		assertTimeout(post("/pg/statement-timeout"));
		assertThat(output).contains("504 timeout for POST /pg/statement-timeout");
	}

	@Test
	void unknownColumnInTheOrderByTheClientSortedByIsParameterInvalid() throws Exception {
		HttpResponse<String> response = post("/pg/sorted?sort=nope,desc");
		AugnoErrors.assertThat(response)
			.isAugnoError("parameter_invalid")
			.hasMessage("Unknown sort property: nope.")
			.hasParam("sort");
	}

	@Test
	void columnMissingFromTheTableIsInternalErrorWhateverTheClientSortedBy(CapturedOutput output) throws Exception {
		HttpResponse<String> response = post("/pg/missing-column?sort=name");
		AugnoErrors.assertThat(response).isAugnoError("internal_error").hasNoParam();
		assertThat(output).contains("500 internal_error for POST /pg/missing-column");
	}

	@Test
	void closedPortIsServiceUnavailable(CapturedOutput output) throws Exception {
		assertServiceUnavailable(post("/pg/closed-port"));
		assertThat(output).contains("503 service_unavailable for POST /pg/closed-port");
	}

	@Test
	void terminatedBackendIsServiceUnavailable(CapturedOutput output) throws Exception {
		assertServiceUnavailable(post("/pg/terminated"));
		// The failure the failed rollback hides is in the log (TransactionTemplate logs
		// it), never
		// in the body.
		assertThat(output).contains("503 service_unavailable for POST /pg/terminated")
			.contains("terminating connection due to administrator command");
	}

	private static void assertTimeout(HttpResponse<String> response) {
		AugnoErrors.assertThat(response)
			.isAugnoError("timeout")
			.hasStatus(504)
			.hasMessage("The operation timed out.")
			.hasNoParam()
			.isTransient()
			.hasNoQuota();
		assertNoDatabaseDetails(response.body());
	}

	private static void assertServiceUnavailable(HttpResponse<String> response) {
		AugnoErrors.assertThat(response)
			.isAugnoError("service_unavailable")
			.hasStatus(503)
			.hasMessage("The service is temporarily unavailable. Please try again later.")
			.hasNoParam()
			.isTransient()
			.hasNoQuota();
		assertNoDatabaseDetails(response.body());
	}

	private static void assertNoDatabaseDetails(String body) {
		assertThat(ResponseBodies.withoutRequestLogUrl(body).toLowerCase(Locale.ROOT)).doesNotContain("ledger", "email",
				"uq_", "select", "update", "insert", "sql", "postgres", "jdbc", "augno_test", "pg_", "lock", "deadlock",
				"serialize", "terminat");
	}

	private HttpResponse<String> post(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(LedgerController.class)
	static class TestApplication {

	}

	/**
	 * Provokes each failure on the server: the victim's statements run as a service's
	 * would (a transaction, the application's {@link JdbcTemplate}), the other side on a
	 * connection of its own.
	 */
	@RestController
	static class LedgerController {

		private final DataSource dataSource;

		private final JdbcTemplate jdbc;

		private final TransactionTemplate transaction;

		LedgerController(DataSource dataSource, JdbcTemplate jdbc, TransactionTemplate transaction) {
			this.dataSource = dataSource;
			this.jdbc = jdbc;
			this.transaction = transaction;
		}

		@PostMapping("/pg/duplicate")
		void duplicate() {
			this.jdbc.update("INSERT INTO ledger_accounts VALUES (3, 'a@example.com', 0)");
		}

		@PostMapping("/pg/serialization-failure")
		void serializationFailure() throws SQLException {
			try (Connection other = this.dataSource.getConnection()) {
				this.transaction.executeWithoutResult((status) -> {
					this.jdbc.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
					this.jdbc.queryForObject("SELECT balance FROM ledger_accounts WHERE id = 1", Integer.class);
					execute(other, "UPDATE ledger_accounts SET balance = balance + 1 WHERE id = 1");
					// 40001: the row changed since this transaction's snapshot.
					this.jdbc.update("UPDATE ledger_accounts SET balance = balance + 10 WHERE id = 1");
				});
			}
		}

		@PostMapping("/pg/deadlock")
		void deadlock() throws Exception {
			AtomicReference<CompletableFuture<Void>> otherWaits = new AtomicReference<>();
			try (Connection other = this.dataSource.getConnection()) {
				other.setAutoCommit(false);
				execute(other, "SET LOCAL deadlock_timeout = '20s'");
				execute(other, "UPDATE ledger_accounts SET balance = balance + 1 WHERE id = 2");
				try {
					this.transaction.executeWithoutResult((status) -> {
						this.jdbc.execute("SET LOCAL deadlock_timeout = '200ms'");
						this.jdbc.update("UPDATE ledger_accounts SET balance = balance + 1 WHERE id = 1");
						otherWaits.set(CompletableFuture.runAsync(
								() -> execute(other, "UPDATE ledger_accounts SET balance = balance + 1 WHERE id = 1")));
						awaitLockWait();
						// 40P01: this transaction waits for the other, which waits for
						// it.
						this.jdbc.update("UPDATE ledger_accounts SET balance = balance + 1 WHERE id = 2");
					});
				}
				finally {
					CompletableFuture<Void> waits = otherWaits.get();
					if (waits != null) {
						waits.get(20, TimeUnit.SECONDS);
					}
					other.rollback();
				}
			}
		}

		@PostMapping("/pg/lock-timeout")
		void lockTimeout() throws SQLException {
			try (Connection other = this.dataSource.getConnection()) {
				other.setAutoCommit(false);
				execute(other, "SELECT id FROM ledger_accounts WHERE id = 1 FOR UPDATE");
				try {
					this.transaction.executeWithoutResult((status) -> {
						this.jdbc.execute("SET LOCAL lock_timeout = '100ms'");
						this.jdbc.update("UPDATE ledger_accounts SET balance = balance + 1 WHERE id = 1");
					});
				}
				finally {
					other.rollback();
				}
			}
		}

		// The statements Spring Data JDBC writes for ?sort=nope (an unknown property,
		// written
		// as it came) and for ?sort=name on a table without that column.
		@PostMapping("/pg/sorted")
		void sorted() {
			this.jdbc.queryForList("SELECT \"ledger_accounts\".\"id\" AS \"id\" FROM \"ledger_accounts\" "
					+ "ORDER BY \"ledger_accounts\".nope DESC LIMIT 20");
		}

		@PostMapping("/pg/missing-column")
		void missingColumn() {
			this.jdbc
				.queryForList("SELECT \"ledger_accounts\".\"id\" AS \"id\", \"ledger_accounts\".\"name\" AS \"name\" "
						+ "FROM \"ledger_accounts\" ORDER BY \"ledger_accounts\".\"name\" ASC LIMIT 20");
		}

		@PostMapping("/pg/statement-timeout")
		void statementTimeout() {
			this.transaction.executeWithoutResult((status) -> {
				this.jdbc.execute("SET LOCAL statement_timeout = '100ms'");
				this.jdbc.queryForObject("SELECT count(*) FROM pg_sleep(5)", Long.class);
			});
		}

		@PostMapping("/pg/closed-port")
		void closedPort() {
			DriverManagerDataSource closed = new DriverManagerDataSource(
					"jdbc:postgresql://127.0.0.1:1/test?connectTimeout=2", "postgres", "");
			new JdbcTemplate(closed).queryForObject("SELECT 1", Integer.class);
		}

		@PostMapping("/pg/terminated")
		void terminated() throws SQLException {
			try (Connection other = connect()) {
				this.transaction.executeWithoutResult((status) -> {
					Integer pid = this.jdbc.queryForObject("SELECT pg_backend_pid()", Integer.class);
					execute(other, "SELECT pg_terminate_backend(" + pid + ")");
					this.jdbc.queryForObject("SELECT count(*) FROM ledger_accounts", Long.class);
				});
			}
		}

		private void awaitLockWait() {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (System.nanoTime() < deadline) {
				Long waiting = this.jdbc.queryForObject(
						"SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = 'test'"
								+ " AND query LIKE 'UPDATE ledger_accounts SET balance = balance + 1 WHERE id = 1'",
						Long.class);
				if (waiting != null && waiting > 0) {
					return;
				}
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}

		private static void execute(Connection connection, String sql) {
			try (Statement statement = connection.createStatement()) {
				statement.execute(sql);
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
