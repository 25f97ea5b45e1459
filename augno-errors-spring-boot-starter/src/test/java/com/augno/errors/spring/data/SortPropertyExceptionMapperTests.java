package com.augno.errors.spring.data;

import java.sql.SQLException;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.core.PropertyPath;
import org.springframework.data.core.PropertyReferenceException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@link SortPropertyExceptionMapper}: a sort property the client named is its mistake,
 * one it did not name is the service's, whether Spring Data (JPA) or the database (JDBC)
 * found it unknown.
 */
class SortPropertyExceptionMapperTests {

	private static final String ORDERED_BY_NOPE = "SELECT \"ledger_accounts\".\"id\" AS \"id\" FROM \"ledger_accounts\" "
			+ "ORDER BY \"ledger_accounts\".nope DESC LIMIT 20";

	private final SortPropertyExceptionMapper mapper = new SortPropertyExceptionMapper("sort");

	@AfterEach
	void clearRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void anUnknownPropertyTheClientSortedByIsParameterInvalid() {
		request("sort", "nope,desc");
		var mapped = this.mapper.map(unknown("nope"));
		assertThat(mapped).isNotNull();
		assertThat(mapped.code().code()).isEqualTo("parameter_invalid");
		assertThat(mapped.param()).isEqualTo("sort");
		assertThat(mapped.message()).isEqualTo("Unknown sort property: nope.");
	}

	@Test
	void aQualifiedSortParameterIsNamed() {
		request("orders_sort", "total,asc", "orders_sort", "nope");
		var mapped = this.mapper.map(unknown("nope"));
		assertThat(mapped).isNotNull();
		assertThat(mapped.param()).isEqualTo("orders_sort");
	}

	@Test
	void theConfiguredSortParameterIsRead() {
		request("order", "nope");
		assertThat(new SortPropertyExceptionMapper("order").map(unknown("nope"))).isNotNull();
		assertThat(this.mapper.map(unknown("nope"))).isNull();
	}

	@Test
	void anExceptionTheRepositoryWrappedIsFound() {
		request("sort", "nope");
		var mapped = this.mapper.map(new InvalidDataAccessApiUsageException("translated", unknown("nope")));
		assertThat(mapped).isNotNull();
		assertThat(mapped.param()).isEqualTo("sort");
	}

	@Test
	void aNestedPathIsEchoedAsTheClientSentIt() {
		request("sort", "email,asc", "sort", "email.nope");
		var mapped = this.mapper.map(unknown("nope"));
		assertThat(mapped).isNotNull();
		assertThat(mapped.message()).isEqualTo("Unknown sort property: email.nope.");
	}

	@Test
	void aColumnTheDatabaseDoesNotKnowInTheOrderByIsTheClientsWhenItsSortNamesIt() {
		request("sort", "email,desc", "sort", "Nope");
		var mapped = this.mapper
			.map(postgres("ledger_accounts.nope", ORDERED_BY_NOPE, ORDERED_BY_NOPE.indexOf("nope")));
		assertThat(mapped).isNotNull();
		assertThat(mapped.param()).isEqualTo("sort");
		assertThat(mapped.message()).isEqualTo("Unknown sort property: Nope.");
		assertThat(this.mapper.map(
				badSql("Column \"LEDGER_ACCOUNTS.NOPE\" not found; SQL statement:\n" + ORDERED_BY_NOPE + " [42122-240]",
						"42122", ORDERED_BY_NOPE)))
			.isNotNull();
		assertThat(this.mapper.map(badSql("Unknown column 'nope' in 'order clause'", "42S22", null))).isNotNull();
		// MariaDB's wording; MyBatis passes the translator no statement.
		assertThat(this.mapper.map(badSql("Unknown column 'nope' in 'ORDER BY'", "42S22", null))).isNotNull();
		assertThat(this.mapper.map(badSql("Unknown column 'nope' in 'field list'", "42S22", null))).isNull();
	}

