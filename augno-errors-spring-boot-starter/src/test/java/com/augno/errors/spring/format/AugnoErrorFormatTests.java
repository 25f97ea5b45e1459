package com.augno.errors.spring.format;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.augno.errors.AugnoError;
import com.augno.errors.ErrorEnvelope;
import com.augno.errors.Quota;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The envelope is written member by member; these tests hold it to the bytes Jackson's
 * data binding writes for the annotated {@link ErrorEnvelope}, which is also how clients
 * read it.
 */
class AugnoErrorFormatTests {

	private static final JsonMapper BINDING = JsonMapper.builder().build();

	private final AugnoErrorFormat format = new AugnoErrorFormat();

	@Test
	void writesTheDocumentedEnvelope() {
		AugnoError error = new AugnoError("resource_not_found", "invalid_request_error", "No such item: 'it_9'.", null,
				"https://docs.augno.com/api/errors#resource_not_found", false, null,
				"https://augno.com/dashboard/request-logs/rq_1");
		assertThat(new String(this.format.toBytes(error), StandardCharsets.UTF_8))
			.isEqualTo("{\"error\":{\"code\":\"resource_not_found\",\"type\":\"invalid_request_error\","
					+ "\"message\":\"No such item: 'it_9'.\",\"param\":null,"
					+ "\"doc_url\":\"https://docs.augno.com/api/errors#resource_not_found\",\"is_transient\":false,"
					+ "\"quota\":null,\"request_log_url\":\"https://augno.com/dashboard/request-logs/rq_1\"}}");
	}

	@Test
	void writesTheSameBytesAsDataBindingForHostileAndOddValues() {
		List<String> texts = List.of("", "plain", "quote \" and backslash \\", "line\nbreak\r\ttab",
				"nul \u0000 bel \u0007", "unicode \u00e9\u4e2d\ud83d\ude00", "lone surrogate \ud800",
				"</script><script>alert(1)</script>", "\u2028\u2029", "x".repeat(5000));
		List<@Nullable Quota> quotas = new ArrayList<>();
		quotas.add(null);
		quotas.add(new Quota(0, 0, null));
		quotas.add(new Quota(100, 101, Instant.parse("2026-12-01T00:00:00Z")));
		quotas.add(new Quota(Long.MAX_VALUE, 7, Instant.parse("2026-12-01T10:15:30.123Z")));
		quotas.add(new Quota(5, 5, Instant.ofEpochSecond(1_700_000_000L, 123_456_789)));
		quotas.add(new Quota(5, 5, Instant.ofEpochSecond(-1L, 500)));
		Random random = new Random(42);
		for (int i = 0; i < 500; i++) {
			AugnoError error = new AugnoError(pick(random, texts), pick(random, texts), pick(random, texts),
					random.nextBoolean() ? null : pick(random, texts), pick(random, texts), random.nextBoolean(),
					quotas.get(random.nextInt(quotas.size())), random.nextBoolean() ? null : pick(random, texts));
			assertThat(this.format.toBytes(error)).as("error %s", error)
				.isEqualTo(BINDING.writeValueAsBytes(new ErrorEnvelope(error)));
		}
	}

	@Test
	void readsBackAsTheSameError() {
		AugnoError error = new AugnoError("limit_exceeded", "invalid_request_error", "Over \"quota\" \u00fc.", "plan",
				"https://docs.augno.com/api/errors#limit_exceeded", false,
				new Quota(10, 11, Instant.parse("2026-12-01T00:00:00.5Z")), null);
		assertThat(BINDING.readValue(this.format.toBytes(error), ErrorEnvelope.class).error()).isEqualTo(error);
	}

	private static String pick(Random random, List<String> texts) {
		return texts.get(random.nextInt(texts.size()));
	}

}
