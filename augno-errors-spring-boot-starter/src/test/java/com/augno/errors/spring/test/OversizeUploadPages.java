package com.augno.errors.spring.test;

import java.net.http.HttpResponse;

import org.springframework.boot.test.system.CapturedOutput;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a browser gets for an upload larger than the server accepts, in the test
 * applications with the {@code browser-app} templates: the application's general
 * {@code error} page with 413, the code and the request id, nothing of Tomcat's exception
 * (file or request size); and the failure logged once, though the error dispatch met it
 * again before the page.
 */
public final class OversizeUploadPages {

	private OversizeUploadPages() {
	}

	/**
	 * Check a browser's answer to an upload {@code POST /upload} over the limits.
	 * @param response the answer
	 * @param output the test's captured log
	 */
	public static void assertTheApplicationsPageLoggedOnce(HttpResponse<String> response, CapturedOutput output) {
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
		String requestId = response.headers().firstValue("Request-Id").orElseThrow();
		assertThat(response.body())
			.contains("<p id=\"page\">error</p>", "<p id=\"status\">413 Content Too Large</p>",
					"<p id=\"code\">request_too_large</p>", "<p id=\"request-id\">" + requestId + "</p>")
			.doesNotContain("\"error\":", "SizeLimitExceededException");
		assertThat(output.toString().split("413 request_too_large for POST /upload", -1)).hasSize(2);
		assertThat(output).contains("The error dispatch of request " + requestId + " failed before its error page");
	}

}
