package com.augno.errors.spring.properties;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which format error responses are written in, under {@code augno.errors}.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("augno.errors")
public class AugnoErrorsFormatProperties {

	/**
	 * Name of the format of error responses: augno (the Augno envelope), problem (RFC
	 * 9457 problem details) or the name of a service's own ErrorFormat bean. Unset:
	 * augno, unless the service declares exactly one ErrorFormat bean of its own, which
	 * is then the default.
	 */
	private @Nullable String format;

	/**
	 * Whether a request's Accept header may choose another format than the default, by
	 * its media type: application/problem+json gets problem details. A header naming no
	 * format's media type gets the default format.
	 */
	private boolean formatNegotiation;

	public @Nullable String getFormat() {
		return this.format;
	}

	public void setFormat(@Nullable String format) {
		this.format = format;
	}

	public boolean isFormatNegotiation() {
		return this.formatNegotiation;
	}

	public void setFormatNegotiation(boolean formatNegotiation) {
		this.formatNegotiation = formatNegotiation;
	}

}
