package com.augno.errors.spring.codes.registered;

import java.io.IOException;

import com.augno.errors.AugnoException;
import com.augno.errors.ErrorCodes;

/**
 * Passes built-in and service-defined codes in every supported form, and one computed at
 * run time that the check cannot see.
 */
public class LedgerController {

	public String find(String id) {
		throw AugnoException.of("resource_not_found").message("Ledger " + id + " not found.");
	}

	public String lock() {
		throw AugnoException.of("ledger_locked");
	}

	public String sync() {
		try {
			throw new IOException("connection reset");
		}
		catch (IOException ex) {
			throw AugnoException.of("external_service_error", ex);
		}
	}

	public String limit() {
		throw AugnoException.of(ErrorCodes.LIMIT_EXCEEDED).quota(5, 5, null);
	}

	public String computed(String suffix) {
		throw AugnoException.of("resource_" + suffix);
	}

}
