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
		ErrorCode own = exception.errorCode();
		return (own != null) ? resolve(own) : this.registry.get(exception.code());
	}

	/**
	 * Return the registered entry with the same wire code, so that the service's message
	 * and doc URL overrides apply to a constant such as
	 * {@link ErrorCodes#RESOURCE_NOT_FOUND}.
	 * @param code the code
	 * @return the registered entry, or the code itself when it is not registered
	 */
	public ErrorCode resolve(ErrorCode code) {
		ErrorCode registered = this.registry.find(code.code());
		return (registered != null) ? registered : code;
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
	 * Create an error; the code is {@linkplain #resolve(ErrorCode) resolved} against the
	 * registry first.
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
		ErrorCode registered = resolve(code);
		ErrorType reportedType = (type != null) ? type : registered.type();
		return new AugnoError(registered.code(), reportedType, (message != null) ? message : registered.message(),
				param, this.links.docUrl(registered), this.registry.isTransient(registered, reportedType), quota,
				this.links.requestLogUrl(requestId));
	}

}
