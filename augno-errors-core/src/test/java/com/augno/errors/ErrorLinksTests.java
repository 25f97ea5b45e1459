package com.augno.errors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ErrorLinksTests {

	@Test
	void docUrlIsTheBaseUrlWithTheCodeAsAnchor() {
		ErrorLinks links = new ErrorLinks("https://docs.example.com/errors", null);
		assertThat(links.docUrl(ErrorCodes.TIMEOUT)).isEqualTo("https://docs.example.com/errors#timeout");
	}

	@Test
	void aCodesOwnDocUrlWins() {
		ErrorCode code = ErrorCodes.RESOURCE_EXISTS.withDocUrl("https://docs.augno.com/api/errors#resource_conflict");
		assertThat(ErrorLinks.defaults().docUrl(code)).isEqualTo("https://docs.augno.com/api/errors#resource_conflict");
	}

	@Test
	void requestLogUrlFillsTheTemplate() {
		assertThat(ErrorLinks.defaults().requestLogUrl("rq_fbv1ygmybo3eauykr74"))
			.isEqualTo("https://augno.com/dashboard/request-logs/rq_fbv1ygmybo3eauykr74");
		assertThat(new ErrorLinks("https://d", "https://logs/{request_id}?id={request_id}").requestLogUrl("rq_1"))
			.isEqualTo("https://logs/rq_1?id=rq_1");
	}

	@Test
	void requestLogUrlIsNullWithoutTemplateOrRequestId() {
		assertThat(new ErrorLinks("https://d", null).requestLogUrl("rq_1")).isNull();
		assertThat(new ErrorLinks("https://d", "  ").requestLogUrl("rq_1")).isNull();
		assertThat(ErrorLinks.defaults().requestLogUrl(null)).isNull();
		assertThat(ErrorLinks.defaults().requestLogUrl("")).isNull();
	}

	@Test
	void requestIdsAreEncodedIntoTheUrl() {
		assertThat(ErrorLinks.defaults().requestLogUrl("a b/&\"<"))
			.isEqualTo("https://augno.com/dashboard/request-logs/a+b%2F%26%22%3C");
	}

	@Test
	void rejectsATemplateWithoutPlaceholderAndABlankBaseUrl() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ErrorLinks("https://d", "https://logs/"))
			.withMessageContaining("{request_id}");
		assertThatIllegalArgumentException().isThrownBy(() -> new ErrorLinks(" ", null));
	}

}
