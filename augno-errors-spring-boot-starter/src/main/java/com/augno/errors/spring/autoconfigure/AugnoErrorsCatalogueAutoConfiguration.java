package com.augno.errors.spring.autoconfigure;

import com.augno.errors.spring.catalogue.ErrorCatalogue;
import com.augno.errors.spring.catalogue.ErrorCatalogueReader;
import com.augno.errors.spring.catalogue.InvalidErrorCatalogueException;
import com.augno.errors.spring.properties.AugnoErrorsCatalogueProperties;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Auto-configuration that reads the service's own error catalogue
 * ({@code augno.errors.catalogue.location}, else {@code classpath:augno-errors.yaml} when
 * it exists), from which the registry is built.
 *
 * @since 0.1.0
 */
// Before the auto-configurations of both stacks, whose registry is built from the
// catalogue.
@AutoConfiguration(before = { AugnoErrorsAutoConfiguration.class, AugnoErrorsReactiveAutoConfiguration.class })
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty(name = "augno.errors.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AugnoErrorsCatalogueProperties.class)
public final class AugnoErrorsCatalogueAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ErrorCatalogue augnoErrorCatalogue(AugnoErrorsCatalogueProperties properties, ResourceLoader resourceLoader) {
		String location = properties.getLocation();
		if (location == null) {
			Resource resource = resourceLoader.getResource(AugnoErrorsCatalogueProperties.DEFAULT_LOCATION);
			return resource.exists() ? read(resource, AugnoErrorsCatalogueProperties.DEFAULT_LOCATION)
					: ErrorCatalogue.none();
		}
		return read(resourceLoader.getResource(location), location);
	}

	private static ErrorCatalogue read(Resource resource, String location) {
		try {
			return new ErrorCatalogueReader().read(resource, location);
		}
		catch (InvalidErrorCatalogueException ex) {
			throw ErrorRegistryFactory.invalid(ex);
		}
	}

}
