package com.augno.errors.spring.versioning;

import java.util.List;

import com.augno.errors.ErrorCodes;
import com.augno.errors.spring.mapping.ExceptionMapper;
import com.augno.errors.spring.mapping.MappedError;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.web.accept.ApiVersionParser;
import org.springframework.web.accept.InvalidApiVersionException;
import org.springframework.web.accept.MissingApiVersionException;

/**
 * Maps Spring's API versioning failures to the contract's codes, with messages that name
 * the version header, the supported versions and the latest one:
 * <ul>
 * <li>a missing version is {@code api_version_required};</li>
 * <li>a well-formed version older than the minimum, or older than the lowest mapping of
 * the requested endpoint (which Spring answers with a 404), is
 * {@code api_version_too_old};</li>
 * <li>any other rejected version is {@code api_version_invalid}.</li>
 * </ul>
 * It runs before the mapper of Spring MVC's own exceptions, so that a 404 of a path that
 * exists in a newer version is not {@code resource_not_found}. It is free of either web
 * stack: the {@link ApiVersionMappings} of the stack tell it the declared versions and
 * that 404.
 *
 * @since 0.1.0
 */
public final class ApiVersionExceptionMapper implements ExceptionMapper {

	/**
	 * Order of this mapper: before {@link #SPRING_MVC_ORDER}, whose mapper answers every
	 * {@code NoResourceFoundException} with {@code resource_not_found}.
	 */
	public static final int ORDER = SPRING_MVC_ORDER - 500;

	private static final int MAX_VERSION_IN_MESSAGE = 64;

	private final String header;

	private final ApiVersionParser<?> parser;

	private final List<String> supported;

	private final @Nullable String minimum;

	private final @Nullable String latest;

	private final ApiVersionMappings mappings;

	/**
	 * Create a mapper.
	 * @param header the request header that carries the version
	 * @param parser the parser of versions
	 * @param supported the supported versions, or an empty list for the versions of the
	 * mappings
	 * @param minimum the oldest version served, or {@code null} for the oldest supported
	 * @param latest the latest version, or {@code null} for the newest supported
	 * @param mappings the versioned mappings of the application
	 */
	public ApiVersionExceptionMapper(String header, ApiVersionParser<?> parser, List<String> supported,
			@Nullable String minimum, @Nullable String latest, ApiVersionMappings mappings) {
		this.header = header;
		this.parser = parser;
		this.supported = Versions.sorted(parser, supported);
		this.minimum = minimum;
		this.latest = latest;
		this.mappings = mappings;
		if (minimum != null) {
			parser.parseVersion(minimum);
		}
		if (latest != null) {
			parser.parseVersion(latest);
		}
	}

	@Override
	public @Nullable MappedError map(Throwable throwable) {
		if (throwable instanceof MissingApiVersionException) {
			String latest = latest();
			String message = "The " + this.header + " header is required. Please include a valid API version."
					+ ((latest != null) ? " The latest version is " + latest + "." : "");
			return MappedError.of(ErrorCodes.API_VERSION_REQUIRED)
				.withMessage(message,
						(latest != null) ? translation("api_version_required.message.latest", this.header, latest)
								: translation("api_version_required.message.header", this.header));
		}
		if (throwable instanceof InvalidApiVersionException ex) {
			String requested = (ex.getVersion() != null) ? ex.getVersion() : "";
			String minimum = minimum();
			if (minimum != null && isOlder(requested, minimum)) {
				return tooOld(minimum, requested);
			}
			return MappedError.of(ErrorCodes.API_VERSION_INVALID)
				.withMessage("Invalid API version '" + shown(requested) + "'. Supported versions: " + supported(),
						translation("api_version_invalid.message.supported", shown(requested), supported().toString()));
		}
		ApiVersionMappings.Requirement requirement = this.mappings.findRequirement(throwable);
		return (requirement != null) ? tooOld(requirement.required(), requirement.requested()) : null;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	private List<String> supported() {
		return this.supported.isEmpty() ? this.mappings.versions() : this.supported;
	}

	private @Nullable String minimum() {
		if (this.minimum != null) {
			return this.minimum;
		}
		List<String> supported = supported();
		return supported.isEmpty() ? null : supported.get(0);
	}

	private @Nullable String latest() {
		if (this.latest != null) {
			return this.latest;
		}
		List<String> supported = supported();
		return supported.isEmpty() ? null : supported.get(supported.size() - 1);
	}

	private boolean isOlder(String requested, String minimum) {
		try {
			return Versions.compare(this.parser.parseVersion(requested), this.parser.parseVersion(minimum)) < 0;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static MappedError tooOld(String required, String requested) {
		return MappedError.of(ErrorCodes.API_VERSION_TOO_OLD)
			.withMessage("This endpoint requires API version " + required + " or newer. You requested "
					+ shown(requested) + ".",
					translation("api_version_too_old.message.required", required, shown(requested)));
	}

	/**
	 * The key that translates a message, under {@code augno.errors.}, with its arguments.
	 */
	private static MessageSourceResolvable translation(String key, Object... arguments) {
		return new DefaultMessageSourceResolvable(new String[] { "augno.errors." + key }, arguments);
	}

	private static String shown(String version) {
		return (version.length() > MAX_VERSION_IN_MESSAGE) ? version.substring(0, MAX_VERSION_IN_MESSAGE) + "..."
				: version;
	}

}
