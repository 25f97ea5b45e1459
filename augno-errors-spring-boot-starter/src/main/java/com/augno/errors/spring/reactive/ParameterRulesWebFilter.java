package com.augno.errors.spring.reactive;

import java.util.List;

import com.augno.errors.spring.web.ParameterRules;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The WebFlux counterpart of the servlet stack's {@code ParameterRulesInterceptor}:
 * checks a request's query parameters against its {@code @RequestMapping} handler, by the
 * same {@link ParameterRules}, before the handler runs. WebFlux has no handler
 * interceptors, so this filter, last in the chain (after Spring Security's), looks the
 * handler up itself; it does so only for requests with a query, and leaves any failure of
 * the lookup (404, 405, ...) for the dispatcher to raise.
 *
 * @since 0.1.0
 */
public final class ParameterRulesWebFilter implements WebFilter {

	private final ParameterRules rules;

	private final ObjectProvider<RequestMappingHandlerMapping> handlerMappings;

	/**
	 * Create the filter.
	 * @param rules the rules
	 * @param handlerMappings the application's request mapping handler mappings
	 */
	public ParameterRulesWebFilter(ParameterRules rules, ObjectProvider<RequestMappingHandlerMapping> handlerMappings) {
		this.rules = rules;
		this.handlerMappings = handlerMappings;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String query = exchange.getRequest().getURI().getRawQuery();
		if (query == null || query.isEmpty() || CorsUtils.isPreFlightRequest(exchange.getRequest())) {
			return chain.filter(exchange);
		}
		List<RequestMappingHandlerMapping> mappings = this.handlerMappings.orderedStream().toList();
		return Flux.fromIterable(mappings)
			.concatMap((mapping) -> mapping.getHandler(exchange).onErrorResume((ex) -> Mono.empty()))
			.next()
			.doOnNext((handler) -> {
				if (handler instanceof HandlerMethod handlerMethod) {
					this.rules.check(handlerMethod, query);
				}
			})
			.then(Mono.defer(() -> chain.filter(exchange)));
	}

}
