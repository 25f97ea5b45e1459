package com.augno.errors.spring.openapi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.augno.errors.ErrorCode;
import com.augno.errors.ErrorRegistry;
import com.augno.errors.ErrorType;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The Augno envelope as OpenAPI component schemas, {@value #ENVELOPE} holding
 * {@value #ERROR} and {@value #QUOTA}: every member required, nullable ones nullable (the
 * 3.0 or the 3.1 way, as the document is written), {@code code} an enum of the registry's
 * codes and {@code type} of the wire types.
 *
 * @since 0.1.0
 */
// swagger-models' fluent setters return the raw Schema type.
@SuppressWarnings({ "rawtypes", "unchecked" })
public final class ErrorEnvelopeSchemas {

	/**
	 * The name of the envelope's schema.
	 */
	public static final String ENVELOPE = "AugnoErrorEnvelope";

	/**
	 * The name of the schema of the value inside {@code "error"}.
	 */
	public static final String ERROR = "AugnoError";

	/**
	 * The name of the quota's schema.
	 */
	public static final String QUOTA = "AugnoQuota";

	private static final String REF_PREFIX = "#/components/schemas/";

	private final ErrorRegistry registry;

	/**
	 * Create the schemas of a registry's envelope.
	 * @param registry the registry whose codes the {@code code} enum lists
	 */
	public ErrorEnvelopeSchemas(ErrorRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Return the reference to the envelope's schema.
	 * @return a schema that refers to {@value #ENVELOPE}
	 */
	public static Schema<Object> envelopeReference() {
		return new Schema<>().$ref(REF_PREFIX + ENVELOPE);
	}

	/**
	 * Add the schemas to a document's components, replacing any of the same names.
	 * @param openApi the document
	 */
	public void addTo(OpenAPI openApi) {
		boolean v31 = openApi.getSpecVersion() == SpecVersion.V31;
		Components components = openApi.getComponents();
		if (components == null) {
			components = new Components();
			openApi.setComponents(components);
		}
		components.addSchemas(ENVELOPE, envelope(v31));
		components.addSchemas(ERROR, error(v31));
		components.addSchemas(QUOTA, quota(v31));
	}

	private static Schema<Object> envelope(boolean v31) {
		return object("An error response: one member, error.", v31)
			.addProperty("error", new Schema<>().$ref(REF_PREFIX + ERROR))
			.required(List.of("error"));
	}

	private Schema<Object> error(boolean v31) {
		List<String> codes = this.registry.codes().stream().map(ErrorCode::code).toList();
		List<String> types = new ArrayList<>();
		for (ErrorType type : ErrorType.values()) {
			types.add(type.wireName());
		}
		return object("What went wrong; members in this order, always present.", v31)
			.addProperty("code", enumeration(codes, "The machine-readable condition clients branch on.", v31))
			.addProperty("type", enumeration(types, "The broad category of the error.", v31))
			.addProperty("message", string("A human-readable message, safe to show to end users.", false, v31))
			.addProperty("param", string("The request field or parameter at fault.", true, v31))
			.addProperty("doc_url", string("The link to the code's documentation.", false, v31).format("uri"))
			.addProperty("is_transient", typed("boolean", "Whether retrying may succeed after a delay.", false, v31))
			.addProperty("quota", quotaReference(v31))
			.addProperty("request_log_url", string("The link to this request's log entry.", true, v31).format("uri"))
			.required(
					List.of("code", "type", "message", "param", "doc_url", "is_transient", "quota", "request_log_url"));
	}

	private static Schema<Object> quota(boolean v31) {
		return object("The quota a limit_exceeded error reports.", v31)
			.addProperty("limit", typed("integer", "The limit of the plan.", false, v31).format("int64"))
			.addProperty("used", typed("integer", "How much of it is used.", false, v31).format("int64"))
			.addProperty("reset_at", string("When the quota resets.", true, v31).format("date-time"))
			.required(List.of("limit", "used", "reset_at"));
	}

	private static Schema<Object> quotaReference(boolean v31) {
		Schema<Object> reference = new Schema<>().$ref(REF_PREFIX + QUOTA);
		String description = "The quota of a limit_exceeded error, null otherwise.";
		if (v31) {
			return new Schema<>().anyOf(List.of(reference, typed("null", null, false, true))).description(description);
		}
		return new Schema<>().allOf(List.of(reference)).nullable(true).description(description);
	}

	private static Schema<Object> object(String description, boolean v31) {
		return typed("object", description, false, v31);
	}

	private static Schema<Object> enumeration(List<String> values, String description, boolean v31) {
		Schema<Object> schema = typed("string", description, false, v31);
		schema.setEnum(new ArrayList<>(values));
		return schema;
	}

	private static Schema<Object> string(String description, boolean nullable, boolean v31) {
		return typed("string", description, nullable, v31);
	}

	private static Schema<Object> typed(String type, @Nullable String description, boolean nullable, boolean v31) {
		Schema<Object> schema = new Schema<>().type(type).description(description);
		if (v31) {
			Set<String> types = new LinkedHashSet<>(List.of(type));
			if (nullable) {
				types.add("null");
			}
			schema.setTypes(types);
		}
		else if (nullable) {
			schema.setNullable(true);
		}
		return schema;
	}

}
