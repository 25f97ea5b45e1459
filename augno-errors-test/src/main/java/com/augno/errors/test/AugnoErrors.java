package com.augno.errors.test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.client.ExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Entry points of the assertions on Augno error responses, one for each way a test gets a
 * response. <pre class="code">
 * AugnoErrors.assertThat(mvc.get().uri("/v1/shipping-terms/st_nope"))
 *     .isAugnoError("resource_not_found")
 *     .hasParam("id")
 *     .isNotTransient();
 * </pre> {@link AugnoErrorAssert#isAugnoError(String)} checks the whole response against
 * the {@linkplain ErrorContract#current() application's contract}, then the other
 * assertions check single members.
 *
 * @since 0.1.0
 */
public final class AugnoErrors {

	private AugnoErrors() {
	}

	/**
	 * Assert on the result of a {@link MockMvcTester} exchange.
	 * @param result the result
	 * @return the assertion
	 */
	public static AugnoErrorAssert assertThat(MvcTestResult result) {
		Exception unresolved = result.getUnresolvedException();
		if (unresolved != null) {
			return new AugnoErrorAssert(new CapturedResponse(null, null, "", unresolved));
		}
		return new AugnoErrorAssert(capture(result.getResponse()));
	}

	/**
	 * Perform a {@link MockMvcTester} request and assert on its result.
	 * @param request the request
	 * @return the assertion
	 */
	public static AugnoErrorAssert assertThat(MockMvcTester.MockMvcRequestBuilder request) {
		return assertThat(request.exchange());
	}

	/**
	 * Assert on a MockMvc response.
	 * @param response the response
	 * @return the assertion
	 */
	public static AugnoErrorAssert assertThat(MockHttpServletResponse response) {
		return new AugnoErrorAssert(capture(response));
	}

	/**
	 * Assert on the response of a {@link RestTestClient} exchange.
	 * @param response the response, not yet consumed
	 * @return the assertion
	 */
	public static AugnoErrorAssert assertThat(RestTestClient.ResponseSpec response) {
		return assertThat(response.returnResult(byte[].class));
	}

	/**
	 * Assert on the result of a {@link RestTestClient} exchange.
	 * @param result the result
	 * @return the assertion
	 */
	public static AugnoErrorAssert assertThat(ExchangeResult result) {
		return new AugnoErrorAssert(CapturedResponse.of(result.getStatus().value(), result.getResponseHeaders(),
				new String(result.getResponseBodyContent(), StandardCharsets.UTF_8)));
	}

	/**
	 * Assert on the response of a {@link WebTestClient} exchange; this one needs Spring
	 * WebFlux on the test class path.
	 * @param response the response, not yet consumed
	 * @return the assertion
	 */
	public static AugnoErrorAssert assertThat(WebTestClient.ResponseSpec response) {
		return new AugnoErrorAssert(WebTestClientResponses.capture(response));
	}

	/**
	 * Assert on a response received as text, from {@code RestClient},
	 * {@code TestRestTemplate} or {@code RestTemplate}.
	 * @param response the response
	 * @return the assertion
	 */
	public static AugnoErrorAssert assertThat(ResponseEntity<String> response) {
		return new AugnoErrorAssert(
				CapturedResponse.of(response.getStatusCode().value(), response.getHeaders(), response.getBody()));
	}

	/**
	 * Assert on a response of the JDK's HTTP client.
	 * @param response the response
	 * @return the assertion
	 */
	public static AugnoErrorAssert assertThat(HttpResponse<String> response) {
		HttpHeaders headers = new HttpHeaders();
		response.headers().map().forEach(headers::addAll);
		return new AugnoErrorAssert(CapturedResponse.of(response.statusCode(), headers, response.body()));
	}

	/**
	 * Assert on a response that arrived some other way, such as off a raw socket.
	 * @param response the response
	 * @return the assertion
	 */
	public static AugnoErrorAssert assertThat(CapturedResponse response) {
		return new AugnoErrorAssert(response);
	}

	/**
	 * Return the factory that turns a JSON body into the assertion, for AssertJ's
	 * {@code bodyJson().convertTo(...)} of {@code MockMvcTester} and
	 * {@code RestTestClient}. It sees the body alone: the checks of status and headers
	 * are left out, so prefer the {@code assertThat} methods, which see the whole
	 * response.
	 * @return the factory
	 */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	public static InstanceOfAssertFactory<Map, AugnoErrorAssert> factory() {
		return new InstanceOfAssertFactory<>(Map.class,
				(body) -> new AugnoErrorAssert(CapturedResponse.bodyOnly(EnvelopeReader.write(body))));
	}

	private static CapturedResponse capture(MockHttpServletResponse response) {
		HttpHeaders headers = new HttpHeaders();
		for (String name : response.getHeaderNames()) {
			headers.addAll(name, response.getHeaders(name));
		}
		return CapturedResponse.of(response.getStatus(), headers, contentOf(response));
	}

	private static String contentOf(MockHttpServletResponse response) {
		return new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
	}

}
