package com.augno.errors.spring.servlet;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.InputMismatchException;

import com.augno.errors.AugnoException;
import com.augno.errors.ErrorType;
import com.augno.errors.spring.test.LoopbackHttp;
import com.augno.errors.spring.web.ExclusiveParameters;
import com.augno.errors.test.AugnoErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.MDC;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mapping rows of Spring MVC's own failures and of {@link AugnoException}, over a
 * real Tomcat, each asserting status, headers and the whole envelope.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "server.shutdown=immediate",
		"spring.mvc.async.request-timeout=200ms",
		"augno.errors.exceptions[java.util.NoSuchElementException]=resource_not_found",
		"augno.errors.codes.ledger_locked.status=423", "augno.errors.codes.ledger_locked.message=The ledger is locked.",
		"augno.errors.request-id.trusted-header=X-Request-Id", "logging.level.com.augno.errors=DEBUG",
		"spring.servlet.multipart.max-file-size=1KB", "spring.web.resources.static-locations=classpath:/augno-static/",
		"spring.servlet.multipart.max-request-size=2KB" })
@ExtendWith(OutputCaptureExtension.class)
class SpringMvcErrorsIntegrationTests {

	@LocalServerPort
	private int port;

	private final LoopbackHttp http = new LoopbackHttp(() -> this.port);

	@Test
	void augnoExceptionKeepsItsCodeMessageAndParam() throws Exception {
		HttpResponse<String> response = this.http.get("/augno/not-found");
		AugnoErrors.assertThat(response)
			.isAugnoError("resource_not_found")
			.hasContentLength()
			.hasMessage("Shipping term not found.")
			.hasParam("id");
	}

	@Test
	void augnoExceptionWithQuotaWritesTheQuota() throws Exception {
		HttpResponse<String> response = this.http.get("/augno/limit");
		AugnoErrors.assertThat(response)
			.isAugnoError("limit_exceeded")
			.hasMessage("You have reached the maximum number of sandbox accounts for your plan.")
			.hasNoParam()
			.hasQuota(5, 5, "2026-12-01T00:00:00Z");
	}

	@Test
	void augnoExceptionWithRetryAfterSendsTheHeader() throws Exception {
		HttpResponse<String> response = this.http.get("/augno/rate-limited");
		assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
		AugnoErrors.assertThat(response)
			.isAugnoError("rate_limit_exceeded")
			.hasMessage("Too many requests. Please wait before trying again.")
			.hasNoParam();
	}

	@Test
	void augnoExceptionWithTypeOverrideDecidesTransience() throws Exception {
		HttpResponse<String> response = this.http.get("/augno/idempotency-reused");
		AugnoErrors.assertThat(response)
			.isAugnoError("validation_failed", ErrorType.IDEMPOTENCY_ERROR)
			.hasMessage("Idempotency key 'req_abc123' was used with different request parameters; use a new key.")
			.hasNoParam()
			.isNotTransient();
	}

	@Test
	void augnoExceptionWithACustomCodeUsesItsConfiguredStatusAndMessage() throws Exception {
		HttpResponse<String> response = this.http.get("/augno/custom");
		AugnoErrors.assertThat(response)
			.isAugnoError("ledger_locked", ErrorType.INVALID_REQUEST_ERROR)
			.hasStatus(423)
			.hasMessage("The ledger is locked.")
			.hasNoParam()
			.isNotTransient()
			.hasNoQuota();
	}

	@Test
	void augnoExceptionWithAnUnknownCodeIsAnInternalErrorNamingTheClosestCode(CapturedOutput output) throws Exception {
		HttpResponse<String> response = this.http.get("/augno/typo");
		AugnoErrors.assertThat(response)
			.isAugnoError("internal_error")
			.hasMessage("Something went wrong.")
			.hasNoParam();
		assertThat(output).contains("did you mean 'resource_not_found'");
	}

	@Test
	void unmappedUrlIsResourceNotFoundNamingMethodAndPath() throws Exception {
		HttpResponse<String> response = this.http.get("/v1/nothing-here");
		AugnoErrors.assertThat(response)
			.isAugnoError("resource_not_found")
			.hasMessage("Unrecognized request URL: GET /v1/nothing-here.")
			.hasNoParam();
	}

