#!/bin/sh
# Admissions benchmarks: the committee view over 50,000 applications and a release of 20,000 decisions,
# on PostgreSQL (see README.md). Usage: bench/admissions/run.sh [jdbc-url] [user]
set -e
cd "$(dirname "$0")/../.."
URL=${1:-jdbc:postgresql://127.0.0.1:5432/credo_bench}
USER_NAME=${2:-postgres}
CREDO_BENCH=admissions CREDO_TEST_DB_URL="$URL" CREDO_TEST_DB_USER="$USER_NAME" \
  ./mvnw -q -B -ntp test -Dtest=AdmissionsBench -Dsurefire.failIfNoSpecifiedTests=false \
  | grep '^BENCH' || true
