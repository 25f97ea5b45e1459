package com.augno.errors.spring.data;

import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.augno.errors.ErrorCodes;
import com.augno.errors.spring.mapping.Causes;
import com.augno.errors.spring.mapping.ExceptionMapper;
import com.augno.errors.spring.mapping.MappedError;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.data.core.PropertyReferenceException;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Maps a sort the client asked for by a property the entity does not have
 * ({@code ?sort=nope}) to {@code parameter_invalid} naming the sort parameter, where
 * Spring Data leaves it to become a 500. Spring Data reports it in one of two ways:
 * <ul>
 * <li>JPA resolves the property and raises {@link PropertyReferenceException} (wrapped in
 * an {@code InvalidDataAccessApiUsageException} by a repository's translation);</li>
 * <li>JDBC and R2DBC write an unknown property into the query's {@code ORDER BY} as it
 * came, and the database rejects the column (SQLState {@code 42703} on PostgreSQL,
 * {@code 42S22} on MySQL, {@code 42122} on H2) in a message that names it, the property
 * itself or qualified by its table, and places it in the {@code ORDER BY}; they refuse a
 * sorted property that is no plain path ({@code ?sort=name;drop table x}) before any SQL
 * is written.</li>
 * </ul>
 * Only when a sort parameter of the request names that property: a sort the service built
 * itself is the service's bug and stays {@code internal_error}. The message echoes the
 * client's property, never the entity's type, its properties or the SQL.
 * <p>
 * Runs just before the {@link DataAccessExceptionMapper}. It reads the request from
 * Spring MVC's {@link RequestContextHolder}; on WebFlux it maps nothing.
 *
 * @since 0.1.0
 */
public final class SortPropertyExceptionMapper implements ExceptionMapper {

	/**
	 * Order of this mapper: just before the {@link DataAccessExceptionMapper}.
	 */
	public static final int ORDER = DataAccessExceptionMapper.ORDER - 100;

	private static final int MAX_CAUSE_DEPTH = 8;

	private static final int MAX_ECHO = 100;

	// Spring Data's sort resolver names a qualified parameter "<qualifier>_<sort>".
	private static final String QUALIFIER_DELIMITER = "_";

	// Undefined column: PostgreSQL, MySQL/MariaDB and SQL Server's ODBC state, H2 2.x.
	private static final Set<String> UNDEFINED_COLUMN_SQL_STATES = Set.of("42703", "42S22", "42122");

	// The column in the message of PostgreSQL ("column x.nope does not exist"), H2
	// ("Column "X.NOPE" not found") and MySQL ("Unknown column 'x.nope' in 'order
	// clause'").
	private static final Pattern UNDEFINED_COLUMN = Pattern.compile(
			"column (\"?[\\w.\"]+?\"?) does not exist|Column \"([^\"]+)\" not found|Unknown column '([^']+)'",
			Pattern.CASE_INSENSITIVE);

	// Spring Data Relational refuses a sorted property that is no plain path, before any
	// SQL is written ("order fields that are not marked as unsafe must only consist of
	// digits, letter, '.', '_', and ''"): the client's ?sort=name;drop table x.
	private static final String UNSAFE_ORDER_FIELD = "order fields that are not marked as unsafe";

	private static final Pattern SAFE_ORDER_FIELD = Pattern.compile("[\\p{L}\\p{N}._`\"]*");

	// PostgreSQL's position of the failure in the statement, counted from 1.
	private static final Pattern POSITION = Pattern.compile("Position: (\\d+)");

	private static final Set<String> SORT_KEYWORDS = Set.of("asc", "desc", "ignorecase");

	private final String sortParameter;

	/**
	 * Create a mapper.
	 * @param sortParameter the name of the sort parameter, Spring Data's {@code sort}
	 * unless {@code spring.data.web.sort.sort-parameter} names another
	 */
	public SortPropertyExceptionMapper(String sortParameter) {
		this.sortParameter = sortParameter;
	}

	@Override
	public @Nullable MappedError map(Throwable throwable) {
		Predicate<String> unknown = unknownProperty(throwable);
		if (unknown == null
				|| !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return null;
		}
		SortProperty sorted = sortParameterNaming(attributes.getRequest(), unknown);
		if (sorted == null) {
			return null;
		}
		String property = sorted.property();
		String echo = (property.length() > MAX_ECHO) ? property.substring(0, MAX_ECHO) + "..." : property;
		return MappedError.of(ErrorCodes.PARAMETER_INVALID)
			.withParam(sorted.parameter())
			.withMessage("Unknown sort property: " + echo + ".", new DefaultMessageSourceResolvable(
					new String[] { "augno.errors.parameter_invalid.message.sort" }, new Object[] { echo }));
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	/**
	 * Return what tells a sorted property that the failure names as unknown, or
	 * {@code null} when the failure names none: a segment of a property path that Spring
	 * Data could not resolve, or a path a database's undefined column message names.
	 */
	private static @Nullable Predicate<String> unknownProperty(Throwable throwable) {
		return Causes.first(throwable, MAX_CAUSE_DEPTH, (link) -> unknownProperty(throwable, link));
	}

	private static @Nullable Predicate<String> unknownProperty(Throwable failure, Throwable link) {
		if (link instanceof PropertyReferenceException reference) {
			String name = reference.getPropertyName();
			return (path) -> Set.of(path.split("\\.")).contains(name);
		}
		if (link instanceof IllegalArgumentException && link.getMessage() != null
				&& link.getMessage().startsWith(UNSAFE_ORDER_FIELD)) {
			return (path) -> !SAFE_ORDER_FIELD.matcher(path).matches();
		}
		if (link instanceof SQLException sqlFailure && UNDEFINED_COLUMN_SQL_STATES.contains(sqlFailure.getSQLState())) {
			String column = undefinedColumn(sqlFailure.getMessage());
			// The statement is read only now: reflection is no price for every failure.
			return (column != null && isInOrderBy(sqlFailure.getMessage(),
					Causes.first(failure, MAX_CAUSE_DEPTH, SortPropertyExceptionMapper::sqlOf), column))
							? (path) -> names(column, path.toLowerCase(Locale.ROOT)) : null;
		}
		return null;
	}

	/**
	 * Return whether the database found the unknown column in the statement's
	 * {@code ORDER BY}, where Spring Data writes a sorted property and nothing else: a
	 * column missing from a table (a deployment ahead of its migration) is first met in
	 * the select list, and is the server's failure whatever the client sorted by. Told by
	 * MySQL's "in 'order clause'" (MariaDB's "in 'ORDER BY'"), else by the statement the
	 * exception carries: at PostgreSQL's position of the failure, or where the column
	 * first appears in it (H2 tells no position); without a statement, it is not the
	 * client's.
	 */
	private static boolean isInOrderBy(@Nullable String message, @Nullable String sql, String column) {
		if (message != null && (message.contains("in 'order clause'") || message.contains("in 'ORDER BY'"))) {
			return true;
		}
		if (sql == null) {
			return false;
		}
		Matcher position = (message != null) ? POSITION.matcher(message) : null;
		int at = (position != null && position.find()) ? Integer.parseInt(position.group(1)) - 1
				: firstIdentifier(sql.toLowerCase(Locale.ROOT), column.substring(column.lastIndexOf('.') + 1));
		return at >= 0 && at <= sql.length() && followsOrderBy(sql, at);
	}

	private static int firstIdentifier(String text, String identifier) {
		for (int at = text.indexOf(identifier); at >= 0; at = text.indexOf(identifier, at + 1)) {
			int end = at + identifier.length();
			if ((at == 0 || !isIdentifierPart(text.charAt(at - 1)))
					&& (end == text.length() || !isIdentifierPart(text.charAt(end)))) {
				return at;
			}
		}
		return -1;
	}

	private static boolean isIdentifierPart(char character) {
		return Character.isLetterOrDigit(character) || character == '_';
	}

	private static boolean followsOrderBy(String statement, int at) {
		String upper = statement.toUpperCase(Locale.ROOT);
		return upper.lastIndexOf("ORDER BY", at) > upper.lastIndexOf(" FROM ", at);
	}

	/**
	 * Return the statement a data access exception carries (Spring JDBC's and R2DBC's
	 * {@code BadSqlGrammarException}, {@code UncategorizedSQLException}), read by its
	 * {@code getSql()}: neither module is a dependency of the starter.
	 */
	private static @Nullable String sqlOf(Throwable link) {
		Method getSql = ReflectionUtils.findMethod(link.getClass(), "getSql");
		if (getSql == null || getSql.getReturnType() != String.class) {
			return null;
		}
		try {
			return (String) getSql.invoke(link);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return null;
		}
	}

	/**
	 * Return the column a database's message names, unquoted and in lower case: only the
	 * column, since a message may go on with the whole statement (H2's does).
	 */
	private static @Nullable String undefinedColumn(@Nullable String message) {
		Matcher matcher = (message != null) ? UNDEFINED_COLUMN.matcher(message) : null;
		if (matcher == null || !matcher.find()) {
			return null;
		}
		for (int group = 1; group <= matcher.groupCount(); group++) {
			if (matcher.group(group) != null) {
				return matcher.group(group).replace("\"", "").toLowerCase(Locale.ROOT);
			}
		}
		return null;
	}

	// The column is the whole path or its qualified end: "ledger_accounts.nope" names the
	// sorted "nope", and "ledger_accounts.email.nope" the sorted "email.nope", not
	// "email".
	private static boolean names(String column, String path) {
		return column.equals(path) || column.endsWith("." + path);
	}

	/**
	 * Return the sort parameter and property, as Spring Data reads them (properties
	 * separated by commas, a nested one by dots: {@code address.city,desc}), of the first
	 * sorted property the failure names as unknown.
	 */
	private @Nullable SortProperty sortParameterNaming(HttpServletRequest request, Predicate<String> unknown) {
		Map<String, String[]> parameters;
		try {
			parameters = request.getParameterMap();
		}
		catch (RuntimeException ex) {
			// A request whose parameters cannot be read names no sort property.
			return null;
		}
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			String name = parameter.getKey();
			if (!name.equals(this.sortParameter) && !name.endsWith(QUALIFIER_DELIMITER + this.sortParameter)) {
				continue;
			}
			for (String value : parameter.getValue()) {
				for (String path : value.split(",")) {
					String property = path.strip();
					if (!property.isEmpty() && !SORT_KEYWORDS.contains(property.toLowerCase(Locale.ROOT))
							&& unknown.test(property)) {
						return new SortProperty(name, property);
					}
				}
			}
		}
		return null;
	}

	private record SortProperty(String parameter, String property) {
	}

}
