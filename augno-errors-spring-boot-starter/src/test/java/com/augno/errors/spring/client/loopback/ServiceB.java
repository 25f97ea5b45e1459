package com.augno.errors.spring.client.loopback;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.augno.errors.AugnoException;
import com.augno.errors.ErrorCodes;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The downstream service: answers with Augno envelopes and counts the calls it receives
 * (and keeps the headers of those to {@code /terms}). Not a
 * {@code @SpringBootConfiguration}, so that no {@code @SpringBootTest} finds it.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(ServiceB.Endpoints.class)
class ServiceB {

	@RestController
	static class Endpoints {

		final List<Long> flakyArrivals = new CopyOnWriteArrayList<>();

		final AtomicInteger invalidCalls = new AtomicInteger();

		final AtomicInteger orderCalls = new AtomicInteger();

		final List<HttpHeaders> termRequests = new CopyOnWriteArrayList<>();

		void reset() {
			this.termRequests.clear();
			this.flakyArrivals.clear();
			this.invalidCalls.set(0);
			this.orderCalls.set(0);
		}

		@GetMapping("/terms/{id}")
		String term(@PathVariable String id, @RequestHeader HttpHeaders headers) {
			this.termRequests.add(headers);
			if ("t1".equals(id)) {
				return "net 30";
			}
			throw AugnoException.of(ErrorCodes.RESOURCE_NOT_FOUND).message("Shipping term not found.").param("id");
		}

		@PostMapping("/terms")
		String createTerm() {
			throw AugnoException.of(ErrorCodes.RESOURCE_EXISTS)
				.message("A shipping term with this name already exists.");
		}

		@GetMapping("/throttled")
		String throttled() {
			throw AugnoException.of(ErrorCodes.RATE_LIMIT_EXCEEDED).retryAfter(Duration.ofSeconds(1));
		}

		@GetMapping("/busy")
		String busy() {
			throw AugnoException.of(ErrorCodes.SERVICE_UNAVAILABLE).message("Down for maintenance: db-7 replica lag.");
		}

		@GetMapping("/flaky")
		String flaky() {
			this.flakyArrivals.add(System.nanoTime());
			if (this.flakyArrivals.size() <= 2) {
				throw AugnoException.of(ErrorCodes.SERVICE_UNAVAILABLE).retryAfter(Duration.ofSeconds(1));
			}
			return "recovered";
		}

		@GetMapping("/invalid")
		String invalid() {
			this.invalidCalls.incrementAndGet();
			throw AugnoException.of(ErrorCodes.PARAMETER_INVALID)
				.message("Limit must be greater than zero.")
				.param("limit");
		}

		@PostMapping("/orders")
		String order() {
			this.orderCalls.incrementAndGet();
			throw AugnoException.of(ErrorCodes.SERVICE_UNAVAILABLE).retryAfter(Duration.ofSeconds(1));
		}

	}

}
