package com.augno.errors.spring.properties;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the OpenAPI integration ({@code augno.errors.openapi.*}), active when
 * springdoc-openapi is on the class path.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("augno.errors.openapi")
public class AugnoErrorsOpenApiProperties {

	/**
	 * Whether the OpenAPI document describes the error envelope and each operation's
	 * error responses.
	 */
	private boolean enabled = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
