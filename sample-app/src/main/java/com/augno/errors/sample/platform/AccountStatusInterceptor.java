package com.augno.errors.sample.platform;

import java.util.Set;

import com.augno.errors.AugnoException;
import com.augno.errors.ErrorCodes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses requests made for an account whose subscription is past due (payment_required).
 */
class AccountStatusInterceptor implements HandlerInterceptor {

	private static final Set<String> PAST_DUE = Set.of("acct_past_due");

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String account = request.getHeader("Augno-Account");
		if (account != null && PAST_DUE.contains(account)) {
			throw AugnoException.of(ErrorCodes.PAYMENT_REQUIRED);
		}
		return true;
	}

}
