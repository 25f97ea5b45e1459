package com.augno.errors;

import org.jspecify.annotations.Nullable;

/**
 * Turns what a failure says about itself into the {@link AugnoError} written to the
 * client: the registry supplies the type, transience and default message, the links
 * supply {@code doc_url} and {@code request_log_url}.
 *
 * @since 0.1.0
 */
public final class ErrorFactory {

	private final ErrorRegistry registry;

	private final ErrorLinks links;

	/**
	 * Create a factory.
	 * @param registry the codes the service answers with
	 * @param links the link rules
	 */
	public ErrorFactory(ErrorRegistry registry, ErrorLinks links) {
		this.registry = registry;
		this.links = links;
	}

	/**
	 * Return the registry.
	 * @return the registry
	 */
	public ErrorRegistry registry() {
		return this.registry;
	}

	/**
	 * Return the registry entry an exception's code resolves to: the registered one
	 * (which carries the service's overrides), else the entry the exception was created
	 * with.
	 * @param exception the exception
	 * @return the entry
	 * @throws IllegalArgumentException if the code is unknown, naming the closest codes
	 */
	public ErrorCode resolve(AugnoException exception) {
		ErrorCode registered = this.registry.find(exception.code());
		if (registered != null) {
			return registered;
		}
		ErrorCode own = exception.errorCode();
		return (own != null) ? own : this.registry.get(exception.code());
	}

	/**
	 * Create the error an {@link AugnoException} describes.
	 * @param exception the exception
	 * @param requestId the request id, or {@code null}
	 * @return the error
	 * @throws IllegalArgumentException if the code is unknown, naming the closest codes
	 */
	public AugnoError create(AugnoException exception, @Nullable String requestId) {
		return create(resolve(exception), exception.type(), exception.message(), exception.param(), exception.quota(),
				requestId);
	}

	/**
	 * Create an error.
	 * @param code the code
	 * @param type the type, or {@code null} for the code's own
	 * @param message the message, or {@code null} for the code's default
	 * @param param the field or parameter at fault, or {@code null}
	 * @param quota the quota, or {@code null}
	 * @param requestId the request id, or {@code null}
	 * @return the error
	 */
	public AugnoError create(ErrorCode code, @Nullable ErrorType type, @Nullable String message, @Nullable String param,
			@Nullable Quota quota, @Nullable String requestId) {
		ErrorType reportedType = (type != null) ? type : code.type();
		return new AugnoError(code.code(), reportedType, (message != null) ? message : code.message(), param,
				this.links.docUrl(code), this.registry.isTransient(code, reportedType), quota,
				this.links.requestLogUrl(requestId));
	}

}
