package com.augno.errors.spring.autoconfigure;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.augno.errors.ErrorFactory;
import com.augno.errors.spring.properties.AugnoErrorsProperties;
import com.augno.errors.spring.properties.AugnoErrorsReferenceProperties;
import com.augno.errors.spring.reference.ErrorReferenceDocuments;
import com.augno.errors.spring.reference.ErrorReferenceExporter;
import com.augno.errors.spring.reference.ErrorReferenceHandler;
import com.augno.errors.spring.servlet.ErrorResponseWriter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Fallback;
import org.springframework.http.MediaType;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * Auto-configuration of the published contract: the error reference page and the JSON
 * catalogue, rendered from the service's registry, served when
 * {@code augno.errors.reference.enabled} is set and exported when
 * {@code augno.errors.reference.export-dir} is.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = AugnoErrorsAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean({ ErrorFactory.class, ErrorResponseWriter.class })
@Conditional(AugnoErrorsReferenceAutoConfiguration.OnServedOrExported.class)
@EnableConfigurationProperties(AugnoErrorsReferenceProperties.class)
public final class AugnoErrorsReferenceAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ErrorReferenceDocuments augnoErrorReferenceDocuments(ErrorFactory factory, ErrorResponseWriter writer,
			AugnoErrorsReferenceProperties properties) {
		return new ErrorReferenceDocuments(factory, writer, properties.getTitle());
	}

	/**
	 * Serves the page and the catalogue.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty("augno.errors.reference.enabled")
	static class ServingConfiguration {

		// Ahead of the application's own mappings: once enabled, the paths are the
		// reference's.
		private static final int ORDER = -10;

		@Bean
		@Fallback
		@ConditionalOnMissingBean(name = "augnoErrorReferenceHandlerMapping")
		SimpleUrlHandlerMapping augnoErrorReferenceHandlerMapping(ErrorReferenceDocuments documents,
				AugnoErrorsReferenceProperties properties, AugnoErrorsProperties errorsProperties) {
			String page = path("augno.errors.reference.path", properties.getPath());
			String catalogue = path("augno.errors.reference.catalogue-path", properties.getCataloguePath());
			if (page.equals(catalogue)) {
				throw new InvalidAugnoErrorsConfigurationException("augno.errors.reference.catalogue-path", catalogue,
						"the page and the catalogue cannot share a path",
						"Give augno.errors.reference.path and augno.errors.reference.catalogue-path different paths.",
						null);
			}
			String requestIdHeader = errorsProperties.getRequestId().getResponseHeader();
			Map<String, Object> handlers = new LinkedHashMap<>();
			handlers.put(page, new ErrorReferenceHandler(documents.page(catalogueHref(page, catalogue)),
					MediaType.TEXT_HTML_VALUE + ";charset=UTF-8", requestIdHeader));
			handlers.put(catalogue, new ErrorReferenceHandler(documents.catalogue(), MediaType.APPLICATION_JSON_VALUE,
					requestIdHeader));
			return new SimpleUrlHandlerMapping(handlers, ORDER);
		}

		private static String path(String property, String path) {
			if (path == null || !path.startsWith("/") || path.contains("*") || path.contains("{")) {
				throw new InvalidAugnoErrorsConfigurationException(property, path, "not a literal path",
						"Set " + property + " to a path that starts with '/', such as /errors, with no patterns.",
						null);
			}
			return path;
		}

		/**
		 * Link the catalogue relatively when it sits beside the page, so that the link
		 * works under any context path.
		 */
		private static String catalogueHref(String page, String catalogue) {
			String pageFolder = page.substring(0, page.lastIndexOf('/') + 1);
			return catalogue.startsWith(pageFolder) ? catalogue.substring(pageFolder.length()) : catalogue;
		}

	}

	/**
	 * Exports the page and the catalogue, then closes the application.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty("augno.errors.reference.export-dir")
	static class ExportConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ErrorReferenceExporter augnoErrorReferenceExporter(ErrorReferenceDocuments documents,
				AugnoErrorsReferenceProperties properties, ConfigurableApplicationContext context) {
			String directory = properties.getExportDir();
			if (!StringUtils.hasText(directory)) {
				throw new InvalidAugnoErrorsConfigurationException("augno.errors.reference.export-dir", directory,
						"the export directory is blank",
						"Set augno.errors.reference.export-dir to the directory to write the reference into, or "
								+ "remove it to run the application normally.",
						null);
			}
			return new ErrorReferenceExporter(documents, Path.of(directory), context);
		}

	}

	static final class OnServedOrExported extends AnyNestedCondition {

		OnServedOrExported() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnBooleanProperty("augno.errors.reference.enabled")
		static final class Served {

		}

		@ConditionalOnProperty("augno.errors.reference.export-dir")
		static final class Exported {

		}

	}

}
