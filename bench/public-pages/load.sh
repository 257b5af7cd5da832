#!/usr/bin/env bash
# Load test of the public pages against a running Credo (see ../public-pages.md). Needs autocannon
# (npm install autocannon@7) or hey on the PATH. Usage: load.sh BASE_URL CREDENTIAL_ID [PROGRAM_CODE] [SECONDS]
set -euo pipefail
base=${1:?base URL, e.g. http://localhost:18206}
id=${2:?id of a credential issued here, shared}
program=${3:-CERT-DA}
seconds=${4:-10}
pages=(/actuator/health /catalog "/catalog?q=data" "/catalog/programs/$program" "/verify/$id" "/verify/$id/badge.png" "/share/$id")
for page in "${pages[@]}"; do
  curl -s -o /dev/null "$base$page"   # warm: the first reader computes the read model
  if command -v hey >/dev/null; then
    echo "== $page"; hey -c 16 -z "${seconds}s" "$base$page" | grep -E "Requests/sec|99% in|\[200\]|\[304\]"
  else
    autocannon -c 16 -d "$seconds" -j "$base$page" |
      node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const r=JSON.parse(s);
        console.log(process.argv[1].padEnd(60), "req/s", r.requests.average.toFixed(0), "p99 ms", r.latency.p99,
          "p50 ms", r.latency.p50, "non2xx", r.non2xx, "errors", r.errors)})' "$page"
  fi
done
