package com.augno.errors.spring.servlet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.augno.errors.test.AugnoErrors;
import com.augno.errors.test.CapturedResponse;
import com.augno.errors.AugnoError;
import com.augno.errors.ErrorEnvelope;
import com.augno.errors.ErrorType;
import org.junit.jupiter.api.Test;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The writer on responses a real container does not produce; the common cases run over
 * Tomcat in the integration tests.
 */
class ErrorResponseWriterTests {

	private static final AugnoError ERROR = new AugnoError("validation_failed", ErrorType.INVALID_REQUEST_ERROR,
			"Le champ « prénom » est requis.", "prénom", "https://docs.augno.com/api/errors#validation_failed", false,
			null, null);

	@Test
	void writesThroughWriterWhenResetLeavesOnlyWriter() throws IOException {
		MockHttpServletResponse response = new MockHttpServletResponse();
		// As a container that keeps the writer across a reset.
		response.setOutputStreamAccessAllowed(false);
		response.setHeader("Request-Id", "rq_1");
		response.getWriter().write("<html><body>");

		boolean written = new ErrorResponseWriter().write(response, 400, ERROR, new HttpHeaders());

		assertThat(written).isTrue();
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getHeader("Request-Id")).isEqualTo("rq_1");
		assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
		assertThat(response.getContentType()).startsWith("application/json");
		byte[] body = response.getContentAsByteArray();
		assertThat(response.getContentLength()).isEqualTo(body.length);
		String json = new String(body, StandardCharsets.US_ASCII);
		assertThat(json).doesNotContain("<html").isASCII();
		AugnoErrors.assertThat(CapturedResponse.bodyOnly(json))
			.isAugnoError("validation_failed")
			.hasMessage("Le champ « prénom » est requis.")
			.hasParam("prénom")
			.isNotTransient()
			.hasNoQuota();
		// Byte for byte what Jackson's ESCAPE_NON_ASCII writes, as before formats.
		assertThat(json).isEqualTo(new String(JsonMapper.builder()
			.enable(JsonWriteFeature.ESCAPE_NON_ASCII)
			.build()
			.writeValueAsBytes(new ErrorEnvelope(ERROR)), StandardCharsets.US_ASCII));
	}

	@Test
	void leavesCommittedResponseAlone() throws IOException {
		MockHttpServletResponse response = new MockHttpServletResponse();
		response.getOutputStream().write("partial".getBytes(StandardCharsets.US_ASCII));
		response.flushBuffer();

		boolean written = new ErrorResponseWriter().write(response, 400, ERROR, new HttpHeaders());

		assertThat(written).isFalse();
		assertThat(response.getContentAsString()).isEqualTo("partial");
	}

}
