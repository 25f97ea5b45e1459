package com.augno.errors.sample.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.augno.errors.sample.platform.PlatformErrors;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A bug (internal_error), a report that misses its deadline (request_timeout), and a slow
 * event stream a client can close early (client_closed_request, 499).
 */
@RestController
@PlatformErrors
class OpsController {

	private static final long REPORT_DEADLINE_MS = 1000;

	private static final int STREAM_EVENTS = 60;

	private static final String PADDING = "x".repeat(1024);

	@GetMapping("/v1/ops/bug")
	Map<String, Object> bug() {
		Map<String, Object> settings = Map.of("region", "us-east-1");
		// The bug: a setting that is not there. Its message names the database; the
		// client
		// must never see it.
		Object timeout = settings.get("db.password=s3cr3t timeout");
		return Map.of("timeout", timeout.toString());
	}

	@GetMapping("/v1/ops/reports/export")
	DeferredResult<Map<String, String>> export() {
		// Never completed: the deadline passes and the request times out.
		return new DeferredResult<>(REPORT_DEADLINE_MS);
	}

	@GetMapping("/v1/ops/events")
	ResponseEntity<StreamingResponseBody> events() {
		StreamingResponseBody body = (out) -> {
			for (int i = 0; i < STREAM_EVENTS; i++) {
				out.write(("data: {\"event\":" + i + ",\"padding\":\"" + PADDING + "\"}\n\n")
					.getBytes(StandardCharsets.UTF_8));
				out.flush();
				sleep();
			}
		};
		return ResponseEntity.ok().contentType(MediaType.TEXT_EVENT_STREAM).body(body);
	}

	private static void sleep() throws IOException {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted", ex);
		}
	}

}
