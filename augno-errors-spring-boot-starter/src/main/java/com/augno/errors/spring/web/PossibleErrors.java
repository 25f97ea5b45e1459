package com.augno.errors.spring.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the codes a handler answers with by its own rules, beside those the framework
 * works out from its signature: the domain codes it throws ({@code resource_not_found},
 * {@code limit_exceeded}, ...) and those of the service's own filters and interceptors
 * ({@code rate_limit_exceeded}). The published OpenAPI document lists them on the
 * handler's operations; every code must be registered, or startup fails naming it.
 * <p>
 * On a controller class it applies to each of its handlers, and it works as a
 * meta-annotation, so that a service can name a set of codes once: <pre class="code">
 * &#064;GetMapping("/v1/catalog/items/{id}")
 * &#064;PossibleErrors({ "resource_gone", "resource_conflict" })
 * Item update(&#064;PathVariable String id, &#064;Valid &#064;RequestBody ItemUpdate update) { ... }
 * </pre>
 *
 * @since 0.1.0
 */
@Target({ ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PossibleErrors {

	/**
	 * The wire codes, each registered: one of the contract's or one of the service's own.
	 * @return the codes
	 */
	String[] value();

}
