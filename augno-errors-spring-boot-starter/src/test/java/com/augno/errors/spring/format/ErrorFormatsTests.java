package com.augno.errors.spring.format;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * How {@link ErrorFormats} chooses a format: by name at startup, by {@code Accept} per
 * request when negotiation is on.
 */
class ErrorFormatsTests {

	private static final ErrorFormat AUGNO = new AugnoErrorFormat();

	private static final ErrorFormat PROBLEM = new ProblemDetailsErrorFormat();

	private final ErrorFormats negotiating = ErrorFormats.of(List.of(AUGNO, PROBLEM), "augno", true);

	@Test
	void defaultIsTheNamedFormat() {
		assertThat(ErrorFormats.of(List.of(AUGNO, PROBLEM), "problem", false).defaultFormat()).isSameAs(PROBLEM);
		assertThat(ErrorFormats.augno().defaultFormat()).isInstanceOf(AugnoErrorFormat.class);
	}

	@Test
	void unknownNameIsRejectedNamingTheKnownOnes() {
		assertThatIllegalArgumentException().isThrownBy(() -> ErrorFormats.of(List.of(AUGNO, PROBLEM), "rfc", false))
			.withMessage("no error format named 'rfc'; the formats are [augno, problem]");
	}

	@Test
	void laterFormatOfTheSameNameReplacesTheBuiltInOne() {
		ErrorFormat own = new NamedFormat("augno", MediaType.APPLICATION_JSON);
		ErrorFormats formats = ErrorFormats.of(List.of(AUGNO, PROBLEM, own), "augno", false);
		assertThat(formats.defaultFormat()).isSameAs(own);
		assertThat(formats.names()).containsExactly("augno", "problem");
	}

	@Test
	void withoutNegotiationAcceptIsIgnored() {
		ErrorFormats formats = ErrorFormats.of(List.of(AUGNO, PROBLEM), "augno", false);
		assertThat(formats.select("application/problem+json")).isSameAs(formats.defaultFormat());
	}

	@Test
	void acceptNamingProblemJsonGetsProblemDetails() {
		assertThat(this.negotiating.select("application/problem+json")).isSameAs(PROBLEM);
		assertThat(this.negotiating.select("Application/Problem+JSON; charset=utf-8")).isSameAs(PROBLEM);
		assertThat(this.negotiating.select("application/problem+json, */*")).isSameAs(PROBLEM);
	}

	@Test
	void acceptPreferringJsonGetsTheDefault() {
		assertThat(this.negotiating.select(null)).isSameAs(AUGNO);
		assertThat(this.negotiating.select("application/json")).isSameAs(AUGNO);
		assertThat(this.negotiating.select("application/json, application/problem+json;q=0.5")).isSameAs(AUGNO);
		assertThat(this.negotiating.select("application/json, application/problem+json")).isSameAs(AUGNO);
		assertThat(this.negotiating.select("application/problem+json;q=0, */*")).isSameAs(AUGNO);
	}

	@Test
	void higherQualityWinsOverOrder() {
		assertThat(this.negotiating.select("application/json;q=0.4, application/problem+json;q=0.9")).isSameAs(PROBLEM);
	}

	@Test
	void acceptNamingNothingWeProduceGetsTheDefault() {
		assertThat(this.negotiating.select("text/html")).isSameAs(AUGNO);
		assertThat(this.negotiating.select("application/xml, text/plain;q=0.5")).isSameAs(AUGNO);
		assertThat(this.negotiating.select("application/problem+json, text/")).isSameAs(AUGNO);
		assertThat(this.negotiating.select("application/problem+xml")).isSameAs(AUGNO);
	}

	@Test
	void aProblemDefaultGivesTheEnvelopeToAClientAskingForJson() {
		ErrorFormats formats = ErrorFormats.of(List.of(AUGNO, PROBLEM), "problem", true);
		assertThat(formats.select("*/*")).isSameAs(PROBLEM);
		assertThat(formats.select("application/json")).isSameAs(AUGNO);
		assertThat(formats.select("text/html")).isSameAs(PROBLEM);
	}

	@Test
	void aServiceFormatWithItsOwnMediaTypeIsNegotiable() {
		ErrorFormat own = new NamedFormat("vendor", MediaType.parseMediaType("application/vnd.acme.error+json"));
		ErrorFormats formats = ErrorFormats.of(List.of(AUGNO, PROBLEM, own), "augno", true);
		assertThat(formats.select("application/vnd.acme.error+json")).isSameAs(own);
		assertThat(formats.find("vendor")).isSameAs(own);
		assertThat(formats.find("nope")).isNull();
	}

	private record NamedFormat(String name, MediaType mediaType) implements ErrorFormat {

		@Override
		public ErrorBody render(ResolvedError error) {
			return new ErrorBody(new byte[0], this.mediaType, error.headers());
		}

	}

}
