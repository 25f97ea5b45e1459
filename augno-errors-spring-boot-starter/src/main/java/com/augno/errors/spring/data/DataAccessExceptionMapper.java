package com.augno.errors.spring.data;

import java.sql.SQLException;
import java.util.Map;
import java.util.Set;

import com.augno.errors.ErrorCodes;
import com.augno.errors.spring.mapping.Causes;
import com.augno.errors.spring.mapping.ClassNames;
import com.augno.errors.spring.mapping.ErrorResponseMapper;
import com.augno.errors.spring.mapping.ExceptionMapper;
import com.augno.errors.spring.mapping.MappedError;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.dao.UncategorizedDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.TransactionTimedOutException;

/**
 * Maps Spring's data access exceptions, whatever the store (JDBC, JPA, Spring Data), so
 * that a failed write or an unreachable database is answered with a meaningful code and
 * never with an entity, table, constraint or SQL text.
 * <ul>
 * <li>{@link ConcurrencyFailureException} (optimistic locking, serialization failures and
 * deadlocks, such as PostgreSQL's {@code 40001} and {@code 40P01}):
 * {@code resource_conflict}, which the contract makes not transient: the client must read
 * the resource again before it decides to repeat its change;</li>
 * <li>{@link CannotAcquireLockException} (a lock wait that ran out, such as PostgreSQL's
 * {@code lock_timeout}, {@code 55P03}): {@code timeout}, as the server gave up waiting
 * rather than found a conflict;</li>
 * <li>{@link DuplicateKeyException}, and a {@link DataIntegrityViolationException} caused
 * by a unique-constraint violation (SQLState {@code 23505}, or {@code 23000} with the
 * vendor code of MySQL, Oracle or SQL Server), as JPA providers raise it:
 * {@code resource_exists};</li>
 * <li>{@link DataAccessResourceFailureException} (including
 * {@code CannotGetJdbcConnectionException}), {@link TransientDataAccessResourceException}
 * and {@link CannotCreateTransactionException}: {@code service_unavailable};</li>
 * <li>{@link QueryTimeoutException} and {@link TransactionTimedOutException}:
 * {@code timeout};</li>
 * <li>a {@link TransactionSystemException} (a rollback that failed, typically because the
 * server went away): the code of the application's failure it hides, else
 * {@code service_unavailable} for a connection failure;</li>
 * <li>any other {@link DataAccessException}, including other integrity violations, which
 * the service should have validated: {@code internal_error}.</li>
 * </ul>
 * An exception that carries a status of its own (the application's subclass annotated
 * with {@code @ResponseStatus}) is left to the chain, which answers that status. The
 * server's SQLState, when the cause chain has one, decides first, since translators do
 * not agree on classes: {@code 40001} and {@code 40P01} are {@code resource_conflict},
 * PostgreSQL's {@code 55P03} and {@code 57014} {@code timeout}, the connection exceptions
 * ({@code 08xxx}) and PostgreSQL's {@code 57P01}-{@code 57P03} and {@code 53300}
 * {@code service_unavailable}. Verified on PostgreSQL by
 * {@code PostgresDataAccessIntegrationTests}. Runs at {@link #ORDER}: after
 * {@link ExceptionMapper#AUGNO_EXCEPTION_ORDER} and the mappers of Spring MVC's own
 * exceptions, so it never shadows an {@code AugnoException}, and well before
 * {@link ExceptionMapper#ERROR_RESPONSE_ORDER}.
 *
 * @since 0.1.0
 */
public final class DataAccessExceptionMapper implements ExceptionMapper {

	/**
	 * Order of this mapper: after the mappers of Spring MVC's own exceptions.
	 */
	public static final int ORDER = SPRING_MVC_ORDER + 1000;

	private static final String UNIQUE_VIOLATION_SQL_STATE = "23505";

	// Drivers that report the generic integrity state 23000 name the unique violation by
	// vendor code: MySQL/MariaDB 1062, Oracle ORA-00001, SQL Server 2601 and 2627.
	private static final String INTEGRITY_VIOLATION_SQL_STATE = "23000";

