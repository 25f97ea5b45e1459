package com.augno.errors.spring.client;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import com.augno.errors.ErrorType;
import com.augno.errors.Quota;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link DownstreamErrorReader} makes of envelopes and of bodies that are not.
 */
@ExtendWith(OutputCaptureExtension.class)
class DownstreamErrorReaderTests {

	private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

	private static final String SECRET = "ledger-secret-downstream-body";

	private final DownstreamErrorReader reader = new DownstreamErrorReader(1024, 8, "Request-Id",
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void readsEveryMemberOfAnEnvelope() {
		String body = """
				{"error":{"code":"limit_exceeded","type":"invalid_request_error",
				"message":"You have reached the maximum number of sandbox accounts for your plan.",
				"param":"plan","doc_url":"https://docs.augno.com/api/errors#limit_exceeded","is_transient":false,
				"quota":{"limit":5,"used":5,"reset_at":"2026-12-01T00:00:00Z"},
				"request_log_url":"https://augno.com/dashboard/request-logs/rq_fbv1ygmybo3eauykr74"}}""";
		DownstreamError error = this.reader.read(403, new HttpHeaders(), bytes(body));
		assertThat(error.envelope()).isTrue();
		assertThat(error.status()).isEqualTo(403);
		assertThat(error.code()).isEqualTo("limit_exceeded");
		assertThat(error.type()).isEqualTo(ErrorType.INVALID_REQUEST_ERROR);
		assertThat(error.message()).isEqualTo("You have reached the maximum number of sandbox accounts for your plan.");
		assertThat(error.param()).isEqualTo("plan");
		assertThat(error.isTransient()).isFalse();
		assertThat(error.quota()).isEqualTo(new Quota(5, 5, Instant.parse("2026-12-01T00:00:00Z")));
		assertThat(error.requestId()).isEqualTo("rq_fbv1ygmybo3eauykr74");
		assertThat(error.retryAfter()).isNull();
	}

	@Test
	void requestIdHeaderWinsOverTheRequestLogUrl() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("Request-Id", "rq_from_header");
		DownstreamError error = this.reader.read(404, headers,
				bytes(envelope("resource_not_found", "https://augno.com/dashboard/request-logs/rq_from_url")));
		assertThat(error.requestId()).isEqualTo("rq_from_header");
	}

