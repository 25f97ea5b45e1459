package com.augno.errors.test;

import com.augno.errors.ErrorLinks;
import com.augno.errors.ErrorRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContext;

/**
 * What an error response is checked against: the registry that gives each code its
 * status, type and transience, the links that give {@code doc_url} and
 * {@code request_log_url}, and the response header that carries the request id.
 * <p>
 * Inside a Spring test the assertions take the application's own, from its context
 * ({@link #current()}); elsewhere the Augno defaults, {@link #standard()}.
 *
 * @param registry the codes the service answers with
 * @param links the rules of the two links
 * @param requestIdHeader the response header that carries the request id
 * @since 0.1.0
 */
public record ErrorContract(ErrorRegistry registry, ErrorLinks links, String requestIdHeader) {

	/**
	 * The starter's property that renames the request id response header.
	 */
	static final String REQUEST_ID_HEADER_PROPERTY = "augno.errors.request-id.response-header";

	/**
	 * The request id response header unless the service renames it.
	 */
	public static final String DEFAULT_REQUEST_ID_HEADER = "Request-Id";

	private static final ErrorContract STANDARD = new ErrorContract(ErrorRegistry.standard(), ErrorLinks.defaults(),
			DEFAULT_REQUEST_ID_HEADER);

	/**
	 * Return the Augno contract alone: the built-in codes, the Augno documentation and
	 * dashboard links, and the {@code Request-Id} header.
	 * @return the standard contract
	 */
	public static ErrorContract standard() {
		return STANDARD;
	}

	/**
	 * Return a contract of a registry and links, with the {@code Request-Id} header.
	 * @param registry the registry
	 * @param links the links
	 * @return the contract
	 */
	public static ErrorContract of(ErrorRegistry registry, ErrorLinks links) {
		return new ErrorContract(registry, links, DEFAULT_REQUEST_ID_HEADER);
	}

	/**
	 * Return the contract of an application: its {@link ErrorRegistry} and
	 * {@link ErrorLinks} beans (the standard ones where it has none) and the request id
	 * header its {@code augno.errors.request-id.response-header} property names.
	 * @param context the application context
	 * @return the application's contract
	 */
	public static ErrorContract from(ApplicationContext context) {
		ErrorRegistry registry = context.getBeanProvider(ErrorRegistry.class).getIfUnique(ErrorRegistry::standard);
		ErrorLinks links = context.getBeanProvider(ErrorLinks.class).getIfUnique(ErrorLinks::defaults);
		String header = context.getEnvironment().getProperty(REQUEST_ID_HEADER_PROPERTY, DEFAULT_REQUEST_ID_HEADER);
		return new ErrorContract(registry, links, header);
	}

	/**
	 * Return the contract of the Spring test running on this thread, or the
	 * {@linkplain #standard() standard} one outside a Spring test.
	 * @return the current contract
	 * @see ErrorContractTestExecutionListener
	 */
	public static ErrorContract current() {
		@Nullable TestContext test = ErrorContractTestExecutionListener.current();
		return (test != null && test.hasApplicationContext()) ? from(test.getApplicationContext()) : STANDARD;
	}

	/**
	 * Return a copy that expects the request id in another response header.
	 * @param header the header name
	 * @return the copy
	 */
	public ErrorContract withRequestIdHeader(String header) {
		return new ErrorContract(this.registry, this.links, header);
	}

}
