package com.augno.errors.spring.format;

import java.io.OutputStream;
import java.util.Arrays;

import com.augno.errors.AugnoError;
import com.augno.errors.Quota;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;

/**
 * The Augno envelope, the default format: {@code {"error": {...}}} with the contract's
 * eight members in the contract's order, as {@code application/json}. It has a fixed set
 * of members, so it ignores violations beyond the one it reports and the thrower's
 * extension members. It uses its own {@link JsonFactory}, so the application's Jackson
 * settings cannot change the wire format, and writes the members with a bare generator
 * rather than through data binding: the envelope's shape is fixed, and an error is the
 * one answer written on every failure. The factory keeps its buffers per thread:
 * Jackson's default pool is one concurrent deque, which the request threads of a burst of
 * errors contend for.
 *
 * @since 0.1.0
 */
public final class AugnoErrorFormat implements ErrorFormat {

	private static final JsonFactory FACTORY = JsonFactory.builder()
		.recyclerPool(JsonRecyclerPools.threadLocalPool())
		.build();

	@Override
	public String name() {
		return AUGNO;
	}

	@Override
	public ErrorBody render(ResolvedError error) {
		return ErrorBody.json(toBytes(error.error()), error.headers());
	}

	/**
	 * Serialize an error to the bytes of its envelope.
	 * @param error the error
	 * @return the UTF-8 JSON
	 */
	public byte[] toBytes(AugnoError error) {
		ExactBytes out = new ExactBytes();
		try (JsonGenerator json = FACTORY.createGenerator(ObjectWriteContext.empty(), out, JsonEncoding.UTF8)) {
			json.writeStartObject();
			json.writeName("error");
			json.writeStartObject();
			json.writeStringProperty("code", error.code());
			json.writeStringProperty("type", error.typeName());
			json.writeStringProperty("message", error.message());
			json.writeStringProperty("param", error.param());
			json.writeStringProperty("doc_url", error.docUrl());
			json.writeBooleanProperty("is_transient", error.isTransient());
			writeQuota(json, error.quota());
			json.writeStringProperty("request_log_url", error.requestLogUrl());
			json.writeEndObject();
			json.writeEndObject();
		}
		return out.bytes();
	}

	private static void writeQuota(JsonGenerator json, @Nullable Quota quota) {
		json.writeName("quota");
		if (quota == null) {
			json.writeNull();
			return;
		}
		json.writeStartObject();
		json.writeNumberProperty("limit", quota.limit());
		json.writeNumberProperty("used", quota.used());
		json.writeStringProperty("reset_at", (quota.resetAt() != null) ? quota.resetAt().toString() : null);
		json.writeEndObject();
	}

	/**
	 * The generator buffers what it writes (in a pooled buffer) and hands it over when
	 * closed, in one write for any envelope under its buffer's size: kept as one array of
	 * exactly that length, so the envelope's bytes are copied once.
	 */
	private static final class ExactBytes extends OutputStream {

		private byte[] bytes = new byte[0];

		@Override
		public void write(int b) {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] buffer, int offset, int length) {
			if (this.bytes.length == 0) {
				this.bytes = Arrays.copyOfRange(buffer, offset, offset + length);
				return;
			}
			byte[] joined = Arrays.copyOf(this.bytes, this.bytes.length + length);
			System.arraycopy(buffer, offset, joined, this.bytes.length, length);
			this.bytes = joined;
		}

		byte[] bytes() {
			return this.bytes;
		}

	}

}
