package com.augno.errors.bench.jmh;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;

import com.augno.errors.AugnoException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * The failures the benchmarks render, each built as the application or Spring MVC would
 * build it.
 */
final class Fixtures {

	private Fixtures() {
	}

	/**
	 * What a controller throws for a missing resource.
	 * @return the exception
	 */
	static AugnoException augnoNotFound() {
		return AugnoException.of("resource_not_found").message("No such item: 'it_missing'.");
	}

	/**
	 * A {@code @Valid @RequestBody} with two field errors, as Spring MVC raises it: the
	 * binding result holds Hibernate Validator's violations.
	 * @param validator the validator
	 * @return the exception
	 */
	static MethodArgumentNotValidException validationFailure(Validator validator) {
		ItemRequest invalid = new ItemRequest("", "SKU-0001", 0, "A sturdy widget, made to be fetched again.");
		BeanPropertyBindingResult result = new BeanPropertyBindingResult(invalid, "itemRequest");
		new SpringValidatorAdapter(validator).validate(invalid, result);
		if (result.getFieldErrorCount() != 2) {
			throw new IllegalStateException("Expected two field errors, got " + result.getFieldErrors());
		}
		try {
			Method create = ItemEndpoint.class.getMethod("create", ItemRequest.class);
			return new MethodArgumentNotValidException(new MethodParameter(create, 0), result);
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A body cut short, as Spring's Jackson converter reports it.
	 * @param mapper the application's mapper
	 * @return the exception
	 */
	static HttpMessageNotReadableException malformedJson(JsonMapper mapper) {
		String body = "{\"name\": \"Widget\", \"sku\": \"SKU-0001\", \"quantity\": 3,";
		try {
			mapper.readValue(body, ItemRequest.class);
		}
		catch (JacksonException ex) {
			return new HttpMessageNotReadableException("JSON parse error: " + ex.getOriginalMessage(), ex,
					new BodyMessage(body));
		}
		throw new IllegalStateException("The malformed body was read");
	}

	/**
	 * A {@code DELETE} on the bench app's {@code GET /items/{id}}, as Spring MVC's
	 * handler mapping raises it: the methods it supports are {@code GET}, and the
	 * {@code HEAD} and {@code OPTIONS} it answers for every {@code GET} mapping.
	 * @return the exception
	 */
	static HttpRequestMethodNotSupportedException methodNotAllowed() {
		return new HttpRequestMethodNotSupportedException("DELETE",
				new LinkedHashSet<>(List.of("GET", "HEAD", "OPTIONS")));
	}

	/**
	 * A failure no mapper knows.
	 * @return the exception
	 */
	static IllegalStateException unknown() {
		return new IllegalStateException("Simulated failure while loading item it_42");
	}

	/**
	 * A request body with constraints.
	 *
	 * @param name the name
	 * @param sku the stock keeping unit
	 * @param quantity the quantity
	 * @param description the description
	 */
	record ItemRequest(@NotBlank @Size(max = 80) String name, @NotBlank @Pattern(regexp = "SKU-[0-9]{4}") String sku,
			@Min(1) int quantity, @Size(max = 200) String description) {

	}

	/**
	 * A success body of about 300 bytes, as the HTTP benchmark's app returns.
	 *
	 * @param id the id
	 * @param object the object type
	 * @param name the name
	 * @param sku the stock keeping unit
	 * @param description the description
	 * @param priceCents the price in cents
	 * @param currency the currency
	 * @param quantity the quantity in stock
	 * @param tags the tags
	 * @param createdAt the creation time
	 */
	record Item(String id, String object, String name, String sku, String description, long priceCents, String currency,
			int quantity, List<String> tags, Instant createdAt) {

		static Item sample(String id) {
			return new Item(id, "item", "Widget", "SKU-0001", "A sturdy widget, made to be fetched again and again.",
					1299, "usd", 42, List.of("hardware", "benchmark"), Instant.parse("2025-06-01T12:00:00Z"));
		}

	}

	/**
	 * The controller method whose parameter the validation failure names.
	 */
	interface ItemEndpoint {

		/**
		 * Create an item.
		 * @param request the body
		 * @return the item
		 */
		Item create(@Valid @RequestBody ItemRequest request);

	}

	private record BodyMessage(String body) implements HttpInputMessage {

		@Override
		public InputStream getBody() {
			return new ByteArrayInputStream(this.body.getBytes(StandardCharsets.UTF_8));
		}

		@Override
		public HttpHeaders getHeaders() {
			return new HttpHeaders();
		}

	}

}
