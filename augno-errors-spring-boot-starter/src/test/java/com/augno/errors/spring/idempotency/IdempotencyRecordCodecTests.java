package com.augno.errors.spring.idempotency;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Records written as bytes read back the same, and bytes that are not a record fail
 * clearly.
 */
class IdempotencyRecordCodecTests {

	@Test
	void roundTripsAnInFlightRecord() {
		IdempotencyRecord.InFlight record = new IdempotencyRecord.InFlight("token", "fingerprint");
		assertThat(IdempotencyRecordCodec.decode(IdempotencyRecordCodec.encode(record))).isEqualTo(record);
	}

	@Test
	void roundTripsACompletedRecordWithHeadersAndABinaryBody() {
		byte[] body = new byte[70_000];
		Arrays.fill(body, (byte) 0xE9);
		IdempotencyRecord.Completed record = new IdempotencyRecord.Completed("fingerprint", 201,
				List.of(new IdempotencyRecord.Header("Content-Type", "application/octet-stream"),
						new IdempotencyRecord.Header("Link", "</a>; rel=\"next\""),
						new IdempotencyRecord.Header("Link", "</b>; rel=\"prev\"")),
				body);
		assertThat(IdempotencyRecordCodec.decode(IdempotencyRecordCodec.encode(record))).isEqualTo(record);
	}

	@Test
	void rejectsTruncatedAndForeignBytes() {
		byte[] encoded = IdempotencyRecordCodec
			.encode(new IdempotencyRecord.Completed("fp", 200, List.of(), "hello".getBytes(StandardCharsets.UTF_8)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> IdempotencyRecordCodec.decode(Arrays.copyOf(encoded, encoded.length - 2)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> IdempotencyRecordCodec.decode("not a record".getBytes(StandardCharsets.UTF_8)))
			.withMessageContaining("version");
	}

}