	private static final Set<Integer> UNIQUE_VIOLATION_VENDOR_CODES = Set.of(1062, 1, 2601, 2627);

	// Serialization failure and deadlock (the standard's class 40, as PostgreSQL and
	// MySQL
	// report them).
	private static final Set<String> CONFLICT_SQL_STATES = Set.of("40001", "40P01");

	// PostgreSQL: lock_not_available (lock_timeout, NOWAIT) and query_canceled
	// (statement_timeout).
	private static final Set<String> TIMEOUT_SQL_STATES = Set.of("55P03", "57014");

	// The standard's connection exceptions (08000, 08003, 08006...).
	private static final String CONNECTION_EXCEPTION_SQL_STATE_CLASS = "08";

	// PostgreSQL: admin_shutdown (pg_terminate_backend, a server stopping),
	// crash_shutdown, cannot_connect_now (starting up), too_many_connections.
	private static final Set<String> SERVER_GONE_SQL_STATES = Set.of("57P01", "57P02", "57P03", "53300");

	private static final int MAX_CAUSE_DEPTH = 8;

	private static final MappedError RESOURCE_CONFLICT = MappedError.of(ErrorCodes.RESOURCE_CONFLICT);

	private static final MappedError RESOURCE_EXISTS = MappedError.of(ErrorCodes.RESOURCE_EXISTS);

	private static final MappedError SERVICE_UNAVAILABLE = MappedError.of(ErrorCodes.SERVICE_UNAVAILABLE);

	private static final MappedError TIMEOUT = MappedError.of(ErrorCodes.TIMEOUT);

	private static final MappedError INTERNAL_ERROR = MappedError.of(ErrorCodes.INTERNAL_ERROR);

	// The roots of JPA's and Hibernate's exceptions, by name: neither API is a dependency
	// of the starter.
	private static final Set<String> PERSISTENCE_ROOTS = Set.of("jakarta.persistence.PersistenceException",
			"org.hibernate.HibernateException");

	// The JPA and Hibernate exceptions Spring's translation gives a class of its own, by
	// name.
	private static final Map<String, MappedError> PERSISTENCE_EXCEPTIONS = Map.of(
			"jakarta.persistence.OptimisticLockException", RESOURCE_CONFLICT, "org.hibernate.StaleStateException",
			RESOURCE_CONFLICT, "jakarta.persistence.PessimisticLockException", RESOURCE_CONFLICT,
			"jakarta.persistence.LockTimeoutException", TIMEOUT, "jakarta.persistence.QueryTimeoutException", TIMEOUT,
			"org.hibernate.QueryTimeoutException", TIMEOUT);

	@Override
	public @Nullable MappedError map(Throwable throwable) {
		MappedError mapped = mapDataAccess(throwable);
		// The application's own exception that chose its status (a @ResponseStatus
		// subclass of EmptyResultDataAccessException) keeps it, as in Spring MVC's
		// ResponseStatusExceptionResolver. Asked only of what this mapper would answer.
		return (mapped != null && ErrorResponseMapper.statusOf(throwable) != -1) ? null : mapped;
	}

	private @Nullable MappedError mapDataAccess(Throwable throwable) {
		if (throwable instanceof TransactionTimedOutException) {
			return TIMEOUT;
		}
		if (throwable instanceof TransactionSystemException failure) {
			return mapTransactionSystemException(failure);
		}
		if (throwable instanceof CannotCreateTransactionException) {
			return SERVICE_UNAVAILABLE;
		}
		if (!(throwable instanceof DataAccessException)) {
			return isPersistenceException(throwable) ? mapPersistenceException(throwable) : null;
		}
		if (throwable instanceof UncategorizedDataAccessException) {
			// A library's wrapper (MyBatis's MyBatisSystemException) around Spring's own
			// translation, which tells what happened: a pool that gave no connection.
			DataAccessException translated = Causes.first(throwable.getCause(), MAX_CAUSE_DEPTH,
					(cause) -> (cause instanceof DataAccessException dataAccess
							&& !(cause instanceof UncategorizedDataAccessException)) ? dataAccess : null);
			if (translated != null) {
				return mapDataAccess(translated);
			}
		}
		MappedError byState = mapSqlState(sqlState(throwable));
		if (byState != null) {
			return byState;
		}
		if (throwable instanceof CannotAcquireLockException) {
			return TIMEOUT;
		}
		if (throwable instanceof ConcurrencyFailureException) {
			return RESOURCE_CONFLICT;
		}
		if (throwable instanceof DuplicateKeyException) {
			return RESOURCE_EXISTS;
		}
		if (throwable instanceof DataIntegrityViolationException) {
			return isUniqueViolation(throwable) ? RESOURCE_EXISTS : INTERNAL_ERROR;
		}
		if (throwable instanceof QueryTimeoutException) {
			return TIMEOUT;
		}
		if (throwable instanceof DataAccessResourceFailureException
				|| throwable instanceof TransientDataAccessResourceException) {
			return SERVICE_UNAVAILABLE;
		}
		return INTERNAL_ERROR;
	}

