package com.augno.errors.sample.shipping;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

import com.augno.errors.sample.platform.PlatformErrors;
import com.augno.errors.spring.client.DownstreamErrorHandler;
import com.augno.errors.spring.web.PossibleErrors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * Shipping rates from the downstream provider through a {@code RestClient} built from
 * Spring Boot's builder with the starter's {@link DownstreamErrorHandler}, so its error
 * responses arrive as {@code DownstreamErrorException}; the {@code Sample-Provider-Mode}
 * header makes the provider fail (external_service_error), stall past the client's 1 s
 * read timeout (timeout), be down for maintenance (service_unavailable), not listen at
 * all (connection_error), or know no rates for the route ({@code no_route}: its
 * {@code resource_not_found}, which this client passes through).
 */
@RestController
@PlatformErrors
class ShippingController {

	private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);

	private final ShippingProvider provider;

	private final RestClient client;

	// The handler bean is absent when the starter is switched off (augno.errors.enabled).
	ShippingController(ShippingProvider provider, RestClient.Builder builder,
			ObjectProvider<DownstreamErrorHandler> errors) {
		this.provider = provider;
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build());
		factory.setReadTimeout(READ_TIMEOUT);
		this.client = builder.requestFactory(factory)
			.apply(errors.getIfAvailable(DownstreamErrorHandler::new).passingThrough("resource_not_found")::applyTo)
			.build();
	}

	@GetMapping("/v1/shipping/rates")
	// resource_not_found: the provider's own, passed through for a route it does not
	// know.
	@PossibleErrors({ "external_service_error", "timeout", "connection_error", "service_unavailable",
			"resource_not_found" })
	Map<?, ?> rates(@RequestHeader(name = "Sample-Provider-Mode", defaultValue = "ok") String mode) {
		String base = "refuse".equals(mode) ? this.provider.unreachableUrl() : this.provider.baseUrl();
		Map<?, ?> rates = this.client.get().uri(base + "/rates?mode={mode}", mode).retrieve().body(Map.class);
		return (rates != null) ? rates : Map.of();
	}

}