	@Test
	void wrongMethodIsMethodNotAllowedWithAllow(CapturedOutput output) throws Exception {
		HttpResponse<String> response = this.http.send(this.http.request("/augno/not-found").DELETE());
		assertThat(output).as("no WARN from Spring for a client error").doesNotContain("PageNotFound");
		assertThat(response.headers().firstValue("Allow")).hasValue("GET");
		AugnoErrors.assertThat(response)
			.isAugnoError("method_not_allowed")
			.hasMessage("Method not allowed.")
			.hasNoParam();
	}

	@Test
	void allowListsTheMethodsInAStableOrder() throws Exception {
		// gh-12: the handler methods are declared PATCH, DELETE, POST; Allow follows the
		// documented order instead of the order Spring MVC found them in.
		HttpResponse<String> response = this.http
			.send(this.http.request("/mvc/methods").PUT(HttpRequest.BodyPublishers.noBody()));
		assertThat(response.headers().allValues("Allow")).containsExactly("POST, PATCH, DELETE");
		AugnoErrors.assertThat(response)
			.isAugnoError("method_not_allowed")
			.hasMessage("Method not allowed.")
			.hasNoParam();
	}

	@Test
	void unacceptableMediaTypeIsStillAJsonEnvelope() throws Exception {
		HttpResponse<String> response = this.http
			.send(this.http.request("/mvc/json").header("Accept", "application/xml").GET());
		AugnoErrors.assertThat(response)
			.isAugnoError("not_acceptable")
			.hasContentLength()
			.hasMessage("The requested media type is not available for this resource.")
			.hasNoParam();
		assertThat(response.headers().firstValue("Accept"))
			.hasValueSatisfying((accept) -> assertThat(accept).startsWith("application/json"));
	}

