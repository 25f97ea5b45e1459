package com.augno.errors.samplewebflux.orders;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * The orders, in memory, behind a reactive API as a real repository would be.
 */
@Component
class OrderStore {

	private final Map<Long, Order> orders = new ConcurrentHashMap<>();

	private final AtomicLong ids = new AtomicLong(100);

	OrderStore() {
		save(new Order(1, "ada@example.com", List.of(new OrderRequest.Line("sku_lamp", 1)), "open"));
		save(new Order(2, "alan@example.com", List.of(new OrderRequest.Line("sku_desk", 2)), "cancelled"));
	}

	Mono<Order> find(long id) {
		return Mono.justOrEmpty(this.orders.get(id));
	}

	Flux<Order> findAll() {
		return Flux.fromIterable(this.orders.values());
	}

	Mono<Order> create(String customerEmail, List<OrderRequest.Line> lines) {
		return Mono.fromSupplier(() -> save(new Order(this.ids.incrementAndGet(), customerEmail, lines, "open")));
	}

	Mono<Order> update(Order order) {
		return Mono.fromSupplier(() -> save(order));
	}

	private Order save(Order order) {
		this.orders.put(order.id(), order);
		return order;
	}

}
