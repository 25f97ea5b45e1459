package com.augno.errors.spring.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import com.augno.errors.AugnoError;
import com.augno.errors.ErrorCode;
import com.augno.errors.ErrorCodes;
import com.augno.errors.ErrorDocumentation;
import com.augno.errors.ErrorFactory;
import com.augno.errors.ErrorRegistry;
import com.augno.errors.Quota;
import com.augno.errors.spring.servlet.ErrorResponseWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the error reference says, section by section: every code the registry answers
 * with, its documentation, its {@code doc_url}, and an example envelope serialized by the
 * {@link ErrorResponseWriter} the service answers with. The page and the catalogue are
 * both rendered from it.
 *
 * @param sections the non-empty sections, in the page's order
 * @since 0.1.0
 */
public record ErrorReference(List<Section> sections) {

	/**
	 * The request id of the example envelopes: fixed, so that the rendered documents are
	 * the same on every start and their ETag only changes when the contract does.
	 */
	public static final String EXAMPLE_REQUEST_ID = "rq_example";

	/**
	 * The quota of the example of {@code limit_exceeded}.
	 */
	public static final Quota EXAMPLE_QUOTA = new Quota(5, 5, Instant.parse("2030-01-01T00:00:00Z"));

	private static final String SERVICE_SECTION = "service";

	private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	/**
	 * Keep an immutable copy of the sections.
	 */
	public ErrorReference {
		sections = List.copyOf(sections);
	}

	/**
	 * Build the reference of the codes a factory's registry answers with.
	 * @param factory the factory the service creates its errors with
	 * @param writer the writer the service answers with
	 * @return the reference
	 */
	public static ErrorReference of(ErrorFactory factory, ErrorResponseWriter writer) {
		ErrorRegistry registry = factory.registry();
		Map<String, Entry> entries = new LinkedHashMap<>();
		for (ErrorCode code : registry.codes()) {
			entries.put(code.code(), entry(factory, writer, code));
		}
		List<Section> sections = new ArrayList<>();
		Set<String> placed = new HashSet<>();
		Properties layout = layout();
		for (String id : layout.getProperty("sections").split(",")) {
			List<Entry> listed = new ArrayList<>();
			if (SERVICE_SECTION.equals(id)) {
				entries.values().stream().filter((entry) -> !placed.contains(entry.code().code())).forEach(listed::add);
			}
			else {
				Arrays.stream(layout.getProperty(id + ".codes").split(","))
					.map(entries::get)
					.filter((entry) -> entry != null && placed.add(entry.code().code()))
					.forEach(listed::add);
			}
			if (!listed.isEmpty()) {
				sections
					.add(new Section(id, layout.getProperty(id + ".title"), layout.getProperty(id + ".intro"), listed));
			}
		}
		return new ErrorReference(sections);
	}

	/**
	 * Return every entry, section by section.
	 * @return the entries
	 */
	public List<Entry> entries() {
		return this.sections.stream().flatMap((section) -> section.entries().stream()).toList();
	}

	private static Entry entry(ErrorFactory factory, ErrorResponseWriter writer, ErrorCode code) {
		Quota quota = ErrorCodes.LIMIT_EXCEEDED.code().equals(code.code()) ? EXAMPLE_QUOTA : null;
		AugnoError example = factory.create(code, null, null, null, quota, EXAMPLE_REQUEST_ID);
		JsonNode envelope = PRETTY.readTree(writer.toBytes(example));
		return new Entry(code, factory.registry().documentation(code.code()), example.docUrl(),
				PRETTY.writeValueAsString(envelope), envelope);
	}

	private static Properties layout() {
		try (InputStream in = ErrorReference.class.getResourceAsStream("sections.properties")) {
			if (in == null) {
				throw new IllegalStateException("No resource sections.properties beside " + ErrorReference.class);
			}
			Properties properties = new Properties();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			return properties;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A group of codes, such as the authentication errors.
	 *
	 * @param id the stable id of the section, used as its anchor
	 * @param title the heading
	 * @param intro one sentence on what the codes have in common
	 * @param entries the codes
	 */
	public record Section(String id, String title, String intro, List<Entry> entries) {

		/**
		 * Keep an immutable copy of the entries.
		 */
		public Section {
			entries = List.copyOf(entries);
		}

	}

	/**
	 * One code of the reference.
	 *
	 * @param code the registered code, with the service's overrides
	 * @param documentation what the documentation says about it, possibly empty
	 * @param docUrl the {@code doc_url} its envelopes carry
	 * @param exampleJson the example envelope, indented for reading
	 * @param example the example envelope as a tree
	 */
	public record Entry(ErrorCode code, ErrorDocumentation documentation, String docUrl, String exampleJson,
			JsonNode example) {

		/**
		 * Return whether an error with this code, reported with its own type, is
		 * transient.
		 * @return whether retrying may succeed
		 */
		public boolean isTransient() {
			return this.code.isTransient(this.code.type());
		}

	}

}