	@Test
	void unsupportedContentTypeIsUnsupportedMediaType() throws Exception {
		HttpResponse<String> response = this.http.send(this.http.request("/mvc/body")
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString("hello")));
		assertThat(response.headers().firstValue("Accept"))
			.hasValueSatisfying((accept) -> assertThat(accept).contains("application/json"));
		AugnoErrors.assertThat(response)
			.isAugnoError("unsupported_media_type")
			.hasMessage("The request's content type is not supported.")
			.hasNoParam();
	}

	@Test
	void missingRequestParamIsParameterMissingByWireName() throws Exception {
		HttpResponse<String> response = this.http.get("/mvc/params");
		AugnoErrors.assertThat(response)
			.isAugnoError("parameter_missing")
			.hasMessage("Page size is required.")
			.hasParam("page_size");
	}

	@Test
	void missingRequestHeaderIsParameterMissingByHeaderName() throws Exception {
		HttpResponse<String> response = this.http.get("/mvc/header");
		AugnoErrors.assertThat(response)
			.isAugnoError("parameter_missing")
			.hasMessage("The Augno-Account header is required.")
			.hasParam("Augno-Account");
	}

	@Test
	void missingPathVariableIsParameterMissing() throws Exception {
		HttpResponse<String> response = this.http.get("/mvc/details");
		AugnoErrors.assertThat(response).isAugnoError("parameter_missing").hasMessage("ID is required.").hasParam("id");
	}

	@Test
	void mistypedRequestParamIsParameterInvalidByWireName() throws Exception {
		HttpResponse<String> response = this.http.get("/mvc/params?page_size=many");
		AugnoErrors.assertThat(response)
			.isAugnoError("parameter_invalid")
			.hasMessage("Page size must be an integer.")
			.hasParam("page_size");
	}

	@Test
	void mistypedPathVariableIsParameterInvalid() throws Exception {
		HttpResponse<String> response = this.http.get("/mvc/details/abc");
		AugnoErrors.assertThat(response)
			.isAugnoError("parameter_invalid")
			.hasMessage("ID must be an integer.")
			.hasParam("id");
	}

	@Test
	void anOversizedUploadIsRequestTooLarge() throws Exception {
		String boundary = "augno";
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
				+ "Content-Type: text/plain\r\n\r\n" + "x".repeat(4096) + "\r\n--" + boundary + "--\r\n";
		HttpResponse<String> response = this.http.send(this.http.request("/mvc/upload")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofString(body)));
		AugnoErrors.assertThat(response)
			.isAugnoError("request_too_large")
			.hasMessage("The request is too large.")
			.hasNoParam();
	}

	@Test
	void asyncTimeoutIsRequestTimeout() throws Exception {
		HttpResponse<String> response = this.http.get("/mvc/slow");
		AugnoErrors.assertThat(response).isAugnoError("request_timeout").hasMessage("Request timed out.").hasNoParam();
		// So that a client which resends a 408 on its own (OkHttp) does not.
		assertThat(response.headers().allValues("Retry-After")).containsExactly("1");
	}

	@Test
	void responseStatusExceptionKeepsItsReasonForAClientError() throws Exception {
		HttpResponse<String> response = this.http.get("/mvc/status/409");
		AugnoErrors.assertThat(response).isAugnoError("resource_conflict").hasMessage("Reason 409.").hasNoParam();
	}

	@Test
	void responseStatusExceptionHidesItsReasonForAServerError() throws Exception {
		HttpResponse<String> response = this.http.get("/mvc/status/502");
		AugnoErrors.assertThat(response)
			.isAugnoError("external_service_error")
			.hasMessage("A downstream provider returned an error.")
			.hasNoParam();
		assertThat(response.body()).doesNotContain("Reason 502");
	}

	@Test
	void responseStatusAnnotationIsHonoured() throws Exception {
		HttpResponse<String> response = this.http.get("/mvc/annotated");
		AugnoErrors.assertThat(response).isAugnoError("resource_gone").hasMessage("This item is gone.").hasNoParam();
	}

	@Test
	void configuredExceptionClassMapsToItsCodeWithSubclasses() throws Exception {
		HttpResponse<String> response = this.http.get("/mvc/configured");
		AugnoErrors.assertThat(response)
			.isAugnoError("resource_not_found")
			.hasMessage("The requested resource was not found.")
			.hasNoParam();
	}

	@Test
	void anUnknownExceptionIsAnInternalErrorThatLeaksNothingButIsLoggedWithTheRequestId(CapturedOutput output)
			throws Exception {
		HttpResponse<String> response = this.http.get("/mvc/crash");
		String requestId = AugnoErrors.assertThat(response)
			.isAugnoError("internal_error")
			.hasMessage("Something went wrong.")
			.hasNoParam()
			.requestId();
		assertThat(response.body()).doesNotContain("hunter2", "IllegalStateException", "jdbc");
		assertThat(output).contains("password=hunter2")
			.contains("500 internal_error for GET /mvc/crash (request_id=" + requestId + ")")
			.contains("at com.augno.errors.spring.servlet.SpringMvcErrorsIntegrationTests$App.crash");
		assertThat(output.toString().split("password=hunter2", -1)).as("the cause is logged once").hasSize(2);
	}

	@Test
	void anExceptionFromAFilterIsEnveloped() throws Exception {
		HttpResponse<String> response = this.http
			.send(this.http.request("/augno/not-found").header("X-Fail-In-Filter", "yes").GET());
		AugnoErrors.assertThat(response)
			.isAugnoError("service_unavailable")
			.hasMessage("The service is temporarily unavailable. Please try again later.")
			.hasNoParam();
	}

	@Test
	void anErrorStatusAFilterSetWithoutABodyGetsTheEnvelopeAndKeepsItsHeaders() throws Exception {
		HttpResponse<String> response = this.http
			.send(this.http.request("/augno/not-found").header("X-Deny-In-Filter", "yes").GET());
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"augno\"");
		AugnoErrors.assertThat(response)
			.isAugnoError("invalid_credentials")
			.hasContentLength()
			.hasMessage("No credentials were provided.")
			.hasNoParam();
	}

	@Test
	void anErrorStatusAHandlerReturnedWithoutABodyGetsTheEnvelope() throws Exception {
		AugnoErrors.assertThat(this.http.get("/mvc/empty-not-found"))
			.isAugnoError("resource_not_found")
			.hasContentLength()
			.hasMessage("The requested resource was not found.");
	}

	@Test
	void aFailedPreconditionKeepsItsStatus() throws Exception {
		HttpResponse<String> response = this.http.send(this.http.request("/mvc/conditional")
			.header("If-Match", "\"v1\"")
			.PUT(HttpRequest.BodyPublishers.ofString("x")));
		AugnoErrors.assertThat(response)
			.isAugnoError("precondition_failed")
			.hasMessage("The resource has changed since it was last read.");
		assertThat(response.statusCode()).isEqualTo(412);
		assertThat(this.http
			.send(this.http.request("/mvc/conditional")
				.header("If-Match", "\"v2\"")
				.PUT(HttpRequest.BodyPublishers.ofString("x")))
			.statusCode()).isEqualTo(200);
	}

	@Test
	void aRangeOutsideAStaticResourceKeepsItsStatusAndContentRange() throws Exception {
		HttpResponse<String> response = this.http
			.send(this.http.request("/hello.txt").header("Range", "bytes=500-600").GET());
		AugnoErrors.assertThat(response).isAugnoError("range_not_satisfiable");
		assertThat(response.statusCode()).isEqualTo(416);
		assertThat(response.headers().firstValue("Content-Range")).hasValue("bytes */25");
		HttpResponse<String> partial = this.http
			.send(this.http.request("/hello.txt").header("Range", "bytes=0-4").GET());
		assertThat(partial.statusCode()).isEqualTo(206);
		assertThat(partial.body()).isEqualTo("hello");
	}

	@Test
	void anErrorStatusThatNoCodeAnswersWithIsLeftAsTheHandlerSetIt() throws Exception {
		HttpResponse<String> response = this.http.get("/mvc/empty/422");
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.body()).isEmpty();
		assertThat(this.http.get("/mvc/empty/418").statusCode()).isEqualTo(418);
		AugnoErrors.assertThat(this.http.get("/mvc/empty/409")).isAugnoError("resource_conflict");
	}

	@Test
	void aStatusNoCodeStandsForThatTheApplicationRaisesKeepsThatStatusWithTheNearestCode() throws Exception {
		// ResponseStatusException and sendError with a 422, a 418 and a 501: the
		// envelope, with the status the application chose, as without the starter.
		AugnoErrors.assertThat(this.http.get("/mvc/status/422"))
			.isAugnoError("validation_failed")
			.hasStatus(422)
			.hasMessage("Reason 422.");
		AugnoErrors.assertThat(this.http.get("/mvc/send-error/418")).isAugnoError("validation_failed").hasStatus(418);
		HttpResponse<String> notImplemented = this.http.get("/mvc/status/501");
		AugnoErrors.assertThat(notImplemented).isAugnoError("internal_error").hasStatus(501);
		assertThat(notImplemented.body()).doesNotContain("Reason 501");
		// A status a code stands for still takes that code's status.
		AugnoErrors.assertThat(this.http.get("/mvc/status/400")).isAugnoError("validation_failed").hasStatus(400);
		AugnoErrors.assertThat(this.http.get("/mvc/status/500")).isAugnoError("internal_error").hasStatus(500);
	}

	@Test
	void aResponseStatusExceptionForAFailedPreconditionKeepsItsStatus() throws Exception {
		AugnoErrors.assertThat(this.http.get("/mvc/status/412"))
			.isAugnoError("precondition_failed")
			.hasMessage("Reason 412.");
	}

	@Test
	void anUnknownUrlEndingInAnExecutableExtensionKeepsSpringsDownloadProtection() throws Exception {
		HttpResponse<String> response = this.http.get("/downloads/setup.bat");
		AugnoErrors.assertThat(response).isAugnoError("resource_not_found");
		assertThat(response.headers().firstValue("Content-Disposition")).hasValue("inline;filename=f.txt");
		assertThat(this.http.get("/downloads/setup").headers().firstValue("Content-Disposition")).isEmpty();
	}

	@Test
	void aBare401ToARequestWithCredentialsSaysTheyAreIncorrect() throws Exception {
		HttpResponse<String> response = this.http.send(this.http.request("/augno/not-found")
			.header("X-Deny-In-Filter", "yes")
			.header("Authorization", "Bearer expired-or-forged")
			.GET());
		AugnoErrors.assertThat(response)
			.isAugnoError("invalid_credentials")
			.hasMessage("The provided credentials are incorrect.");
	}

	@Test
	void sendErrorIsEnvelopedThroughTheErrorController() throws Exception {
		HttpResponse<String> response = this.http.get("/mvc/send-error");
		AugnoErrors.assertThat(response)
			.isAugnoError("insufficient_permissions")
			.hasContentLength()
			.hasMessage("You do not have permission to perform this action.")
			.hasNoParam();
	}

	@Test
	void exclusiveParametersGivenTogetherNameTheSecond() throws Exception {
		HttpResponse<String> response = this.http.get("/mvc/items?page=2&cursor=abc");
		AugnoErrors.assertThat(response)
			.isAugnoError("parameters_exclusive")
			.hasMessage("The cursor and page parameters cannot be used together.")
			.hasParam("page");
	}

	@Test
	void exclusiveParametersAloneAreAccepted() throws Exception {
		assertThat(this.http.get("/mvc/items?cursor=abc").statusCode()).isEqualTo(200);
		assertThat(this.http.get("/mvc/items?page=2&skip=3").statusCode())
			.as("unknown parameters are allowed by default")
			.isEqualTo(200);
	}

	@Test
	void theRequestIdIsTheSameInHeaderLinkAndLog(CapturedOutput output) throws Exception {
		HttpResponse<String> response = this.http.get("/mvc/log");
		assertThat(response.statusCode()).isEqualTo(200);
		String requestId = response.headers().firstValue("Request-Id").orElseThrow();
		assertThat(requestId).matches("rq_[a-z0-9]{20}");
		assertThat(response.body()).isEqualTo(requestId);
		assertThat(output).contains("handling with request_id=" + requestId);
	}

	@Test
	void aValidTrustedRequestIdIsReused() throws Exception {
		HttpResponse<String> response = this.http
			.send(this.http.request("/augno/not-found").header("X-Request-Id", "req-42.a_b").GET());
		AugnoErrors.assertThat(response).isAugnoError("resource_not_found").hasRequestId("req-42.a_b");
	}

	@Test
	void anInvalidTrustedRequestIdIsReplaced() throws Exception {
		HttpResponse<String> response = this.http
			.send(this.http.request("/augno/not-found").header("X-Request-Id", "bad id\"<script>").GET());
		assertThat(AugnoErrors.assertThat(response).isAugnoError("resource_not_found").requestId())
			.matches("rq_[a-z0-9]{20}");
	}

	@Test
	void clientErrorsAreLoggedAtDebugWithoutStackTrace(CapturedOutput output) throws Exception {
		String requestId = AugnoErrors.assertThat(this.http.get("/mvc/params?page_size=many"))
			.isAugnoError("parameter_invalid")
			.requestId();
		String line = output.getOut()
			.lines()
			.filter((l) -> l.contains("request_id=" + requestId))
			.findFirst()
			.orElseThrow();
		assertThat(line).contains("DEBUG").contains("400 parameter_invalid for GET /mvc/params");
		assertThat(output.toString()).doesNotContain("\tat org.springframework.beans.TypeConverterSupport");
	}

	@SpringBootApplication
	@RestController
	static class App {

		@GetMapping("/augno/not-found")
		String notFound() {
			throw AugnoException.of("resource_not_found").message("Shipping term not found.").param("id");
		}

		@GetMapping("/augno/limit")
		String limit() {
			throw AugnoException.of("limit_exceeded")
				.message("You have reached the maximum number of sandbox accounts for your plan.")
				.quota(5, 5, Instant.parse("2026-12-01T00:00:00Z"));
		}

		@GetMapping("/augno/rate-limited")
		String rateLimited() {
			throw AugnoException.of("rate_limit_exceeded").retryAfter(Duration.ofMillis(1500));
		}

		@GetMapping("/augno/idempotency-reused")
		String idempotencyReused() {
			throw AugnoException.of("validation_failed")
				.type(ErrorType.IDEMPOTENCY_ERROR)
				.message("Idempotency key 'req_abc123' was used with different request parameters; use a new key.");
		}

		@GetMapping("/augno/custom")
		String custom() {
			throw AugnoException.of("ledger_locked");
		}

		@GetMapping("/augno/typo")
		String typo() {
			throw AugnoException.of("resource_not_fuond");
		}

		@GetMapping(path = "/mvc/json", produces = "application/json")
		String json() {
			return "{}";
		}

		@PostMapping("/mvc/body")
		String body(@RequestBody Item item) {
			return item.name();
		}

		@GetMapping("/mvc/params")
		String params(@RequestParam("page_size") int pageSize) {
			return Integer.toString(pageSize);
		}

		@GetMapping("/mvc/header")
		String header(@RequestHeader("Augno-Account") String account) {
			return account;
		}

		@GetMapping({ "/mvc/details", "/mvc/details/{id}" })
		String details(@PathVariable("id") long id) {
			return Long.toString(id);
		}

		@PostMapping("/mvc/upload")
		String upload(@RequestParam("file") MultipartFile file) {
			return file.getName();
		}

		@GetMapping("/mvc/slow")
		DeferredResult<String> slow() {
			return new DeferredResult<>();
		}

		@GetMapping("/mvc/status/{status}")
		String status(@PathVariable int status) {
			throw new ResponseStatusException(HttpStatus.valueOf(status), "Reason " + status + ".");
		}

		@GetMapping("/mvc/empty-not-found")
		ResponseEntity<Void> emptyNotFound() {
			return ResponseEntity.notFound().build();
		}

		@GetMapping("/mvc/empty/{status}")
		ResponseEntity<Void> empty(@PathVariable int status) {
			return ResponseEntity.status(status).build();
		}

		@PutMapping("/mvc/conditional")
		@Nullable ResponseEntity<String> conditional(WebRequest request) {
			return request.checkNotModified("\"v2\"") ? null : ResponseEntity.ok("updated");
		}

		@GetMapping("/mvc/annotated")
		String annotated() {
			throw new GoneException();
		}

		@GetMapping("/mvc/configured")
		String configured() {
			throw new InputMismatchException("not an item");
		}

		@GetMapping("/mvc/crash")
		String crash() {
			throw new IllegalStateException("jdbc:postgresql://db/app?user=app&password=hunter2");
		}

		@GetMapping("/mvc/send-error")
		void sendError(HttpServletResponse response) throws IOException {
			response.sendError(403, "internal detail");
		}

		@GetMapping("/mvc/send-error/{status}")
		void sendError(@PathVariable int status, HttpServletResponse response) throws IOException {
			response.sendError(status);
		}

		@GetMapping("/mvc/items")
		@ExclusiveParameters({ "cursor", "page" })
		String items(@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer page) {
			return "ok";
		}

		@PatchMapping("/mvc/methods")
		String patchMethods() {
			return "patched";
		}

		@DeleteMapping("/mvc/methods")
		String deleteMethods() {
			return "deleted";
		}

		@PostMapping("/mvc/methods")
		String postMethods() {
			return "posted";
		}

		@GetMapping("/mvc/log")
		String log() {
			LogFactory.getLog(App.class).info("handling with request_id=" + MDC.get("request_id"));
			return MDC.get("request_id");
		}

		@Bean
		FilterRegistrationBean<OncePerRequestFilter> failingFilter() {
			return new FilterRegistrationBean<>(new OncePerRequestFilter() {
				@Override
				protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
						FilterChain chain) throws ServletException, IOException {
					if (request.getHeader("X-Fail-In-Filter") != null) {
						throw AugnoException.of("service_unavailable");
					}
					if (request.getHeader("X-Deny-In-Filter") != null) {
						response.setHeader("WWW-Authenticate", "Bearer realm=\"augno\"");
						response.setStatus(401);
						return;
					}
					chain.doFilter(request, response);
				}
			});
		}

	}

	record Item(String name) {
	}

	@ResponseStatus(code = HttpStatus.GONE, reason = "This item is gone.")
	static class GoneException extends RuntimeException {

		private static final long serialVersionUID = 1L;

	}

}
