package com.augno.errors.spring.reference;

import com.augno.errors.ErrorCode;
import com.augno.errors.ErrorDocumentation;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders an {@link ErrorReference} as the JSON catalogue, for client generators and
 * dashboards. Its shape, version {@value #VERSION}:
 *
 * <pre class="code">
 * {
 *   "version": 1,
 *   "codes": [
 *     {
 *       "code": "resource_not_found",          // the wire code
 *       "status": 404,                          // the HTTP status
 *       "type": "invalid_request_error",        // the type it is reported with
 *       "is_transient": false,                  // whether retrying may succeed
 *       "message": "The requested ...",         // the default message
 *       "doc_url": "https://.../errors#resource_not_found",
 *       "category": "resources",                // the page's section id
 *       "title": "Resource not found",          // null when undocumented
 *       "description": "...",                   // null when undocumented
 *       "causes": ["..."],                      // empty when undocumented
 *       "resolution": "...",                    // null when undocumented
 *       "example": { "error": { ... } }         // an envelope, as the service writes it
 *     }
 *   ]
 * }
 * </pre>
 *
 * Members are only ever added within a version; a change of meaning or a removal bumps
 * it.
 *
 * @since 0.1.0
 */
public final class ErrorCatalogue {

	/**
	 * The version of the catalogue's shape.
	 */
	public static final int VERSION = 1;

	private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	/**
	 * Render a reference.
	 * @param reference the reference
	 * @return the catalogue as UTF-8 JSON
	 */
	public byte[] render(ErrorReference reference) {
		ObjectNode root = MAPPER.createObjectNode();
		root.put("version", VERSION);
		ArrayNode codes = root.putArray("codes");
		for (ErrorReference.Section section : reference.sections()) {
			for (ErrorReference.Entry entry : section.entries()) {
				ErrorCode code = entry.code();
				ErrorDocumentation doc = entry.documentation();
				ObjectNode node = codes.addObject();
				node.put("code", code.code());
				node.put("status", code.status());
				node.put("type", code.type().wireName());
				node.put("is_transient", entry.isTransient());
				node.put("message", code.message());
				node.put("doc_url", entry.docUrl());
				node.put("category", section.id());
				node.put("title", doc.title());
				node.put("description", doc.description());
				ArrayNode causes = node.putArray("causes");
				doc.causes().forEach(causes::add);
				node.put("resolution", doc.resolution());
				node.set("example", entry.example());
			}
		}
		return MAPPER.writeValueAsBytes(root);
	}

}
