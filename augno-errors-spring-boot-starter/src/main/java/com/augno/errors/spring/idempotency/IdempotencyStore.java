package com.augno.errors.spring.idempotency;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

import org.jspecify.annotations.Nullable;

/**
 * Where idempotency keys and the responses they stand for are kept. Implement it on your
 * own database to share keys between instances without Redis: {@link #claim} must be
 * atomic across every instance that shares the store (an insert that fails on a unique
 * key, or a compare-and-set), and every record must expire after the time it is given.
 * Every method throws {@link IdempotencyStoreException} when the store cannot answer; the
 * filter then applies {@code augno.errors.idempotency.on-store-failure}.
 *
 * @since 0.1.0
 */
public interface IdempotencyStore {

	/**
	 * Claim a key for a request about to execute, atomically: store the in-flight record
	 * if the key holds none (or an expired one), otherwise return what it holds.
	 * @param key the key, already scoped to the caller and the endpoint
	 * @param inFlight the record of the request that claims the key
	 * @param lockTimeout how long the in-flight record holds the key
	 * @return {@code null} if the key was claimed, otherwise the record it holds
	 * @throws IdempotencyStoreException if the store cannot answer
	 */
	@Nullable IdempotencyRecord claim(String key, IdempotencyRecord.InFlight inFlight, Duration lockTimeout);

	/**
	 * Replace the in-flight record of a claim with the completed response, if the key is
	 * still held by that claim (it may have expired and been claimed again). The filter
	 * releases the response to the client once this method returns, so the method may
	 * return before the store holds the record: the Redis store sends its command and
	 * answers with the pending reply, so that a new key costs the request one round trip.
	 * Until the record lands, a retry on another instance may get
	 * {@code idempotency_in_progress}; a store must therefore send the command before it
	 * returns, so that a retry through the same instance is ordered after it. A store
	 * that completes synchronously returns a completed stage.
	 * @param key the key
	 * @param inFlight the record the key was claimed with
	 * @param completed the response to replay
	 * @param retention how long the response is kept
	 * @return completes when the store holds the record, or exceptionally (with an
	 * {@link IdempotencyStoreException}) when it could not store it; the filter logs such
	 * a failure, and the key then expires with its lock timeout
	 * @throws IdempotencyStoreException if the store cannot answer (it may also return a
	 * failed stage)
	 */
	CompletionStage<Void> complete(String key, IdempotencyRecord.InFlight inFlight,
			IdempotencyRecord.Completed completed, Duration retention);

	/**
	 * Extend the in-flight record of a claim to expire {@code lockTimeout} from now, if
	 * the key is still held by that claim. The filter calls it every half lock timeout
	 * while the request runs, so that a long request keeps its key and only a crashed
	 * instance's key expires.
	 * @param key the key
	 * @param inFlight the record the key was claimed with
	 * @param lockTimeout how long the in-flight record holds the key from now
	 * @return whether the key was still held by that claim
	 * @throws IdempotencyStoreException if the store cannot answer
	 */
	boolean renew(String key, IdempotencyRecord.InFlight inFlight, Duration lockTimeout);

	/**
	 * Remove the in-flight record of a claim, if the key is still held by that claim, so
	 * that a retry executes again.
	 * @param key the key
	 * @param inFlight the record the key was claimed with
	 * @throws IdempotencyStoreException if the store cannot answer
	 */
	void release(String key, IdempotencyRecord.InFlight inFlight);

}