	@Test
	void aColumnMissingFromTheTableIsTheServersWhateverTheClientSortedBy() {
		// A deployment ahead of its migration: the column is first met in the select
		// list.
		request("sort", "name");
		String sql = "SELECT \"item\".\"id\", \"item\".\"name\" FROM \"item\" ORDER BY \"item\".\"name\" ASC";
		assertThat(this.mapper.map(postgres("item.name", sql, sql.indexOf("\"item\".\"name\"")))).isNull();
		assertThat(this.mapper
			.map(badSql("Column \"ITEM.NAME\" not found; SQL statement:\n" + sql + " [42122-240]", "42122", sql)))
			.isNull();
		assertThat(this.mapper.map(badSql("Unknown column 'item.name' in 'field list'", "42S22", null))).isNull();
		assertThat(this.mapper.map(badSql("column item.name does not exist", "42703", null)))
			.as("no statement: no telling where")
			.isNull();
	}

	@Test
	void aColumnTheClientDidNotSortByIsLeftToTheChain() {
		request("sort", "email,desc", "sort", "no");
		assertThat(this.mapper.map(postgres("ledger_accounts.nope", ORDERED_BY_NOPE, ORDERED_BY_NOPE.indexOf("nope"))))
			.isNull();
	}

	@Test
	void aSortedPropertyThatIsNoPlainPathIsTheClients() {
		request("sort", "email", "sort", "name;drop table x");
		var mapped = this.mapper.map(new InvalidDataAccessApiUsageException("order fields ...",
				new IllegalArgumentException("order fields that are not marked as unsafe must only consist of digits, "
						+ "letter, '.', '_', and ''. If you want to sort by arbitrary expressions please use "
						+ "RelationalSort.unsafe.")));
		assertThat(mapped).isNotNull();
		assertThat(mapped.param()).isEqualTo("sort");
		assertThat(mapped.message()).isEqualTo("Unknown sort property: name;drop table x.");
	}

	@Test
	void otherGrammarFailuresAreLeftToTheChain() {
		request("sort", "nope");
		assertThat(
				this.mapper.map(badSql("syntax error at or near \"nope\"\n  Position: 80", "42601", ORDERED_BY_NOPE)))
			.isNull();
	}

	@Test
	void aPropertyTheClientDidNotNameIsLeftToTheChain() {
		request("sort", "email,desc", "q", "nope");
		assertThat(this.mapper.map(unknown("nope"))).isNull();
	}

	@Test
	void withoutARequestNothingIsMapped() {
		assertThat(this.mapper.map(unknown("nope"))).isNull();
	}

	@Test
	void otherFailuresAreLeftToTheChain() {
		request("sort", "nope");
		assertThat(this.mapper.map(new IllegalStateException("nope"))).isNull();
	}

	@Test
	void aLongPropertyIsEchoedShortened() {
		String property = "p".repeat(300);
		request("sort", property);
		var mapped = this.mapper.map(unknown(property));
		assertThat(mapped).isNotNull();
		assertThat(mapped.message()).isEqualTo("Unknown sort property: " + "p".repeat(100) + "....");
	}

	private static void request(String... namesAndValues) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/accounts");
		for (int i = 0; i < namesAndValues.length; i += 2) {
			request.addParameter(namesAndValues[i], namesAndValues[i + 1]);
		}
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
	}

	private static BadSqlGrammarException postgres(String column, String sql, int index) {
		return badSql("column " + column + " does not exist\n  Position: " + (index + 1), "42703", sql);
	}

	private static BadSqlGrammarException badSql(String message, String sqlState, @Nullable String sql) {
		return new BadSqlGrammarException("PreparedStatementCallback", (sql != null) ? sql : "SELECT ...",
				new SQLException("ERROR: " + message, sqlState));
	}

	private static PropertyReferenceException unknown(String property) {
		return catchThrowableOfType(PropertyReferenceException.class, () -> PropertyPath.from(property, Account.class));
	}

	static final class Account {

		String email = "";

	}

}
