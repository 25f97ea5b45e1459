package com.augno.errors.spring.data;

import java.sql.SQLException;

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
	void aColumnTheDatabaseDoesNotKnowIsTheClientsWhenItsSortNamesIt() {
		request("sort", "email,desc", "sort", "Nope");
		var mapped = this.mapper.map(badSql("column ledger_accounts.nope does not exist", "42703"));
		assertThat(mapped).isNotNull();
		assertThat(mapped.param()).isEqualTo("sort");
		assertThat(mapped.message()).isEqualTo("Unknown sort property: Nope.");
		assertThat(this.mapper.map(badSql("Column \"LEDGER_ACCOUNTS.NOPE\" not found", "42122"))).isNotNull();
		assertThat(this.mapper.map(badSql("Unknown column 'nope' in 'order clause'", "42S22"))).isNotNull();
	}

	@Test
	void aColumnTheClientDidNotSortByIsLeftToTheChain() {
		request("sort", "email,desc", "sort", "no");
		assertThat(this.mapper.map(badSql("column ledger_accounts.nope does not exist", "42703"))).isNull();
		assertThat(this.mapper.map(badSql("column \"desc\" does not exist", "42703"))).isNull();
	}

	@Test
	void otherGrammarFailuresAreLeftToTheChain() {
		request("sort", "nope");
		assertThat(this.mapper.map(badSql("syntax error at or near \"nope\"", "42601"))).isNull();
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

	private static BadSqlGrammarException badSql(String message, String sqlState) {
		return new BadSqlGrammarException("PreparedStatementCallback", "SELECT ...",
				new SQLException("ERROR: " + message, sqlState));
	}

	private static PropertyReferenceException unknown(String property) {
		return catchThrowableOfType(PropertyReferenceException.class, () -> PropertyPath.from(property, Account.class));
	}

	static final class Account {

		String email = "";

	}

}
