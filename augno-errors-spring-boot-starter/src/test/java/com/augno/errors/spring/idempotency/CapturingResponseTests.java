package com.augno.errors.spring.idempotency;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CapturingResponse}: the copy of the body is the body sent, however it
 * is written, and within the bound only.
 */
class CapturingResponseTests {

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	@Test
	void aBodyWrittenAtOnceIsKept() throws Exception {
		CapturingResponse capture = new CapturingResponse(this.response, 1024);
		capture.getOutputStream().write(bytes("{\"id\":1}"));
		assertThat(capture.body()).isEqualTo(bytes("{\"id\":1}"));
		assertThat(this.response.getContentAsByteArray()).isEqualTo(bytes("{\"id\":1}"));
		assertThat(capture.isComplete()).isTrue();
	}

	@Test
	void aBodyWrittenInPiecesAndByteByByteIsKeptInOrder() throws Exception {
		CapturingResponse capture = new CapturingResponse(this.response, 1024);
		StringBuilder expected = new StringBuilder();
		for (int i = 0; i < 100; i++) {
			capture.getOutputStream().write('a' + (i % 26));
			expected.append((char) ('a' + (i % 26)));
		}
		capture.getOutputStream().write(bytes("-tail-"), 1, 4);
		expected.append("tail");
		assertThat(capture.body()).isEqualTo(bytes(expected.toString()));
		assertThat(this.response.getContentAsString()).isEqualTo(expected.toString());
	}

	@Test
	void aDeclaredLengthLargerThanTheBodyKeepsTheBodyOnly() throws Exception {
		CapturingResponse capture = new CapturingResponse(this.response, 1024);
		capture.setContentLength(100);
		capture.getOutputStream().write(bytes("short"));
		assertThat(capture.body()).isEqualTo(bytes("short"));
	}

	@Test
	void writtenCharsAreKeptInTheResponsesEncoding() throws Exception {
		CapturingResponse capture = new CapturingResponse(this.response, 1024);
		capture.setCharacterEncoding("UTF-8");
		capture.getWriter().write("émile");
		capture.getWriter().write(" et ");
		capture.getWriter().print(42);
		capture.getWriter().flush();
		assertThat(capture.body()).isEqualTo("émile et 42".getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void aBodyPastTheBoundIsNotKeptAndItsLengthIsSent() throws Exception {
		CapturingResponse capture = new CapturingResponse(this.response, 8);
		capture.setContentLength(12);
		capture.getOutputStream().write(bytes("12345"));
		assertThat(this.response.getContentLength()).isZero();
		capture.getOutputStream().write(bytes("6789ab"));
		capture.getOutputStream().write('c');
		assertThat(capture.isOverflowed()).isTrue();
		assertThat(capture.isComplete()).isFalse();
		assertThat(this.response.getContentLength()).isEqualTo(12);
		assertThat(this.response.getContentAsString()).isEqualTo("123456789abc");
	}

	@Test
	void aResetDropsWhatWasKept() throws Exception {
		CapturingResponse capture = new CapturingResponse(this.response, 1024);
		capture.getOutputStream().write(bytes("first"));
		capture.reset();
		capture.getOutputStream().write(bytes("second"));
		assertThat(capture.body()).isEqualTo(bytes("second"));
	}

	@Test
	void aContentLengthHeaderOfDigitsIsHeldUntilSettled() throws Exception {
		CapturingResponse capture = new CapturingResponse(this.response, 1024);
		capture.setHeader("content-length", " 5 ");
		capture.getOutputStream().write(bytes("hello"));
		assertThat(this.response.getContentLength()).isZero();
		capture.settle();
		assertThat(this.response.getContentLength()).isEqualTo(5);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

}
