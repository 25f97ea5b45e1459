package com.augno.errors.spring.security;

import java.net.http.HttpResponse;

import com.augno.errors.spring.test.LoopbackHttp;
import com.augno.errors.test.AugnoErrors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static com.augno.errors.spring.security.SecurityResponses.assertBareUnauthorized;
import static com.augno.errors.spring.security.SecurityResponses.assertClientError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Security on WebFlux over Reactor Netty, set up as an application writes it:
 * {@code httpBasic()} and {@code anyExchange().authenticated()}, nothing about errors.
 * HTTP Basic's own challenge survives with the envelope, a browser gets the mechanism's
 * bare answer so that it prompts, and a denial reaches the application's own access
 * denied handler.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "spring.main.web-application-type=reactive",
				"logging.level.com.augno.errors=DEBUG" })
@ExtendWith(OutputCaptureExtension.class)
class ReactiveHttpBasicIntegrationTests {

	private static final String BASIC_CHALLENGE = "Basic realm=\"Realm\"";

	private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	@LocalServerPort
	private int port;

	private final LoopbackHttp client = new LoopbackHttp(() -> this.port);

	@Test
	void missingCredentialsGetTheBasicChallengeAndSaySo(CapturedOutput output) throws Exception {
		HttpResponse<String> response = this.client.get("/hello", "Accept", "application/json");
		assertClientError(response, "invalid_credentials", "No credentials were provided.");
		assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly(BASIC_CHALLENGE);
		String requestId = response.headers().firstValue("Request-Id").orElseThrow();
		AugnoErrors.assertThat(response).hasRequestId(requestId);
		assertThat(output.getOut().lines().filter((line) -> line.contains("401 invalid_credentials for GET /hello")))
			.singleElement()
			.satisfies((line) -> assertThat(line).contains("DEBUG").contains(requestId));
	}

	@Test
	void aClientSendingNoAcceptGetsTheEnvelopeToo() throws Exception {
		HttpResponse<String> response = this.client.get("/hello");
		assertClientError(response, "invalid_credentials", "No credentials were provided.");
		assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly(BASIC_CHALLENGE);
	}

	@Test
	void anXmlHttpRequestGetsTheEnvelopeWithoutAChallengeAsHttpBasicChoseIt() throws Exception {
		// HTTP Basic answers an XMLHttpRequest without a challenge, so that the browser
		// shows no sign-in dialog: none is added, as on Spring MVC.
		HttpResponse<String> response = this.client.get("/hello", "Accept", "application/json", "X-Requested-With",
				"XMLHttpRequest");
		assertClientError(response, "invalid_credentials", "No credentials were provided.");
		assertThat(response.headers().allValues("WWW-Authenticate")).isEmpty();
	}

	@Test
	void wrongPasswordIsInvalidCredentialsKeepingTheChallenge() throws Exception {
		HttpResponse<String> response = this.client.get("/hello", "Authorization",
				LoopbackHttp.basic("alice", "wrong"));
		assertClientError(response, "invalid_credentials", "The provided credentials are incorrect.");
		assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly(BASIC_CHALLENGE);
		assertThat(response.headers().firstValue("Request-Id")).isPresent();
	}

	@Test
	void browserGetsTheBareBasicChallengeSoThatItPrompts() throws Exception {
		HttpResponse<String> response = this.client.get("/hello", "Accept", BROWSER_ACCEPT);
		assertBareUnauthorized(response, BASIC_CHALLENGE);
	}

	@Test
	void validCredentialsReachTheController() throws Exception {
		HttpResponse<String> response = this.client.get("/hello", "Authorization",
				LoopbackHttp.basic("alice", "secret"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("hello");
	}

	@Test
	void aBodylessErrorTheApplicationAnswersItselfIsLeftAlone() throws Exception {
		HttpResponse<String> response = this.client.get("/teapot", "Authorization",
				LoopbackHttp.basic("alice", "secret"));
		assertThat(response.statusCode()).isEqualTo(418);
		assertThat(response.body()).isEmpty();
	}

	@Test
	void applicationsOwnAccessDeniedHandlerStillAnswersADenial() throws Exception {
		HttpResponse<String> response = this.client.get("/admin", "Authorization",
				LoopbackHttp.basic("alice", "secret"));
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
		assertThat(response.body()).isEqualTo("admins only");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Controller.class)
	static class App {

		@Bean
		SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
			return http
				.authorizeExchange(
						(exchanges) -> exchanges.pathMatchers("/admin").hasRole("ADMIN").anyExchange().authenticated())
				.httpBasic(Customizer.withDefaults())
				.exceptionHandling((exceptions) -> exceptions.accessDeniedHandler((exchange, denied) -> {
					exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
					exchange.getResponse().getHeaders().setContentType(MediaType.TEXT_PLAIN);
					DataBuffer body = exchange.getResponse().bufferFactory().wrap("admins only".getBytes());
					return exchange.getResponse().writeWith(Mono.just(body));
				}))
				.build();
		}

		@Bean
		MapReactiveUserDetailsService userDetailsService() {
			return TestUsers.reactiveAlice();
		}

	}

	@RestController
	static class Controller {

		@GetMapping("/hello")
		String hello() {
			return "hello";
		}

		@GetMapping("/teapot")
		org.springframework.http.ResponseEntity<Void> teapot() {
			return org.springframework.http.ResponseEntity.status(418).build();
		}

		@GetMapping("/admin")
		String admin() {
			return "admin";
		}

	}

}
