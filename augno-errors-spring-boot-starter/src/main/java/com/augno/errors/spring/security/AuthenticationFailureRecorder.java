package com.augno.errors.spring.security;

import com.augno.errors.spring.servlet.ErrorResponseHandler;

import org.springframework.context.ApplicationListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Records a failed authentication on the current request under
 * {@link ErrorResponseHandler#FAILURE_ATTRIBUTE}. Entry points that Spring Security keeps
 * for themselves, such as HTTP Basic's and the bearer token one, answer with a bare 401
 * and never hand over the exception; the recorded failure lets that 401 carry the right
 * code, without replacing the application's entry points, whether the error dispatch that
 * follows reaches the error controller or, when the application does not permit its error
 * path, the {@link AugnoAuthenticationEntryPoint}.
 *
 * @since 0.1.0
 */
public final class AuthenticationFailureRecorder implements ApplicationListener<AbstractAuthenticationFailureEvent> {

	@Override
	public void onApplicationEvent(AbstractAuthenticationFailureEvent event) {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes != null) {
			attributes.setAttribute(ErrorResponseHandler.FAILURE_ATTRIBUTE, event.getException(),
					RequestAttributes.SCOPE_REQUEST);
		}
	}

}
