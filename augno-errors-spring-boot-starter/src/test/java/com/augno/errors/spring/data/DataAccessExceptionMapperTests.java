package com.augno.errors.spring.data;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import com.augno.errors.spring.mapping.ExceptionMapper;
import com.augno.errors.spring.mapping.MappedError;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.UncategorizedDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.TransactionTimedOutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows of {@link DataAccessExceptionMapper} that an embedded database cannot raise.
 */
class DataAccessExceptionMapperTests {

	private final DataAccessExceptionMapper mapper = new DataAccessExceptionMapper();

	@Test
	void uniqueViolationsOfOtherVendorsAreResourceExists() {
		assertThat(code(integrity(new SQLException("Duplicate entry", "23000", 1062)))).isEqualTo("resource_exists");
		assertThat(code(integrity(new SQLException("ORA-00001", "23000", 1)))).isEqualTo("resource_exists");
		assertThat(code(integrity(new SQLException("Cannot insert duplicate key", "23000", 2627))))
			.isEqualTo("resource_exists");
	}

	@Test
	void untranslatedJpaExceptionsAreMappedAsSpringsTranslationWouldMapThem() {
		assertThat(code(new PersistenceException("could not execute statement",
				new SQLException("duplicate key value violates unique constraint", "23505"))))
			.isEqualTo("resource_exists");
		assertThat(code(new PessimisticLockException("lock", new SQLException("lock timeout", "55P03"))))
			.isEqualTo("timeout");
		assertThat(code(new OptimisticLockException("stale"))).isEqualTo("resource_conflict");
		assertThat(code(new PessimisticLockException("deadlock"))).isEqualTo("resource_conflict");
		assertThat(code(new LockTimeoutException("lock"))).isEqualTo("timeout");
		assertThat(code(new jakarta.persistence.QueryTimeoutException("slow"))).isEqualTo("timeout");
		assertThat(this.mapper.map(new PersistenceException("no row"))).isNull();
		assertThat(this.mapper.map(new IllegalStateException("other", new SQLException("dup", "23505")))).isNull();
	}

	@Test
	void aLibrarysUncategorizedWrapperIsMappedBySpringsTranslationInside() {
		// MyBatis: MyBatisSystemException > PersistenceException >
		// CannotGetJdbcConnectionException > SQLTransientConnectionException (no state).
		assertThat(code(new LibraryWrapper(new RuntimeException("### Error querying database.",
				new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
						new SQLTransientConnectionException("Connection is not available"))))))
			.isEqualTo("service_unavailable");
		assertThat(code(new LibraryWrapper(new DuplicateKeyException("duplicate")))).isEqualTo("resource_exists");
		assertThat(code(new LibraryWrapper(new IllegalStateException("no translation inside"))))
			.isEqualTo("internal_error");
		assertThat(code(new LibraryWrapper(new LibraryWrapper(new IllegalStateException("nested")))))
			.isEqualTo("internal_error");
	}

	@Test
	void pessimisticLockingFailureIsResourceConflictAndALockWaitThatRanOutIsTimeout() {
		assertThat(code(new PessimisticLockingFailureException("deadlock"))).isEqualTo("resource_conflict");
		assertThat(code(new CannotAcquireLockException("lock timeout"))).isEqualTo("timeout");
	}

	@Test
	void theServersSqlStateDecidesBeforeTheTranslatedClass() {
		// Spring 7 translates PostgreSQL's serialization failure to
		// CannotAcquireLockException,
		// and leaves its lock timeout uncategorized.
		assertThat(code(new CannotAcquireLockException("serialize", new SQLException("x", "40001"))))
			.isEqualTo("resource_conflict");
		assertThat(code(new CannotAcquireLockException("deadlock", new SQLException("x", "40P01"))))
			.isEqualTo("resource_conflict");
		assertThat(code(new UncategorizedSQLException("update", "x", new SQLException("x", "55P03"))))
			.isEqualTo("timeout");
		assertThat(code(new UncategorizedSQLException("select", "x", new SQLException("x", "57P01"))))
			.isEqualTo("service_unavailable");
		assertThat(code(new UncategorizedSQLException("select", "x", new SQLException("x", "08006"))))
			.isEqualTo("service_unavailable");
		assertThat(code(new UncategorizedSQLException("select", "x", new SQLException("x", "42P01"))))
			.isEqualTo("internal_error");
	}

	@Test
	void aFailedRollbackIsAnsweredByTheFailureItHides() {
		TransactionSystemException hiding = new TransactionSystemException("JDBC rollback failed",
				new SQLException("Connection is closed", "08003"));
		hiding.initApplicationException(new QueryTimeoutException("statement timeout"));
		assertThat(code(hiding)).isEqualTo("timeout");
		assertThat(code(new TransactionSystemException("rollback", new SQLException("closed", "08003"))))
			.isEqualTo("service_unavailable");
		assertThat(this.mapper.map(new TransactionSystemException("commit", new IllegalStateException("x")))).isNull();
	}

	@Test
	void integrityViolationWithoutUniqueStateIsInternalError() {
		assertThat(code(integrity(new SQLException("foreign key", "23503", 0)))).isEqualTo("internal_error");
		assertThat(code(integrity(new SQLException("check", "23000", 2290)))).isEqualTo("internal_error");
		assertThat(code(new DataIntegrityViolationException("no cause"))).isEqualTo("internal_error");
	}

	@Test
	void transactionFailuresAreTimeoutOrServiceUnavailable() {
		assertThat(code(new TransactionTimedOutException("deadline"))).isEqualTo("timeout");
		assertThat(code(new CannotCreateTransactionException("no connection"))).isEqualTo("service_unavailable");
	}

	@Test
	void otherDataAccessFailureIsInternalErrorAndOthersAreNotItsConcern() {
		assertThat(code(new InvalidDataAccessApiUsageException("misuse"))).isEqualTo("internal_error");
		assertThat(this.mapper.map(new IllegalStateException("not data"))).isNull();
	}

	@Test
	void runsAfterAugnoExceptionAndBeforeErrorResponse() {
		assertThat(this.mapper.getOrder()).isGreaterThan(ExceptionMapper.AUGNO_EXCEPTION_ORDER)
			.isGreaterThan(ExceptionMapper.SPRING_MVC_ORDER)
			.isLessThan(ExceptionMapper.ERROR_RESPONSE_ORDER);
	}

	private static DataIntegrityViolationException integrity(SQLException cause) {
		return new DataIntegrityViolationException("could not execute statement", new RuntimeException(cause));
	}

	private String code(Throwable throwable) {
		MappedError mapped = this.mapper.map(throwable);
		assertThat(mapped).isNotNull();
		return mapped.code().code();
	}

	/**
	 * A library's uncategorized wrapper, as MyBatis's {@code MyBatisSystemException} is.
	 */
	static final class LibraryWrapper extends UncategorizedDataAccessException {

		private static final long serialVersionUID = 1L;

		LibraryWrapper(Throwable cause) {
			super("wrapped", cause);
		}

	}

}
