package com.augno.errors.spring.idempotency;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an {@link IdempotencyRecord} as bytes and reads it back, for stores that keep
 * values as bytes (Redis, a {@code bytea} column). The format starts with a version byte,
 * so that a later release can read what an earlier one wrote.
 *
 * @since 0.1.0
 */
public final class IdempotencyRecordCodec {

	private static final int VERSION = 1;

	private static final int IN_FLIGHT = 1;

	private static final int COMPLETED = 2;

	private IdempotencyRecordCodec() {
	}

	/**
	 * Write a record.
	 * @param record the record
	 * @return its bytes
	 */
	public static byte[] encode(IdempotencyRecord record) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(
				(record instanceof IdempotencyRecord.Completed completed) ? completed.bodyLength() + 256 : 96);
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeByte(VERSION);
			if (record instanceof IdempotencyRecord.InFlight inFlight) {
				out.writeByte(IN_FLIGHT);
				writeString(out, inFlight.token());
				writeString(out, inFlight.fingerprint());
			}
			else if (record instanceof IdempotencyRecord.Completed completed) {
				out.writeByte(COMPLETED);
				writeString(out, completed.fingerprint());
				out.writeShort(completed.status());
				out.writeInt(completed.headers().size());
				for (IdempotencyRecord.Header header : completed.headers()) {
					writeString(out, header.name());
					writeString(out, header.value());
				}
				out.writeInt(completed.bodyLength());
				completed.writeBody(out);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/**
	 * Read a record.
	 * @param bytes what {@link #encode} wrote
	 * @return the record
	 * @throws IllegalArgumentException if the bytes are not a record of a known version
	 */
	public static IdempotencyRecord decode(byte[] bytes) {
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
			int version = in.readUnsignedByte();
			if (version != VERSION) {
				throw new IllegalArgumentException("Unknown idempotency record version " + version);
			}
			int kind = in.readUnsignedByte();
			if (kind == IN_FLIGHT) {
				return new IdempotencyRecord.InFlight(readString(in), readString(in));
			}
			if (kind != COMPLETED) {
				throw new IllegalArgumentException("Unknown idempotency record kind " + kind);
			}
			String fingerprint = readString(in);
			int status = in.readUnsignedShort();
			int headerCount = in.readInt();
			List<IdempotencyRecord.Header> headers = new ArrayList<>(Math.min(headerCount, 64));
			for (int i = 0; i < headerCount; i++) {
				headers.add(new IdempotencyRecord.Header(readString(in), readString(in)));
			}
			return new IdempotencyRecord.Completed(fingerprint, status, headers, readBytes(in));
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("Truncated idempotency record", ex);
		}
	}

	private static void writeString(DataOutputStream out, String value) throws IOException {
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		out.writeInt(bytes.length);
		out.write(bytes);
	}

	private static String readString(DataInputStream in) throws IOException {
		return new String(readBytes(in), StandardCharsets.UTF_8);
	}

	private static byte[] readBytes(DataInputStream in) throws IOException {
		int length = in.readInt();
		if (length < 0 || length > in.available()) {
			throw new IOException("Length " + length + " past the end of the record");
		}
		return in.readNBytes(length);
	}

}
