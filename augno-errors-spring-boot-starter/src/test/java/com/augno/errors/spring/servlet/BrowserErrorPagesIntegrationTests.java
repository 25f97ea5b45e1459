package com.augno.errors.spring.servlet;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import com.augno.errors.spring.test.LoopbackHttp;
import com.augno.errors.test.AugnoErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.InternalResourceView;
import org.springframework.web.util.ContentCachingResponseWrapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Thymeleaf application with its own error pages ({@code error/404}, {@code error/5xx},
 * a general {@code error}, a layout and German messages), over a real Tomcat: a browser
 * gets the application's page with the right status, the code and the request id; an API
 * client asking the same URL gets the envelope. gh-11 §2
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "spring.thymeleaf.prefix=classpath:/browser-app/templates/",
				"spring.messages.basename=browser-app/messages", "spring.messages.fallback-to-system-locale=false" })
@ExtendWith(OutputCaptureExtension.class)
class BrowserErrorPagesIntegrationTests {

	static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	@LocalServerPort
	private int port;

	private final LoopbackHttp http = new LoopbackHttp(() -> this.port);

	@Test
	void aBrowserGetsTheApplicationsNotFoundPageInItsLayoutAndLanguage() throws Exception {
		HttpResponse<String> response = this.http
			.send(this.http.request("/nope").header("Accept", BROWSER).header("Accept-Language", "de"));
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
		String requestId = response.headers().firstValue("Request-Id").orElseThrow();
		assertThat(response.body()).contains("<title>Tierklinik</title>", ">Startseite</a>", "Seite nicht gefunden",
				"<p id=\"page\">error/404</p>", "<p id=\"status\">404 Not Found</p>",
				"<p id=\"code\">resource_not_found</p>", "<p id=\"message\">Unrecognized request URL: GET /nope.</p>",
				"<p id=\"path\">/nope</p>", "<p id=\"request-id\">" + requestId + "</p>")
			.doesNotContain("\"error\"", "Whitelabel");
	}

	@Test
	void aBrowserGetsTheServerErrorPageWithoutTheExceptionsMessage(CapturedOutput output) throws Exception {
		HttpResponse<String> response = this.http.send(this.http.request("/crash").header("Accept", BROWSER));
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
		String requestId = response.headers().firstValue("Request-Id").orElseThrow();
		assertThat(response.body())
			.contains(">Home</a>", "Something went wrong on our side", "<p id=\"page\">error/5xx</p>",
					"<p id=\"status\">500 Internal Server Error</p>", "<p id=\"code\">internal_error</p>",
					"<p id=\"message\">Something went wrong.</p>", "<p id=\"request-id\">" + requestId + "</p>",
					"<p id=\"request-log\">https://augno.com/dashboard/request-logs/" + requestId + "</p>")
			.doesNotContain("jdbc:", "IllegalStateException", "Whitelabel");
		assertThat(output).contains("500 internal_error for GET /crash (request_id=" + requestId + ")")
			.doesNotContain("Servlet.service()");
	}

	@Test
	void aBrowserGetsTheGeneralPageForABadParameter() throws Exception {
		HttpResponse<String> response = this.http.send(this.http.request("/owners/abc").header("Accept", BROWSER));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
		assertThat(response.body()).contains("<p id=\"page\">error</p>", "<p id=\"status\">400 Bad Request</p>",
				"<p id=\"code\">parameter_invalid</p>", "<p id=\"param\">id</p>",
				"<p id=\"request-id\">" + response.headers().firstValue("Request-Id").orElseThrow() + "</p>");
	}

