package com.augno.errors;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Random;

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
	void everyRequestIdIsInTheUrlAsUrlEncoderWritesIt() {
		String alphabet = "aZ09-_.*~ +/%?#&=\u00e9\u4e2d\"'<>";
		Random random = new Random(3);
		for (int i = 0; i < 5_000; i++) {
			StringBuilder id = new StringBuilder();
			for (int j = 1 + random.nextInt(12); j > 0; j--) {
				id.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			assertThat(ErrorLinks.defaults().requestLogUrl(id.toString()))
				.isEqualTo("https://augno.com/dashboard/request-logs/"
						+ URLEncoder.encode(id.toString(), StandardCharsets.UTF_8));
		}
	}

	@Test
	void rejectsATemplateWithoutPlaceholderAndABlankBaseUrl() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ErrorLinks("https://d", "https://logs/"))
			.withMessageContaining("{request_id}");
		assertThatIllegalArgumentException().isThrownBy(() -> new ErrorLinks(" ", null));
	}

}
