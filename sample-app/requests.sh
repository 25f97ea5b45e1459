#!/usr/bin/env bash
# Replays one request for every code of the Augno contract against the sample service.
# Start the sample first (see the README), then: ./sample-app/requests.sh [base-url]
set -u
BASE=${1:-http://127.0.0.1:8080}
KEY="Authorization: Bearer sk_test_live"
VERSION="Augno-Version: 2025-06-01"
JSON="Content-Type: application/json"

call() {
	local code=$1
	shift
	printf '\n### %s\n$ curl' "$code"
	local arg
	for arg in "$@"; do
		if [[ $arg =~ [^A-Za-z0-9_./:=-] ]]; then printf " '%s'" "$arg"; else printf ' %s' "$arg"; fi
	done
	printf '\n'
	curl -s -i "$@" | tr -d '\r' | grep -iE '^(HTTP/|request-id|retry-after|allow|www-authenticate)|^\{'
}

call expired_token -H "Authorization: Bearer st_session_expired" -H "$VERSION" "$BASE/v1/catalog/items"
call api_key_expired -H "Authorization: Bearer sk_test_expired" -H "$VERSION" "$BASE/v1/catalog/items"
call api_key_revoked -H "Authorization: Bearer sk_test_revoked" -H "$VERSION" "$BASE/v1/catalog/items"
call invalid_credentials -H "Authorization: Bearer sk_test_unknown" -H "$VERSION" "$BASE/v1/catalog/items"
call insufficient_permissions -X PATCH -H "Authorization: Bearer sk_test_readonly" -H "$VERSION" -H "$JSON" \
	-d '{"role":"admin"}' "$BASE/v1/identity/account-users/au_1"
call payment_required -H "$KEY" -H "$VERSION" -H "Augno-Account: acct_past_due" "$BASE/v1/catalog/items"
for i in 1 2 3 4 5; do
	curl -s -o /dev/null -X POST -H "$KEY" -H "$VERSION" -H "Augno-Account: acct_demo" "$BASE/v1/core/sandboxes"
done
call limit_exceeded -X POST -H "$KEY" -H "$VERSION" -H "Augno-Account: acct_demo" "$BASE/v1/core/sandboxes"
call registration_closed -X POST -H "$VERSION" -H "$JSON" \
	-d '{"name":"Ann","email":"ann@example.com","password":"correct-horse-1","plan":"enterprise_beta"}' \
	"$BASE/v1/auth/users"
call validation_failed -X POST -H "$VERSION" -H "$JSON" \
	-d '{"name":"Ann","email":"ann@example.com","password":"short"}' "$BASE/v1/auth/users"
call missing_field -X POST -H "$VERSION" -H "$JSON" \
	-d '{"email":"ann@example.com","password":"correct-horse-1"}' "$BASE/v1/auth/users"
call invalid_format -X POST -H "$VERSION" -H "$JSON" \
	-d '{"name":"Ann","email":"ann.example.com","password":"correct-horse-1"}' "$BASE/v1/auth/users"
call method_not_allowed -X POST -H "$KEY" -H "$VERSION" "$BASE/v1/catalog/items/item_7"
call parameter_missing -H "$KEY" -H "$VERSION" "$BASE/v1/core/addresses/details"
call parameter_invalid -H "$KEY" -H "$VERSION" "$BASE/v1/catalog/items?limit=-25"
call parameter_unknown -H "$KEY" -H "$VERSION" "$BASE/v1/catalog/items?skip=10"
call parameters_exclusive -H "$KEY" -H "$VERSION" "$BASE/v1/catalog/items?cursor=item_3&page=2"
call resource_not_found -H "$KEY" -H "$VERSION" "$BASE/v1/catalog/items/item_404"
call resource_exists -X POST -H "$VERSION" -H "$JSON" \
	-d '{"name":"Ann","email":"taken@example.com","password":"correct-horse-1"}' "$BASE/v1/auth/users"
call resource_conflict -X PATCH -H "$KEY" -H "$VERSION" -H "$JSON" \
	-d '{"name":"Lamp","price_cents":1200,"version":99}' "$BASE/v1/catalog/items/item_7"
call resource_gone -X PATCH -H "$KEY" -H "$VERSION" -H "$JSON" \
	-d '{"name":"Lamp","price_cents":1200,"version":2}' "$BASE/v1/catalog/items/item_gone"
curl -s -o /dev/null -X POST -H "$KEY" -H "$VERSION" -H "Augno-Account: acct_idem" -H "Idempotency-Key: req_abc123" \
	-H "Sample-Delay-Ms: 2000" "$BASE/v1/core/sandboxes" &
sleep 0.5
call idempotency_in_progress -X POST -H "$KEY" -H "$VERSION" -H "Augno-Account: acct_idem" \
	-H "Idempotency-Key: req_abc123" "$BASE/v1/core/sandboxes"
wait
call "validation_failed (idempotency_error)" -X POST -H "$KEY" -H "$VERSION" -H "$JSON" -H "Augno-Account: acct_idem" \
	-H "Idempotency-Key: req_abc123" -d '{"region":"eu"}' "$BASE/v1/core/sandboxes"
for i in 1 2 3; do
	curl -s -o /dev/null -H "Authorization: Bearer sk_test_ratelimited" -H "$VERSION" "$BASE/v1/catalog/items"
done
call rate_limit_exceeded -H "Authorization: Bearer sk_test_ratelimited" -H "$VERSION" "$BASE/v1/catalog/items"
call api_version_required -H "$KEY" "$BASE/v1/catalog/items"
call api_version_invalid -H "$KEY" -H "Augno-Version: 2099-01-01" "$BASE/v1/catalog/items"
call api_version_too_old -H "$KEY" -H "Augno-Version: 2024-01-01" "$BASE/v1/catalog/items"
call internal_error -H "$KEY" -H "$VERSION" "$BASE/v1/ops/bug"
call service_unavailable -H "$KEY" -H "$VERSION" -H "Sample-Provider-Mode: unavailable" "$BASE/v1/shipping/rates"
call external_service_error -H "$KEY" -H "$VERSION" -H "Sample-Provider-Mode: error" "$BASE/v1/shipping/rates"
call timeout -H "$KEY" -H "$VERSION" -H "Sample-Provider-Mode: slow" "$BASE/v1/shipping/rates"
call connection_error -H "$KEY" -H "$VERSION" -H "Sample-Provider-Mode: refuse" "$BASE/v1/shipping/rates"
call request_timeout -H "$KEY" -H "$VERSION" "$BASE/v1/ops/reports/export"
printf '\n### client_closed_request\n$ curl --max-time 1 -H %s -H %s %s\n' "'$KEY'" "'$VERSION'" "$BASE/v1/ops/events"
curl -s -o /dev/null --max-time 1 -H "$KEY" -H "$VERSION" "$BASE/v1/ops/events"
echo "(the client gave up after 1 s; the server logs one DEBUG line and records 499, writing nothing)"
