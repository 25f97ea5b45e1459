package com.augno.errors.spring.client;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.augno.errors.spring.autoconfigure.AugnoErrorsAutoConfiguration;
import com.augno.errors.spring.autoconfigure.AugnoErrorsHttpClientAutoConfiguration;
import com.augno.errors.spring.mapping.CompositeExceptionMapper;
import com.augno.errors.spring.web.RequestIds;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestTemplateAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.StreamingHttpOutputMessage;
import org.springframework.http.client.AbstractStreamingClientHttpRequest;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.mock.http.client.MockClientHttpResponse;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.Mockito.mock;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.headerDoesNotExist;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;

/**
 * When {@link AugnoErrorsHttpClientAutoConfiguration} applies.
 */
class AugnoErrorsHttpClientAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(AugnoErrorsAutoConfiguration.class, AugnoErrorsHttpClientAutoConfiguration.class));

	private static final String NOT_FOUND = """
			{"error":{"code":"resource_not_found","type":"invalid_request_error","message":"Shipping term not found.",
			"param":null,"doc_url":"https://docs.augno.com/api/errors#resource_not_found","is_transient":false,
			"quota":null,"request_log_url":"https://augno.com/dashboard/request-logs/rq_theirs"}}""";

	private final WebApplicationContextRunner clientRunner = this.runner.withConfiguration(
			AutoConfigurations.of(RestClientAutoConfiguration.class, RestTemplateAutoConfiguration.class));

	@Test
	void joinsTheMapperChainByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(RestClientExceptionMapper.class)
				.hasBean("augnoRestClientExceptionMapper");
			assertThat(context.getBean(CompositeExceptionMapper.class).getMappers())
				.contains(context.getBean(RestClientExceptionMapper.class));
		});
	}

	@Test
	void isConditionalOnSpringWebClient() {
		this.runner.withClassLoader(new FilteredClassLoader(RestClientException.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(CompositeExceptionMapper.class)
				.doesNotHaveBean(RestClientExceptionMapper.class));
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("augno.errors.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(RestClientExceptionMapper.class));
	}

	@Test
	void backsOffWhenUserDefinesTheMapper() {
		RestClientExceptionMapper own = new RestClientExceptionMapper();
		this.runner.withBean("ownMapper", RestClientExceptionMapper.class, () -> own)
			.run((context) -> assertThat(context).getBean(RestClientExceptionMapper.class).isSameAs(own));
	}

	@Test
	void everyRestClientBuilderSendsTheRequestIdAndKeepsSpringsOwnExceptions() {
		this.clientRunner.run((context) -> {
			RestClient.Builder builder = context.getBean(RestClient.Builder.class);
			MockRestServiceServer server = expectNotFoundFor("rq_ours", builder);
			RestClient client = builder.build();
			MDC.put(RequestIds.MDC_KEY, "rq_ours");
			try {
				// What code written without the starter catches, with the body a relay
				// passes on.
				assertThatExceptionOfType(HttpClientErrorException.NotFound.class)
					.isThrownBy(() -> client.get().uri("/terms/t9").retrieve().body(String.class))
					.satisfies((ex) -> {
						assertThat(ex.getResponseBodyAsString()).isEqualTo(NOT_FOUND);
						assertThat(ex.getResponseBodyAs(JsonNode.class).has("error")).isTrue();
						assertThat(ex.getResponseHeaders().get("Request-Id")).containsExactly("rq_theirs");
					});
			}
			finally {
				MDC.remove(RequestIds.MDC_KEY);
			}
			server.verify();
		});
	}

	@Test
	void raiseDownstreamErrorsTurnsErrorsOfEveryRestClientBuilderIntoTheTypedException() {
		this.clientRunner.withPropertyValues("augno.errors.client.raise-downstream-errors=true").run((context) -> {
			RestClient.Builder builder = context.getBean(RestClient.Builder.class);
			MockRestServiceServer server = expectNotFoundFor("rq_ours", builder);
			RestClient client = builder.build();
			MDC.put(RequestIds.MDC_KEY, "rq_ours");
			try {
				assertThatExceptionOfType(DownstreamErrorException.class)
					.isThrownBy(() -> client.get().uri("/terms/t9").retrieve().body(String.class))
					.satisfies((ex) -> {
						assertThat(ex.code()).isEqualTo("resource_not_found");
						assertThat(ex.errorMessage()).isEqualTo("Shipping term not found.");
						assertThat(ex.downstreamRequestId()).isEqualTo("rq_theirs");
						assertThat(ex.method()).isEqualTo(HttpMethod.GET);
						assertThat(ex.getMessage()).contains("downstream_request_id=rq_theirs")
							.doesNotContain("Shipping term");
					});
			}
			finally {
				MDC.remove(RequestIds.MDC_KEY);
			}
			server.verify();
		});
	}

	@Test
	void everyRestTemplateBuilderSendsTheRequestIdAndKeepsSpringsOwnExceptions() {
		this.clientRunner.run((context) -> {
			RestTemplate template = context.getBean(RestTemplateBuilder.class).build();
			assertThat(template.getInterceptors()).isEmpty();
			MockRestServiceServer server = MockRestServiceServer.bindTo(template).build();
			server.expect(requestTo("/terms/t9"))
				.andExpect(header("Request-Id", "rq_ours"))
				.andRespond(withStatus(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON).body(NOT_FOUND));
			server.expect(requestTo("/terms/t9"))
				.andExpect(header("Request-Id", "rq_callers"))
				.andRespond(withStatus(HttpStatus.OK));
			MDC.put(RequestIds.MDC_KEY, "rq_ours");
			try {
				assertThatExceptionOfType(HttpClientErrorException.NotFound.class)
					.isThrownBy(() -> template.getForObject("/terms/t9", String.class))
					.satisfies((ex) -> assertThat(ex.getResponseBodyAsString()).isEqualTo(NOT_FOUND));
				HttpHeaders own = new HttpHeaders();
				own.set("Request-Id", "rq_callers");
				template.exchange("/terms/t9", HttpMethod.GET, new HttpEntity<>(own), String.class);
			}
			finally {
				MDC.remove(RequestIds.MDC_KEY);
			}
			server.verify();
		});
	}

	@Test
	void raiseDownstreamErrorsTurnsErrorsOfEveryRestTemplateBuilderIntoTheTypedException() {
		this.clientRunner.withPropertyValues("augno.errors.client.raise-downstream-errors=true").run((context) -> {
			RestTemplate template = context.getBean(RestTemplateBuilder.class).build();
			MockRestServiceServer server = MockRestServiceServer.bindTo(template).build();
			server.expect(requestTo("/terms/t9"))
				.andRespond(withStatus(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON).body(NOT_FOUND));
			assertThatExceptionOfType(DownstreamErrorException.class)
				.isThrownBy(() -> template.getForObject("/terms/t9", String.class))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo("resource_not_found"));
		});
	}

	/**
	 * A client with a {@code ClientHttpRequestInterceptor} reads the whole request body
	 * into memory before it even creates the request it sends (Spring Framework 7's
	 * {@code InterceptingClientHttpRequest}); a streamed upload through a Boot-built
	 * client must not: the request is created first, and the body is read while it is
	 * sent.
	 */
	@Test
	void restClientBuilderKeepsAStreamedRequestBodyStreamed() {
		this.clientRunner.withPropertyValues("augno.errors.client.raise-downstream-errors=true").run((context) -> {
			List<String> events = new CopyOnWriteArrayList<>();
			List<String> sentIds = new CopyOnWriteArrayList<>();
			RestClient client = context.getBean(RestClient.Builder.class)
				.requestFactory(new RecordingRequestFactory(events, sentIds))
				.build();
			StreamingHttpOutputMessage.Body upload = (out) -> {
				events.add("body read");
				out.write(new byte[8192]);
			};
			MDC.put(RequestIds.MDC_KEY, "rq_ours");
			try {
				client.post()
					.uri("http://downstream/uploads")
					.contentType(MediaType.APPLICATION_OCTET_STREAM)
					.body(upload)
					.retrieve()
					.toBodilessEntity();
				client.post()
					.uri("http://downstream/uploads")
					.header("Request-Id", "rq_callers")
					.body(upload)
					.retrieve()
					.toBodilessEntity();
			}
			finally {
				MDC.remove(RequestIds.MDC_KEY);
			}
			assertThat(events).containsExactly("request created", "body read", "request created", "body read");
			assertThat(sentIds).containsExactly("[rq_ours]", "[rq_callers]");
		});
	}

	@Test
	void worksOutsideAWebApplicationWithoutTheMapper() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AugnoErrorsHttpClientAutoConfiguration.class,
					RestClientAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(DownstreamErrorHandler.class)
				.hasSingleBean(RestClientCustomizer.class)
				.doesNotHaveBean(RestClientExceptionMapper.class));
	}

	@Test
	void clientSideBacksOffWhenDisabled() {
		this.clientRunner.withPropertyValues("augno.errors.client.enabled=false").run((context) -> {
			assertThat(context).hasSingleBean(RestClientExceptionMapper.class)
				.doesNotHaveBean(DownstreamErrorHandler.class)
				.doesNotHaveBean(RequestIdInitializer.class)
				.doesNotHaveBean(DownstreamRetryPolicy.class);
			RestClient.Builder builder = context.getBean(RestClient.Builder.class);
			MockRestServiceServer server = MockRestServiceServer.bindTo(builder).build();
			server.expect(requestTo("/terms/t9"))
				.andRespond(withStatus(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON).body(NOT_FOUND));
			assertThatExceptionOfType(HttpClientErrorException.NotFound.class)
				.isThrownBy(() -> builder.build().get().uri("/terms/t9").retrieve().body(String.class));
		});
	}

	@Test
	void requestIdIsNotSentWhenPropagationIsOff() {
		this.clientRunner.withPropertyValues("augno.errors.client.propagate-request-id=false").run((context) -> {
			assertThat(context).doesNotHaveBean(RequestIdInitializer.class).hasSingleBean(DownstreamErrorHandler.class);
			RestClient.Builder builder = context.getBean(RestClient.Builder.class);
			MockRestServiceServer server = MockRestServiceServer.bindTo(builder).build();
			server.expect(requestTo("/ok"))
				.andExpect(headerDoesNotExist("Request-Id"))
				.andRespond(withStatus(HttpStatus.OK));
			getOkWhileServing("rq_ours", builder);
			server.verify();
		});
	}

	@Test
	void requestIdGivesWayToMicrometerTracing() {
		this.clientRunner.withBean(Tracer.class, () -> mock(Tracer.class)).run((context) -> {
			RestClient.Builder builder = context.getBean(RestClient.Builder.class);
			MockRestServiceServer server = MockRestServiceServer.bindTo(builder).build();
			server.expect(requestTo("/ok"))
				.andExpect(headerDoesNotExist("Request-Id"))
				.andRespond(withStatus(HttpStatus.OK));
			getOkWhileServing("rq_ours", builder);
			server.verify();
		});
	}

	@Test
	void noOpTracerLeavesTheRequestIdInPlace() {
		this.clientRunner.withBean(Tracer.class, () -> Tracer.NOOP).run((context) -> {
			RestClient.Builder builder = context.getBean(RestClient.Builder.class);
			MockRestServiceServer server = MockRestServiceServer.bindTo(builder).build();
			server.expect(requestTo("/ok"))
				.andExpect(header("Request-Id", "rq_ours"))
				.andRespond(withStatus(HttpStatus.OK));
			getOkWhileServing("rq_ours", builder);
			server.verify();
		});
	}

	@Test
	void requestIdHeaderIsConfigurable() {
		this.clientRunner.withPropertyValues("augno.errors.client.request-id-header=X-Correlation-Id")
			.run((context) -> {
				RestClient.Builder builder = context.getBean(RestClient.Builder.class);
				MockRestServiceServer server = MockRestServiceServer.bindTo(builder).build();
				server.expect(requestTo("/ok"))
					.andExpect(header("X-Correlation-Id", "rq_ours"))
					.andExpect(headerDoesNotExist("Request-Id"))
					.andRespond(withStatus(HttpStatus.OK));
				getOkWhileServing("rq_ours", builder);
				server.verify();
			});
	}

	@Test
	void retryPolicyFollowsTheProperties() {
		this.clientRunner
			.withPropertyValues("augno.errors.client.retry.max-attempts=2",
					"augno.errors.client.retry.initial-delay=50ms", "augno.errors.client.retry.jitter=0")
			.run((context) -> {
				BackOffExecution execution = context.getBean(DownstreamRetryPolicy.class).getBackOff().start();
				assertThat(execution.nextBackOff()).isEqualTo(50L);
				assertThat(execution.nextBackOff()).isEqualTo(BackOffExecution.STOP);
			});
	}

	@Test
	void maxBodySizeBoundsWhatIsRead() {
		this.clientRunner
			.withPropertyValues("augno.errors.client.max-body-size=16B",
					"augno.errors.client.raise-downstream-errors=true")
			.run((context) -> {
				RestClient.Builder builder = context.getBean(RestClient.Builder.class);
				MockRestServiceServer server = MockRestServiceServer.bindTo(builder).build();
				server.expect(requestTo("/terms/t9"))
					.andRespond(
							withStatus(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON).body(NOT_FOUND));
				assertThatExceptionOfType(DownstreamErrorException.class)
					.isThrownBy(() -> builder.build().get().uri("/terms/t9").retrieve().body(String.class))
					.satisfies((ex) -> assertThat(ex.isEnvelope()).isFalse());
			});
	}

	@Test
	void passThroughCodesReachTheMapper() {
		this.clientRunner.withPropertyValues("augno.errors.client.pass-through-codes=resource_not_found")
			.run((context) -> {
				DownstreamError error = new DownstreamError(404, "resource_not_found", null, "Shipping term not found.",
						null, false, null, null, null, true);
				assertThat(context.getBean(RestClientExceptionMapper.class)
					.map(new DownstreamErrorException(error, new HttpHeaders(), HttpMethod.GET, false, false))
					.code()
					.code()).isEqualTo("resource_not_found");
			});
	}

	/**
	 * Bind a mock server to the builder that answers {@code /terms/t9} sent with the
	 * given request id with a 404 envelope and its own request id, {@code rq_theirs}.
	 */
	private static MockRestServiceServer expectNotFoundFor(String requestId, RestClient.Builder builder) {
		MockRestServiceServer server = MockRestServiceServer.bindTo(builder).build();
		server.expect(requestTo("/terms/t9"))
			.andExpect(header("Request-Id", requestId))
			.andRespond(withStatus(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
				.header("Request-Id", "rq_theirs")
				.body(NOT_FOUND));
		return server;
	}

	/**
	 * Call {@code /ok} as the request with the given id would, from the MDC.
	 */
	private static void getOkWhileServing(String requestId, RestClient.Builder builder) {
		MDC.put(RequestIds.MDC_KEY, requestId);
		try {
			builder.build().get().uri("/ok").retrieve().toBodilessEntity();
		}
		finally {
			MDC.remove(RequestIds.MDC_KEY);
		}
	}

	/**
	 * Creates requests that stream their body as a real client's do, and records when a
	 * request is created and which request id it sends.
	 */
	private record RecordingRequestFactory(List<String> events,
			List<String> sentIds) implements ClientHttpRequestFactory {

		@Override
		public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) {
			this.events.add("request created");
			return new StreamingRequest(uri, httpMethod, this.sentIds);
		}

	}

	private static final class StreamingRequest extends AbstractStreamingClientHttpRequest {

		private final URI uri;

		private final HttpMethod method;

		private final List<String> sentIds;

		StreamingRequest(URI uri, HttpMethod method, List<String> sentIds) {
			this.uri = uri;
			this.method = method;
			this.sentIds = sentIds;
		}

		@Override
		public HttpMethod getMethod() {
			return this.method;
		}

		@Override
		public URI getURI() {
			return this.uri;
		}

		@Override
		protected ClientHttpResponse executeInternal(HttpHeaders headers,
				StreamingHttpOutputMessage.@Nullable Body body) throws IOException {
			this.sentIds.add(String.valueOf(headers.get("Request-Id")));
			if (body != null) {
				body.writeTo(OutputStream.nullOutputStream());
			}
			return new MockClientHttpResponse(new byte[0], HttpStatus.OK);
		}

	}

}
