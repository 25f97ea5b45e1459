package com.augno.errors.spring.properties;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the published contract, under {@code augno.errors.reference}: the
 * error reference page and the JSON catalogue generated from the registry.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("augno.errors.reference")
public class AugnoErrorsReferenceProperties {

	/**
	 * Whether to serve the error reference page and the JSON catalogue.
	 */
	private boolean enabled;

	/**
	 * Path of the error reference page; doc-base-url may point at it.
	 */
	private String path = "/errors";

	/**
	 * Path of the JSON catalogue of every code.
	 */
	private String cataloguePath = "/errors.json";

	/**
	 * Title and heading of the error reference page.
	 */
	private String title = "API errors";

	/**
	 * Directory to write the reference page (index.html) and the catalogue (errors.json)
	 * into once the application has started, after which the application closes. Leave
	 * unset to run normally.
	 */
	private @Nullable String exportDir;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getPath() {
		return this.path;
	}

	public void setPath(String path) {
		this.path = path;
	}

	public String getCataloguePath() {
		return this.cataloguePath;
	}

	public void setCataloguePath(String cataloguePath) {
		this.cataloguePath = cataloguePath;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public @Nullable String getExportDir() {
		return this.exportDir;
	}

	public void setExportDir(@Nullable String exportDir) {
		this.exportDir = exportDir;
	}

}
