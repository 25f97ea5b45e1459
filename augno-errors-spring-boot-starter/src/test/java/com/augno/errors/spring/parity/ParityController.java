package com.augno.errors.spring.parity;

import com.augno.errors.AugnoException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import reactor.core.publisher.Mono;

import org.springframework.core.task.TaskRejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The endpoints of the parity scenarios, the same class on both stacks: Spring MVC and
 * Spring WebFlux read the same annotations.
 */
@RestController
class ParityController {

	@GetMapping(path = "/parity/items/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	Item item(@PathVariable int id) {
		return new Item("item " + id, id);
	}

	@PostMapping(path = "/parity/items", consumes = MediaType.APPLICATION_JSON_VALUE)
	Item create(@Valid @RequestBody Item item) {
		return item;
	}

	@GetMapping("/parity/search")
	String search(@RequestParam String q, @RequestParam(defaultValue = "10") int limit) {
		return q + limit;
	}

	@GetMapping("/parity/page")
	String page(@RequestParam @Min(1) @Max(100) int size) {
		return "size " + size;
	}

	@GetMapping("/parity/augno")
	String augno() {
		throw AugnoException.of("resource_not_found").message("Shipping term not found.").param("id");
	}

	@GetMapping("/parity/mono-augno")
	Mono<String> monoAugno() {
		return Mono.just("x").map((x) -> {
			throw AugnoException.of("resource_not_found").message("Shipping term not found.").param("id");
		});
	}

	@GetMapping("/parity/status")
	String status() {
		throw new ResponseStatusException(HttpStatus.CONFLICT, "taken");
	}

	@GetMapping("/parity/busy")
	Mono<String> busy() {
		return Mono.error(new TaskRejectedException("Executor [pool-7, queue 100/100] did not accept task"));
	}

	@GetMapping("/parity/boom")
	String boom() {
		throw new IllegalStateException("secret detail 42");
	}

	record Item(@NotBlank String name, int quantity) {
	}

}
