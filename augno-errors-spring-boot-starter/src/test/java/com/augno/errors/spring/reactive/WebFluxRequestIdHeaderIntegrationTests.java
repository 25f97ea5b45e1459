package com.augno.errors.spring.reactive;

import java.net.http.HttpResponse;

import com.augno.errors.spring.test.LoopbackHttp;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One {@code Request-Id} header on every WebFlux response, over Reactor Netty, as on
 * Spring MVC: a gateway or relay that copies a downstream's headers with {@code addAll}
 * (Spring Cloud Gateway's routing filter) replaces the starter's id rather than sending a
 * second one, and a gateway's retry that resets the response gets the starter's id again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "server.shutdown=immediate",
		"spring.main.web-application-type=reactive",
		"spring.autoconfigure.exclude=org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration,"
				+ "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration" })
class WebFluxRequestIdHeaderIntegrationTests {

	@LocalServerPort
	private int port;

	private final LoopbackHttp http = new LoopbackHttp(() -> this.port);

	@Test
	void aRelayedIdReplacesTheStartersInsteadOfGoingOutBesideIt() throws Exception {
		HttpResponse<String> response = this.http.get("/relayed");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().allValues("Request-Id")).containsExactly("down_abc123");
	}

	@Test
	void anIdRemovedByAResetIsSentAgain() throws Exception {
		HttpResponse<String> response = this.http.get("/reset");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().allValues("Request-Id")).singleElement()
			.satisfies((id) -> assertThat(id).startsWith("rq_"));
	}

	@Test
	void aResponseOfItsOwnCarriesTheStartersIdOnce() throws Exception {
		HttpResponse<String> response = this.http.get("/plain");
		assertThat(response.headers().allValues("Request-Id")).singleElement()
			.satisfies((id) -> assertThat(id).startsWith("rq_"));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Controller.class)
	static class App {

	}

	@RestController
	static class Controller {

		@GetMapping("/relayed")
		String relayed(ServerWebExchange exchange) {
			// What Spring Cloud Gateway's NettyRoutingFilter does with a downstream's
			// headers.
			HttpHeaders downstream = new HttpHeaders();
			downstream.add("Request-Id", "down_abc123");
			exchange.getResponse().getHeaders().addAll(downstream);
			return "relayed";
		}

		@GetMapping("/reset")
		String reset(ServerWebExchange exchange) {
			// What Spring Cloud Gateway's retry does before it tries again.
			exchange.getResponse().getHeaders().remove("Request-Id");
			return "retried";
		}

		@GetMapping("/plain")
		String plain() {
			return "plain";
		}

	}

}
