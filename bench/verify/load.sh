#!/usr/bin/env bash
# Throughput of POST /credentials/verify (VC-API) against /actuator/health in the same run, on a running Credo.
# Needs autocannon (npm install autocannon@7) or hey on the PATH.
# Usage: load.sh BASE_URL CREDENTIAL_JSON_FILE [SECONDS]
#   The file is a credential as Credo issued it (the wallet's "JSON" download, or GET /api/v1/credentials/{id}).
set -euo pipefail
base=${1:?base URL, e.g. http://localhost:8080}
file=${2:?a credential JSON file}
seconds=${3:-10}
body=$(mktemp)
trap 'rm -f "$body"' EXIT
python3 -c 'import json,sys; print(json.dumps({"verifiableCredential": json.load(open(sys.argv[1]))}))' "$file" >"$body"
# The credential must verify, or the figure measures a refusal.
curl -sf -H 'Content-Type: application/json' --data-binary @"$body" "$base/credentials/verify" |
  python3 -c 'import json,sys; r=json.load(sys.stdin); assert r.get("verified") is True, r; print("verifies: yes")'
run() { # label, then autocannon/hey arguments after the URL
  local label=$1 url=$2; shift 2
  if command -v hey >/dev/null; then
    echo "== $label"; hey -c 16 -z "${seconds}s" "$@" "$url" | grep -E "Requests/sec|99% in|\[200\]"
  else
    autocannon -c 16 -d "$seconds" -j "$@" "$url" |
      node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const r=JSON.parse(s);
        console.log(process.argv[1].padEnd(24), "req/s", r.requests.average.toFixed(0), "p99 ms", r.latency.p99,
          "p50 ms", r.latency.p50, "non2xx", r.non2xx, "errors", r.errors)})' "$label"
  fi
}
curl -s -o /dev/null "$base/actuator/health"
run "GET /actuator/health" "$base/actuator/health"
if command -v hey >/dev/null; then
  run "POST /credentials/verify" "$base/credentials/verify" -m POST -T application/json -D "$body"
else
  run "POST /credentials/verify" "$base/credentials/verify" -m POST -H 'Content-Type: application/json' -i "$body"
fi
