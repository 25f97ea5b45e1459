package com.augno.errors.spring.properties;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where a service declares its own catalogue of error codes, under
 * {@code augno.errors.catalogue}.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("augno.errors.catalogue")
public class AugnoErrorsCatalogueProperties {

	/**
	 * Location the catalogue is read from when it exists, unless location is set.
	 */
	public static final String DEFAULT_LOCATION = "classpath:augno-errors.yaml";

	/**
	 * Location of the service's error catalogue, a .yaml, .yml or .json resource such as
	 * classpath:errors.yaml; it must exist. When not set, classpath:augno-errors.yaml is
	 * read if it exists.
	 */
	private @Nullable String location;

	public @Nullable String getLocation() {
		return this.location;
	}

	public void setLocation(@Nullable String location) {
		this.location = location;
	}

}
