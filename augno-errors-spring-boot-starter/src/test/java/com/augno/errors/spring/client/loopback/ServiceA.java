package com.augno.errors.spring.client.loopback;

import com.augno.errors.spring.client.DownstreamErrorHandler;
import com.augno.errors.spring.client.DownstreamRetryPolicy;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * The calling service: every endpoint calls {@link ServiceB} with a {@code RestClient}
 * from Spring Boot's builder and lets failures reach the starter's error handling.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(ServiceA.Endpoints.class)
class ServiceA {

	@RestController
	static class Endpoints {

		private final RestClient serviceB;

		private final RestClient serviceBPassingConflicts;

		private final RetryTemplate retry;

		Endpoints(RestClient.Builder builder, DownstreamRetryPolicy retryPolicy,
				@Value("${downstream.url}") String downstreamUrl) {
			this.serviceB = builder.clone().baseUrl(downstreamUrl).build();
			this.serviceBPassingConflicts = builder.clone()
				.baseUrl(downstreamUrl)
				.apply(DownstreamErrorHandler.passThrough("resource_exists"))
				.build();
			this.retry = retryPolicy.retryTemplate();
		}

		@GetMapping("/a/terms/{id}")
		String term(@PathVariable String id) {
			return this.serviceB.get().uri("/terms/{id}", id).retrieve().body(String.class);
		}

		@PostMapping("/a/terms")
		String createTerm() {
			return this.serviceB.post().uri("/terms").retrieve().body(String.class);
		}

		@PostMapping("/a/terms-passing-conflicts")
		String createTermPassingConflicts() {
			return this.serviceBPassingConflicts.post().uri("/terms").retrieve().body(String.class);
		}

		@GetMapping("/a/throttled")
		String throttled() {
			return this.serviceB.get().uri("/throttled").retrieve().body(String.class);
		}

		@GetMapping("/a/busy")
		String busy() {
			return this.serviceB.get().uri("/busy").retrieve().body(String.class);
		}

		@GetMapping("/a/flaky")
		String flaky() {
			return this.retry.invoke(() -> this.serviceB.get().uri("/flaky").retrieve().body(String.class));
		}

	}

}