	@Test
	void aBrowserPostingAFormToAGetOnlyUrlGetsThePageWithAllow() throws Exception {
		HttpResponse<String> response = this.http.postForm("/owners/new", "name=Rex", "Accept", BROWSER);
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().firstValue("Allow")).hasValue("GET");
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
		assertThat(response.body()).contains("<p id=\"page\">error</p>", "<p id=\"code\">method_not_allowed</p>");
	}

	@Test
	void aBrowserGetsTheServerErrorPageWhenTheApplicationsTemplateFails(CapturedOutput output) throws Exception {
		HttpResponse<String> response = this.http.send(this.http.request("/broken").header("Accept", BROWSER));
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
		String requestId = response.headers().firstValue("Request-Id").orElseThrow();
		assertThat(response.body()).startsWith("<!DOCTYPE html>")
			.contains("<p id=\"page\">error/5xx</p>", "<p id=\"code\">internal_error</p>",
					"<p id=\"request-id\">" + requestId + "</p>")
			.doesNotContain("BROKEN-TEMPLATE-START", "pet.name", "SpelEvaluationException");
		assertThat(output).contains("500 internal_error for GET /broken (request_id=" + requestId + ")");
	}

	@Test
	void anErrorPageThatFailsToRenderGivesTheErrorsEnvelopeWithItsStatus(CapturedOutput output) throws Exception {
		HttpResponse<String> response = this.http
			.send(this.http.request("/owners/taken").header("Accept", BROWSER).header("Accept-Language", "en"));
		assertThat(response.statusCode()).isEqualTo(409);
		String requestId = response.headers().firstValue("Request-Id").orElseThrow();
		AugnoErrors.assertThat(response).isAugnoError("resource_conflict");
		assertThat(response.body()).doesNotContain("error/409");
		assertThat(output).contains("The error page for 409 resource_conflict of request " + requestId
				+ " failed to render; answered with the envelope");
	}

	@Test
	void theApplicationsOwnPagesStillRender() throws Exception {
		HttpResponse<String> response = this.http.send(this.http.request("/owners/7").header("Accept", BROWSER));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("<h1>Owner 7</h1>");
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/json", "*/*", "text/html, application/json", "application/json, text/html" })
	void anApiClientGetsTheWholeEnvelopeForAnUnknownUrl(String accept) throws Exception {
		HttpResponse<String> response = this.http.send(this.http.request("/nope").header("Accept", accept));
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		AugnoErrors.assertThat(response)
			.isAugnoError("resource_not_found")
			.hasMessage("Unrecognized request URL: GET /nope.")
			.hasNoParam();
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/json", "*/*" })
	void anApiClientGetsTheWholeEnvelopeForACrash(String accept, CapturedOutput output) throws Exception {
		HttpResponse<String> response = this.http.send(this.http.request("/crash").header("Accept", accept));
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		AugnoErrors.assertThat(response)
			.isAugnoError("internal_error")
			.hasMessage("Something went wrong.")
			.hasNoParam();
		assertThat(output).contains("500 internal_error for GET /crash");
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/json", "*/*" })
	void anApiClientGetsTheWholeEnvelopeForABadParameterAWrongMethodAndAFailedTemplate(String accept,
			CapturedOutput output) throws Exception {
		HttpResponse<String> badParameter = this.http.send(this.http.request("/owners/abc").header("Accept", accept));
		AugnoErrors.assertThat(badParameter)
			.isAugnoError("parameter_invalid")
			.hasMessage("ID must be an integer.")
			.hasParam("id");
		HttpResponse<String> wrongMethod = this.http.postForm("/owners/new", "name=Rex", "Accept", accept);
		AugnoErrors.assertThat(wrongMethod)
			.isAugnoError("method_not_allowed")
			.hasMessage("Method not allowed.")
			.hasNoParam();
		HttpResponse<String> failedTemplate = this.http.send(this.http.request("/broken").header("Accept", accept));
		// The view set the response's charset before it failed; the envelope keeps it.
		assertThat(failedTemplate.headers().firstValue("Content-Type")).hasValueSatisfying(
				(contentType) -> assertThat(contentType).isIn("application/json", "application/json;charset=UTF-8"));
		AugnoErrors.assertThat(failedTemplate)
			.isAugnoError("internal_error")
			.hasMessage("Something went wrong.")
			.hasNoParam();
		assertThat(output).contains("500 internal_error for GET /broken");
	}

	@Test
	void aMechanismsBodilessChallengeIsLeftUntouchedForABrowserAndEnvelopedForAnApiClient() throws Exception {
		HttpResponse<String> page = this.http.send(this.http.request("/reports").header("Accept", BROWSER));
		assertThat(page.statusCode()).isEqualTo(403);
		assertThat(page.headers().allValues("WWW-Authenticate")).containsExactly(INSUFFICIENT_SCOPE);
		assertThat(page.body()).isEmpty();
		HttpResponse<String> api = this.http.send(this.http.request("/reports").header("Accept", "application/json"));
		AugnoErrors.assertThat(api).isAugnoError("insufficient_permissions");
		assertThat(api.headers().allValues("WWW-Authenticate")).containsExactly(INSUFFICIENT_SCOPE);
	}

	@Test
	void aBrowserGetsTheServerErrorPageOfAFailedCallableBehindACachingFilter(CapturedOutput output) throws Exception {
		HttpResponse<String> response = this.http.send(this.http.request("/cached/crash").header("Accept", BROWSER));
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
		assertThat(response.headers().firstValue("Content-Length"))
			.hasValue(Integer.toString(response.body().getBytes(StandardCharsets.UTF_8).length));
		assertThat(response.body()).contains("<p id=\"page\">error/5xx</p>", "<p id=\"code\">internal_error</p>");
		assertThat(output).contains("500 internal_error for GET /cached/crash");
	}

	@Test
	void aViewForwardedToNothingIsNamedByThePathTheClientAskedFor() throws Exception {
		HttpResponse<String> page = this.http.send(this.http.request("/owners/lost").header("Accept", BROWSER));
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body())
			.contains("<p id=\"path\">/owners/lost</p>",
					"<p id=\"message\">Unrecognized request URL: GET /owners/lost.</p>")
			.doesNotContain("does-not-exist");
		HttpResponse<String> envelope = this.http.get("/owners/lost", "Accept", "application/json");
		AugnoErrors.assertThat(envelope)
			.isAugnoError("resource_not_found")
			.hasMessage("Unrecognized request URL: GET /owners/lost.");
	}

	private static final String INSUFFICIENT_SCOPE = "Bearer error=\"insufficient_scope\"";

	@SpringBootApplication
	static class App {

		@Controller
		static class OwnerController {

			@GetMapping("/owners/new")
			String newOwner() {
				return "owner";
			}

			@GetMapping("/owners/{id}")
			String owner(@PathVariable int id, Model model) {
				model.addAttribute("owner", "Owner " + id);
				return "owner";
			}

			@GetMapping("/owners/taken")
			String taken() {
				throw new ResponseStatusException(HttpStatus.CONFLICT);
			}

			@GetMapping("/crash")
			String crash() {
				throw new IllegalStateException("Connection to jdbc:postgresql://db.internal:5432/clinic refused");
			}

			// A view name no template resolves, which a view resolver forwards to.
			@GetMapping("/owners/lost")
			ModelAndView lost() {
				return new ModelAndView(new InternalResourceView("/views/does-not-exist"));
			}

			@GetMapping("/broken")
			String broken() {
				return "broken";
			}

			// What an OAuth2 resource server's access denied handler does: a status and
			// its
			// challenge, no body.
			@GetMapping("/reports")
			void reports(HttpServletResponse response) {
				response.addHeader("WWW-Authenticate", INSUFFICIENT_SCOPE);
				response.setStatus(403);
			}

			@GetMapping("/cached/crash")
			Callable<String> cachedCrash() {
				return () -> {
					throw new IllegalStateException("Callable failed");
				};
			}

		}

		// A response logging filter that skips async dispatches, as most do.
		@Bean
		FilterRegistrationBean<OncePerRequestFilter> cachingFilter() {
			FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
					new OncePerRequestFilter() {
						@Override
						protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
								FilterChain chain) throws ServletException, IOException {
							ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
							try {
								chain.doFilter(request, wrapper);
							}
							finally {
								wrapper.copyBodyToResponse();
							}
						}
					});
			registration.addUrlPatterns("/cached/*");
			return registration;
		}

	}

}