	/**
	 * Map a JPA or Hibernate exception that reached the handler untranslated (an
	 * {@code EntityManager} used outside a {@code @Repository}, a flush in a
	 * {@code TransactionTemplate}) as Spring's translation would have: the SQLState
	 * first, then the exception's class; anything else is left to the chain.
	 */
	private static @Nullable MappedError mapPersistenceException(Throwable throwable) {
		MappedError byState = mapSqlState(sqlState(throwable));
		if (byState != null) {
			return byState;
		}
		if (isUniqueViolation(throwable)) {
			return RESOURCE_EXISTS;
		}
		return ClassNames.nearest(throwable.getClass(), PERSISTENCE_EXCEPTIONS);
	}

	private static boolean isPersistenceException(Throwable throwable) {
		return ClassNames.isAny(throwable.getClass(), PERSISTENCE_ROOTS);
	}

	// A rollback that failed after the application's own failure hides it: the original
	// tells what happened (a server gone away, most often); without one, only a
	// connection failure of the rollback itself has a code.
	private @Nullable MappedError mapTransactionSystemException(TransactionSystemException failure) {
		Throwable original = failure.getApplicationException();
		if (original != null && original != failure) {
			MappedError mapped = map(original);
			if (mapped != null) {
				return mapped;
			}
		}
		MappedError byState = mapSqlState(sqlState(failure));
		return (byState == SERVICE_UNAVAILABLE) ? byState : null;
	}

	// The server's own SQLState decides before the exception class, because translators
	// disagree on classes: Spring 7 raises CannotAcquireLockException for PostgreSQL's
	// serialization failure and an UncategorizedSQLException for its lock timeout.
	private static @Nullable MappedError mapSqlState(@Nullable String state) {
		if (state == null) {
			return null;
		}
		if (CONFLICT_SQL_STATES.contains(state)) {
			return RESOURCE_CONFLICT;
		}
		if (TIMEOUT_SQL_STATES.contains(state)) {
			return TIMEOUT;
		}
		if (state.startsWith(CONNECTION_EXCEPTION_SQL_STATE_CLASS) || SERVER_GONE_SQL_STATES.contains(state)) {
			return SERVICE_UNAVAILABLE;
		}
		return null;
	}

	private static @Nullable String sqlState(Throwable throwable) {
		SQLException sqlException = Causes.first(throwable, MAX_CAUSE_DEPTH,
				(cause) -> (cause instanceof SQLException sql) ? sql : null);
		return (sqlException != null) ? sqlException.getSQLState() : null;
	}

	private static boolean isUniqueViolation(Throwable throwable) {
		SQLException sqlException = Causes.first(throwable, MAX_CAUSE_DEPTH,
				(cause) -> (cause instanceof SQLException sql) ? sql : null);
		if (sqlException == null) {
			return false;
		}
		String state = sqlException.getSQLState();
		return UNIQUE_VIOLATION_SQL_STATE.equals(state) || (INTEGRITY_VIOLATION_SQL_STATE.equals(state)
				&& UNIQUE_VIOLATION_VENDOR_CODES.contains(sqlException.getErrorCode()));
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
