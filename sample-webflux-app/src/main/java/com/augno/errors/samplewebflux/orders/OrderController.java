package com.augno.errors.samplewebflux.orders;

import java.util.Map;

import com.augno.errors.AugnoException;
import com.augno.errors.ErrorCodes;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The orders API. Its own rules throw {@link AugnoException}s, from inside the reactive
 * chain where the answer is only known there; everything else (bodies, parameters,
 * methods, media types, sizes, crashes) is left to the starter.
 */
@RestController
@RequestMapping(path = "/v1/orders", produces = MediaType.APPLICATION_JSON_VALUE)
class OrderController {

	private final OrderStore store;

	OrderController(OrderStore store) {
		this.store = store;
	}

	@GetMapping
	Flux<Order> list(@RequestParam String status, @RequestParam(defaultValue = "10") @Min(1) @Max(100) int limit) {
		return this.store.findAll().filter((order) -> order.status().equals(status)).take(limit);
	}

	@GetMapping("/{id}")
	Mono<Order> get(@PathVariable long id) {
		return this.store.find(id).switchIfEmpty(Mono.error(() -> notFound(id)));
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Order> create(@Valid @RequestBody OrderRequest request) {
		return this.store.create(request.customerEmail(), request.lines());
	}

	@PostMapping("/{id}/cancel")
	Mono<Order> cancel(@PathVariable long id) {
		return get(id).flatMap((order) -> {
			if (order.status().equals("cancelled")) {
				return Mono.error(new ResponseStatusException(HttpStatus.CONFLICT, "The order is already cancelled."));
			}
			return this.store.update(order.cancelled());
		});
	}

	@PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Map<String, Object>> attach(@PathVariable long id, @RequestPart("file") Mono<FilePart> file) {
		return get(id).then(file)
			.flatMap((part) -> part.content()
				.map((buffer) -> (long) buffer.readableByteCount())
				.reduce(0L, Long::sum)
				.map((size) -> Map.<String, Object>of("order_id", id, "filename", part.filename(), "size", size)));
	}

	@GetMapping("/{id}/invoice")
	Mono<Map<String, Object>> invoice(@PathVariable long id) {
		return get(id).map((order) -> {
			throw new IllegalStateException("No invoice template for order " + order.id());
		});
	}

	private static AugnoException notFound(long id) {
		return AugnoException.of(ErrorCodes.RESOURCE_NOT_FOUND).message("No order found with that ID.").param("id");
	}

}
