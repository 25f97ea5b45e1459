package com.augno.errors.sample.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.augno.errors.spring.web.PossibleErrors;

/**
 * The codes the sample's cross-cutting checks answer any {@code /v1} request with: its
 * rate limits and the account status; put on each controller, so that the published
 * OpenAPI document lists them on every operation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PossibleErrors({ "rate_limit_exceeded", "payment_required" })
public @interface PlatformErrors {

}