	@Test
	void requestIdThatIsNotSafeIsDropped() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("Request-Id", "rq 1\r\nforged");
		DownstreamError error = this.reader.read(404, headers,
				bytes(envelope("resource_not_found", "https://augno.com/request-logs/<script>")));
		assertThat(error.requestId()).isNull();
	}

	@Test
	void retryAfterInSecondsOrAsAnHttpDate() {
		HttpHeaders seconds = new HttpHeaders();
		seconds.set(HttpHeaders.RETRY_AFTER, "7");
		assertThat(this.reader.read(503, seconds, new byte[0]).retryAfter()).isEqualTo(Duration.ofSeconds(7));
		HttpHeaders date = new HttpHeaders();
		date.set(HttpHeaders.RETRY_AFTER, DateTimeFormatter.RFC_1123_DATE_TIME
			.format(ZonedDateTime.ofInstant(NOW.plusSeconds(90), ZoneOffset.UTC)));
		assertThat(this.reader.read(503, date, new byte[0]).retryAfter()).isEqualTo(Duration.ofSeconds(90));
		HttpHeaders garbage = new HttpHeaders();
		garbage.set(HttpHeaders.RETRY_AFTER, "soon");
		assertThat(this.reader.read(503, garbage, new byte[0]).retryAfter()).isNull();
	}

	@Test
	void transienceDefaultsToTheContractWhenTheEnvelopeOmitsIt() {
		DownstreamError error = this.reader.read(503, new HttpHeaders(),
				bytes("{\"error\":{\"code\":\"service_unavailable\",\"type\":\"api_error\"}}"));
		assertThat(error.envelope()).isTrue();
		assertThat(error.isTransient()).isTrue();
	}

	@Test
	void proxyHtmlPageGivesTheCodeOfTheStatus(CapturedOutput output) {
		DownstreamError error = this.reader.read(502, new HttpHeaders(),
				bytes("<html><body><h1>502 Bad Gateway</h1>" + SECRET + "</body></html>"));
		assertNotEnvelope(error, 502, "external_service_error", true);
		assertThat(output).doesNotContain(SECRET);
	}

	@Test
	void emptyBodyGivesTheCodeOfTheStatus() {
		assertNotEnvelope(this.reader.read(503, new HttpHeaders(), (InputStream) null), 503, "service_unavailable",
				true);
		assertNotEnvelope(this.reader.read(404, new HttpHeaders(), new byte[0]), 404, "resource_not_found", false);
	}

	@Test
	void truncatedJsonGivesTheCodeOfTheStatus() {
		assertNotEnvelope(this.reader.read(409, new HttpHeaders(), bytes("{\"error\":{\"code\":\"resource_exi")), 409,
				"resource_conflict", false);
	}

	@Test
	void invalidUtf8GivesTheCodeOfTheStatus() {
		byte[] body = bytes("{\"error\":{\"code\":\"resource_not_found\",\"message\":\"\u0000\"}}");
		// Replace the NUL with a byte that never starts a UTF-8 sequence.
		for (int i = 0; i < body.length; i++) {
			if (body[i] == 0) {
				body[i] = (byte) 0xFF;
			}
		}
		assertNotEnvelope(this.reader.read(404, new HttpHeaders(), body), 404, "resource_not_found", false);
	}

	@Test
	void codeThatIsNotACodeIsNotAnEnvelope() {
		assertNotEnvelope(
				this.reader.read(400, new HttpHeaders(), bytes("{\"error\":{\"code\":\"<b>" + SECRET + "</b>\"}}")),
				400, "validation_failed", false);
	}

	@Test
	void deeplyNestedJsonIsRejectedQuickly() {
		String bomb = "{\"error\":{\"code\":\"x\",\"param\":" + "[".repeat(1000);
		long start = System.nanoTime();
		DownstreamError error = this.reader.read(500, new HttpHeaders(), bytes(bomb));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
		assertNotEnvelope(error, 500, "internal_error", true);
	}

	@Test
	void readsNoMoreThanTheBoundOfAHugeBody() {
		CountingStream body = new CountingStream(10 * 1024 * 1024);
		DownstreamError error = this.reader.read(502, new HttpHeaders(), body);
		assertNotEnvelope(error, 502, "external_service_error", true);
		assertThat(body.read).isLessThanOrEqualTo(1025);
	}

	@Test
	void envelopeMessageIsKeptOnOneBoundedLine() {
		String message = "line one\nline two " + "x".repeat(5000);
		DownstreamError error = this.reader.read(404, new HttpHeaders(), bytes(
				"{\"error\":{\"code\":\"resource_not_found\",\"message\":\"" + message.replace("\n", "\\n") + "\"}}"));
		// Longer than the 1 KB read bound: not an envelope at all.
		assertThat(error.envelope()).isFalse();
		DownstreamError read = new DownstreamErrorReader().read(404, new HttpHeaders(), bytes(
				"{\"error\":{\"code\":\"resource_not_found\",\"message\":\"" + message.replace("\n", "\\n") + "\"}}"));
		assertThat(read.message()).hasSize(1000).doesNotContain("\n").startsWith("line one line two");
	}

	@Test
	void debugExcerptIsBoundedAndSanitised(CapturedOutput output) {
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		logging.setLogLevel("com.augno.errors.client", LogLevel.DEBUG);
		try {
			String body = "<html>\r\nFORGED LOG LINE " + "y".repeat(600) + SECRET + "</html>";
			this.reader.read(502, new HttpHeaders(), bytes(body));
			assertThat(output).contains("Downstream answered 502 with a body that is not an Augno envelope")
				.contains("<html>??FORGED LOG LINE")
				.doesNotContain("\nFORGED")
				.doesNotContain(SECRET);
		}
		finally {
			logging.setLogLevel("com.augno.errors.client", null);
		}
	}

	private static void assertNotEnvelope(DownstreamError error, int status, String code, boolean isTransient) {
		assertThat(error.envelope()).isFalse();
		assertThat(error.status()).isEqualTo(status);
		assertThat(error.code()).isEqualTo(code);
		assertThat(error.isTransient()).isEqualTo(isTransient);
		assertThat(error.message()).isNull();
		assertThat(error.param()).isNull();
	}

	private static String envelope(String code, String requestLogUrl) {
		return "{\"error\":{\"code\":\"" + code + "\",\"type\":\"invalid_request_error\",\"message\":\"m\","
				+ "\"param\":null,\"doc_url\":null,\"is_transient\":false,\"quota\":null,\"request_log_url\":\""
				+ requestLogUrl + "\"}}";
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A body of the given length that counts what was read of it.
	 */
	private static final class CountingStream extends InputStream {

		private final long length;

		private long read;

		CountingStream(long length) {
			this.length = length;
		}

		@Override
		public int read() {
			if (this.read >= this.length) {
				return -1;
			}
			this.read++;
			return 'a';
		}

		@Override
		public int read(byte[] buffer, int offset, int count) {
			if (this.read >= this.length) {
				return -1;
			}
			int n = (int) Math.min(count, this.length - this.read);
			for (int i = 0; i < n; i++) {
				buffer[offset + i] = 'a';
			}
			this.read += n;
			return n;
		}

	}

}
