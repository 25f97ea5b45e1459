package com.augno.errors.spring.security;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.augno.errors.spring.test.LoopbackHttp;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WebFlux chain whose resource server has an access denied handler of the application's
 * own ({@code oauth2ResourceServer(s -> s.accessDeniedHandler(...))}): as the chain's
 * only default handler, Spring Security gives it every denial of the chain, a token's
 * caller's and a caller's signed in with HTTP Basic, and the starter leaves its answers
 * as they are.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "spring.main.web-application-type=reactive" })
class ReactiveResourceServerOwnDeniedHandlerIntegrationTests {

	@LocalServerPort
	private int port;

	private final LoopbackHttp client = new LoopbackHttp(() -> this.port);

	@Test
	void aTokensCallerGetsTheApplicationsOwnDenial() throws Exception {
		assertOwnDenial(this.client.get("/api/admin", "Authorization", "Bearer " + TestTokens.readScoped()));
	}

	@Test
	void aBasicCallerGetsTheApplicationsOwnDenial() throws Exception {
		assertOwnDenial(this.client.get("/api/admin", "Authorization", LoopbackHttp.basic("alice", "secret")));
	}

	private static void assertOwnDenial(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("X-Denied-By")).hasValue("application");
		assertThat(response.body()).isEqualTo("{\"denied\":\"by the application\"}");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Controller.class)
	static class App {

		@Bean
		SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
			return http
				.authorizeExchange((exchanges) -> exchanges.pathMatchers("/api/admin")
					.hasAuthority("SCOPE_admin")
					.anyExchange()
					.authenticated())
				.httpBasic(Customizer.withDefaults())
				.oauth2ResourceServer((server) -> server.accessDeniedHandler(ownDenial())
					.jwt((jwt) -> jwt.jwtDecoder(NimbusReactiveJwtDecoder.withSecretKey(TestTokens.KEY).build())))
				.build();
		}

		private static ServerAccessDeniedHandler ownDenial() {
			return (exchange, denied) -> {
				ServerHttpResponse response = exchange.getResponse();
				response.setStatusCode(HttpStatus.FORBIDDEN);
				response.getHeaders().set("X-Denied-By", "application");
				response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
				DataBuffer body = response.bufferFactory()
					.wrap("{\"denied\":\"by the application\"}".getBytes(StandardCharsets.UTF_8));
				return response.writeWith(Mono.just(body));
			};
		}

		@Bean
		MapReactiveUserDetailsService userDetailsService() {
			return TestUsers.reactiveAlice();
		}

	}

	@RestController
	static class Controller {

		@GetMapping("/api/admin")
		String admin() {
			return "admin";
		}

	}

}
