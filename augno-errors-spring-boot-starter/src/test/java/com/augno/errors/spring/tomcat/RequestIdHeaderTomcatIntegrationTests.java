package com.augno.errors.spring.tomcat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.augno.errors.spring.web.RequestIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a real Tomcat, where the request id header is set as bytes on Tomcat's own headers:
 * it arrives once and intact, the application reads it back through the Servlet API
 * ({@code getHeader}, {@code containsHeader}, {@code getHeaderNames}, as Spring
 * Security's header writers do), and it can replace it. A filter before the starter's,
 * which wraps the response, still sees the header set through its wrapper. A relayed id
 * replaces the starter's rather than doubling it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "augno.errors.filter.order=0" })
class RequestIdHeaderTomcatIntegrationTests {

	private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	private int port;

	@Test
	void sendsTheIdOnceAndTheApplicationReadsItBack() throws Exception {
		HttpResponse<String> response = get("/echo");
		assertThat(response.statusCode()).isEqualTo(200);
		List<String> ids = response.headers().allValues("Request-Id");
		assertThat(ids).hasSize(1);
		assertThat(ids.get(0)).matches("rq_[a-z0-9]{20}");
		assertThat(response.body()).isEqualTo(ids.get(0) + " " + ids.get(0) + " true true");
	}

	@Test
	void lendsTheApplicationTheHeaderToReplace() throws Exception {
		HttpResponse<String> response = get("/replace");
		assertThat(response.headers().allValues("Request-Id")).containsExactly("replaced");
	}

	/**
	 * A relay that copies a downstream's headers into its {@code ResponseEntity} (or adds
	 * the header itself) sends one id, the one it copied, not the starter's beside it.
	 */
	@Test
	void aRelayedRequestIdReplacesOursInsteadOfDoublingIt() throws Exception {
		assertThat(get("/relay").headers().allValues("Request-Id")).containsExactly("rq_downstream");
		assertThat(get("/relay-added").headers().allValues("Request-Id")).containsExactly("rq_added");
	}

	@Test
	void aWrapperBeforeTheFilterSeesTheHeader() throws Exception {
		HttpResponse<String> response = get("/echo?wrap");
		List<String> ids = response.headers().allValues("Request-Id");
		assertThat(ids).hasSize(1);
		assertThat(response.headers().allValues("X-Seen-Request-Id")).containsExactly(ids.get(0));
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootApplication
	@RestController
	static class App {

		@GetMapping("/echo")
		String echo(HttpServletRequest request, HttpServletResponse response) {
			boolean named = response.getHeaderNames().stream().anyMatch("request-id"::equalsIgnoreCase);
			return response.getHeader("Request-Id") + " " + request.getAttribute(RequestIds.ATTRIBUTE) + " "
					+ response.containsHeader("request-id") + " " + named;
		}

		@GetMapping("/replace")
		String replace(HttpServletResponse response) {
			response.setHeader("Request-Id", "replaced");
			return "replaced";
		}

		@GetMapping("/relay")
		ResponseEntity<String> relay() {
			HttpHeaders downstream = new HttpHeaders();
			downstream.add("Request-Id", "rq_downstream");
			downstream.add("X-Downstream", "kept");
			return ResponseEntity.ok().headers(downstream).body("relayed");
		}

		@GetMapping("/relay-added")
		String relayAdded(HttpServletResponse response) {
			response.addHeader("request-id", "rq_added");
			return "relayed";
		}

		/**
		 * Before the starter's filter (order 0), for {@code ?wrap}: wraps the response
		 * and copies the id it saw set through the wrapper into another header.
		 */
		@Bean
		FilterRegistrationBean<OncePerRequestFilter> wrappingFilter() {
			FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
					new OncePerRequestFilter() {
						@Override
						protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
								FilterChain chain) throws ServletException, IOException {
							if (request.getParameter("wrap") == null) {
								chain.doFilter(request, response);
								return;
							}
							chain.doFilter(request, new jakarta.servlet.http.HttpServletResponseWrapper(response) {
								@Override
								public void setHeader(String name, String value) {
									if ("Request-Id".equalsIgnoreCase(name)) {
										response.setHeader("X-Seen-Request-Id", value);
									}
									super.setHeader(name, value);
								}
							});
						}
					});
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}

	}

}
