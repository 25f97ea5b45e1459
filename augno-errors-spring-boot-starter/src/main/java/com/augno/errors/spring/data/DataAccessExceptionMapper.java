package com.augno.errors.spring.data;

import java.sql.SQLException;
import java.util.Set;

import com.augno.errors.ErrorCodes;
import com.augno.errors.spring.mapping.Causes;
import com.augno.errors.spring.mapping.ExceptionMapper;
import com.augno.errors.spring.mapping.MappedError;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionTimedOutException;

/**
 * Maps Spring's data access exceptions, whatever the store (JDBC, JPA, Spring Data), so
 * that a failed write or an unreachable database is answered with a meaningful code and
 * never with an entity, table, constraint or SQL text.
 * <ul>
 * <li>{@link ConcurrencyFailureException} (optimistic and pessimistic locking, lock
 * timeouts): {@code resource_conflict};</li>
 * <li>{@link DuplicateKeyException}, and a {@link DataIntegrityViolationException} caused
 * by a unique-constraint violation (SQLState {@code 23505}, or {@code 23000} with the
 * vendor code of MySQL, Oracle or SQL Server), as JPA providers raise it:
 * {@code resource_exists};</li>
 * <li>{@link DataAccessResourceFailureException} (including
 * {@code CannotGetJdbcConnectionException}), {@link TransientDataAccessResourceException}
 * and {@link CannotCreateTransactionException}: {@code service_unavailable};</li>
 * <li>{@link QueryTimeoutException} and {@link TransactionTimedOutException}:
 * {@code timeout};</li>
 * <li>any other {@link DataAccessException}, including other integrity violations, which
 * the service should have validated: {@code internal_error}.</li>
 * </ul>
 * Runs at {@link #ORDER}: after {@link ExceptionMapper#AUGNO_EXCEPTION_ORDER} and the
 * mappers of Spring MVC's own exceptions, so it never shadows an {@code AugnoException},
 * and well before {@link ExceptionMapper#ERROR_RESPONSE_ORDER}.
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

	private static final int MAX_CAUSE_DEPTH = 8;

	private static final MappedError RESOURCE_CONFLICT = MappedError.of(ErrorCodes.RESOURCE_CONFLICT);

	private static final MappedError RESOURCE_EXISTS = MappedError.of(ErrorCodes.RESOURCE_EXISTS);

	private static final MappedError SERVICE_UNAVAILABLE = MappedError.of(ErrorCodes.SERVICE_UNAVAILABLE);

	private static final MappedError TIMEOUT = MappedError.of(ErrorCodes.TIMEOUT);

	private static final MappedError INTERNAL_ERROR = MappedError.of(ErrorCodes.INTERNAL_ERROR);

	@Override
	public @Nullable MappedError map(Throwable throwable) {
		if (throwable instanceof TransactionTimedOutException) {
			return TIMEOUT;
		}
		if (throwable instanceof CannotCreateTransactionException) {
			return SERVICE_UNAVAILABLE;
		}
		if (!(throwable instanceof DataAccessException)) {
			return null;
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
