package com.augno.errors.spring.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares query parameters of a handler that cannot be used together; a request that
 * sends two or more of them is answered with {@code parameters_exclusive}, naming the
 * second one. <pre class="code">
 * &#064;GetMapping("/v1/catalog/items")
 * &#064;ExclusiveParameters({ "cursor", "page" })
 * ItemPage list(&#064;RequestParam(required = false) String cursor, &#064;RequestParam(required = false) Integer page) { ... }
 * </pre>
 *
 * @since 0.1.0
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(ExclusiveParameters.List.class)
public @interface ExclusiveParameters {

	/**
	 * The wire names of the parameters, at least two, in the order the message names
	 * them.
	 * @return the names
	 */
	String[] value();

	/**
	 * Holds several {@link ExclusiveParameters} on one handler.
	 */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@interface List {

		/**
		 * The declarations.
		 * @return the declarations
		 */
		ExclusiveParameters[] value();

	}

}
