package com.augno.errors.sample.core;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.augno.errors.AugnoException;
import com.augno.errors.ErrorCodes;
import com.augno.errors.sample.platform.PlatformErrors;
import com.augno.errors.spring.web.PossibleErrors;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sandbox accounts: each account may have {@value #PLAN_LIMIT}; the sixth is
 * limit_exceeded with the quota. {@code Sample-Delay-Ms} (at most 3000) slows
 * provisioning down, so that a concurrent retry with the same idempotency key can be
 * seen.
 */
@RestController
@PlatformErrors
class SandboxController {

	static final int PLAN_LIMIT = 5;

	private static final long MAX_DELAY_MS = 3000;

	private final Map<String, AtomicInteger> sandboxesByAccount = new ConcurrentHashMap<>();

	@PostMapping("/v1/core/sandboxes")
	// validation_failed: an idempotency key reused with other parameters.
	@PossibleErrors({ "limit_exceeded", "idempotency_in_progress", "validation_failed" })
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> create(@RequestHeader(name = "Augno-Account", defaultValue = "acct_default") String account,
			@RequestHeader(name = "Sample-Delay-Ms", required = false) @Nullable Long delayMs)
			throws InterruptedException {
		if (delayMs != null && delayMs > 0) {
			Thread.sleep(Math.min(delayMs, MAX_DELAY_MS));
		}
		AtomicInteger count = this.sandboxesByAccount.computeIfAbsent(account, (key) -> new AtomicInteger());
		int used = count.get();
		if (used >= PLAN_LIMIT || !count.compareAndSet(used, used + 1)) {
			throw AugnoException.of(ErrorCodes.LIMIT_EXCEEDED)
				.message("You have reached the maximum number of sandbox accounts for your plan.")
				.quota(PLAN_LIMIT, Math.min(used, PLAN_LIMIT), null);
		}
		return Map.of("id", "sbx_" + account.hashCode() + "_" + (used + 1), "account", account);
	}

}
