package com.augno.errors.sample.identity;

import java.util.Map;

import com.augno.errors.sample.platform.PlatformErrors;

import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Account users: a read-only key is refused by the security rules
 * (insufficient_permissions).
 */
@RestController
@PlatformErrors
class AccountUserController {

	@PatchMapping("/v1/identity/account-users/{id}")
	Map<String, Object> update(@PathVariable String id, @RequestBody Map<String, Object> changes) {
		return Map.of("id", id, "changed", changes.keySet());
	}

}
