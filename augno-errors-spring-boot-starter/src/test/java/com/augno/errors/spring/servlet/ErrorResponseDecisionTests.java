package com.augno.errors.spring.servlet;

import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ErrorResponseDecision}: which {@code Accept} headers prefer an HTML
 * page, and which paths are within {@code augno.errors.paths}. gh-11 §2
 */
class ErrorResponseDecisionTests {

	private final ErrorResponseDecision everyPath = new ErrorResponseDecision();

	@ParameterizedTest
	@ValueSource(strings = { "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
			"text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8", "text/html",
			"text/html, application/*", "application/json;q=0.5, text/html" })
	void browsersPreferHtml(String accept) {
		assertThat(this.everyPath.prefersHtml(request("/x", accept))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "*/*", "application/json", "text/html, application/json", "application/json, text/html",
			"application/xhtml+xml, text/html;q=0.9", "text/*", "text/html;q=0", "text/html;q=0.5, */*", "not a type" })
	void apiClientsDoNot(String accept) {
		assertThat(this.everyPath.prefersHtml(request("/x", accept))).isFalse();
	}

	@Test
	void noAcceptHeaderIsAnApiClient() {
		assertThat(this.everyPath.prefersHtml(new MockHttpServletRequest("GET", "/x"))).isFalse();
	}

	@Test
	void aScriptsXmlHttpRequestIsAnApiClientWhateverItAccepts() {
		MockHttpServletRequest request = request("/x", "text/html,application/xhtml+xml,*/*;q=0.8");
		request.addHeader("X-Requested-With", "XMLHttpRequest");
		assertThat(this.everyPath.prefersHtml(request)).isFalse();
		assertThat(ErrorResponseDecision.isBrowserNavigation(request)).isFalse();
	}

	@Test
	void everyPathIsEnvelopedByDefault() {
		assertThat(this.everyPath.isEnveloped(request("/anything/at/all", "*/*"))).isTrue();
		assertThat(new ErrorResponseDecision(List.of()).isEnveloped(request("/x", "*/*"))).isTrue();
	}

	@Test
	void onlyMatchingPathsAreEnvelopedWhenScoped() {
		ErrorResponseDecision decision = new ErrorResponseDecision(List.of("/api/**", "/v{version}/items"));
		assertThat(decision.isEnveloped(request("/api", "*/*"))).isTrue();
		assertThat(decision.isEnveloped(request("/api/items/1", "*/*"))).isTrue();
		assertThat(decision.isEnveloped(request("/v2/items", "*/*"))).isTrue();
		assertThat(decision.isEnveloped(request("/apix", "*/*"))).isFalse();
		assertThat(decision.isEnveloped(request("/web/owners", "*/*"))).isFalse();
	}

	@Test
	void theContextPathIsNotPartOfThePath() {
		ErrorResponseDecision decision = new ErrorResponseDecision(List.of("/api/**"));
		MockHttpServletRequest request = request("/shop/api/items", "*/*");
		request.setContextPath("/shop");
		assertThat(decision.isEnveloped(request)).isTrue();
	}

	@Test
	void anErrorDispatchIsJudgedByTheOriginalPath() {
		ErrorResponseDecision decision = new ErrorResponseDecision(List.of("/api/**"));
		MockHttpServletRequest request = request("/error", "*/*");
		request.setDispatcherType(DispatcherType.ERROR);
		request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/items");
		assertThat(decision.isEnveloped(request)).isTrue();
		request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/web/items");
		assertThat(decision.isEnveloped(request)).isFalse();
	}

	@Test
	void aMalformedPatternIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ErrorResponseDecision(List.of("/api/{oops")));
	}

	private static MockHttpServletRequest request(String uri, String accept) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
		request.addHeader("Accept", accept);
		return request;
	}

}
