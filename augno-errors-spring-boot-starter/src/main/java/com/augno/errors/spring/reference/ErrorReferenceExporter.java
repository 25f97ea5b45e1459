package com.augno.errors.spring.reference;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Writes the reference page and the catalogue into a directory once the application has
 * started, then closes the application: the export mode for a docs site's build, with the
 * same renderer, registry and properties as the running service.
 *
 * @since 0.1.0
 */
public final class ErrorReferenceExporter implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(ErrorReferenceExporter.class);

	private final ErrorReferenceDocuments documents;

	private final Path directory;

	private final ConfigurableApplicationContext context;

	/**
	 * Create an exporter.
	 * @param documents the documents
	 * @param directory the directory to write them to
	 * @param context the application to close afterwards
	 */
	public ErrorReferenceExporter(ErrorReferenceDocuments documents, Path directory,
			ConfigurableApplicationContext context) {
		this.documents = documents;
		this.directory = directory;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		List<Path> files = this.documents.export(this.directory);
		logger.info("Exported the error reference of {} codes to {}; closing the application",
				this.documents.reference().entries().size(), files);
		SpringApplication.exit(this.context);
	}

}
