package com.augno.errors.spring.reference;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.augno.errors.ErrorFactory;
import com.augno.errors.spring.servlet.ErrorResponseWriter;
import org.jspecify.annotations.Nullable;

/**
 * The two published documents of a service's contract, the reference page and the JSON
 * catalogue, rendered once from its registry; the same renderer serves them over HTTP and
 * exports them as static files.
 *
 * @since 0.1.0
 */
public final class ErrorReferenceDocuments {

	/**
	 * The file name of the exported page.
	 */
	public static final String PAGE_FILE = "index.html";

	/**
	 * The file name of the exported catalogue.
	 */
	public static final String CATALOGUE_FILE = "errors.json";

	private final ErrorReference reference;

	private final String title;

	private final byte[] catalogue;

	/**
	 * Render the documents of the codes a factory's registry answers with.
	 * @param factory the factory the service creates its errors with
	 * @param writer the writer the service answers with
	 * @param title the page's title
	 */
	public ErrorReferenceDocuments(ErrorFactory factory, ErrorResponseWriter writer, String title) {
		this.reference = ErrorReference.of(factory, writer);
		this.title = title;
		this.catalogue = new ErrorCatalogue().render(this.reference);
	}

	/**
	 * Return the reference the documents are rendered from.
	 * @return the reference
	 */
	public ErrorReference reference() {
		return this.reference;
	}

	/**
	 * Render the page.
	 * @param catalogueHref the link to the catalogue, or {@code null} for none
	 * @return the UTF-8 HTML
	 */
	public byte[] page(@Nullable String catalogueHref) {
		return new ErrorReferencePage(this.title, catalogueHref).render(this.reference)
			.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Return the catalogue.
	 * @return the UTF-8 JSON
	 */
	public byte[] catalogue() {
		return this.catalogue.clone();
	}

	/**
	 * Write the page as {@value #PAGE_FILE} and the catalogue as {@value #CATALOGUE_FILE}
	 * into a directory, creating it if needed.
	 * @param directory the directory
	 * @return the files written
	 * @throws IOException if a file cannot be written
	 */
	public List<Path> export(Path directory) throws IOException {
		Files.createDirectories(directory);
		Path page = Files.write(directory.resolve(PAGE_FILE), page(CATALOGUE_FILE));
		Path catalogue = Files.write(directory.resolve(CATALOGUE_FILE), this.catalogue);
		return List.of(page, catalogue);
	}

}
