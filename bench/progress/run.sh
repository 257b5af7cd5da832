#!/bin/sh
# Degree audit engine benchmark (ADR 0054). Compiles Credo, then runs AuditBench against its classes.
# Usage: bench/progress/run.sh [learners=100000] [threads=2] [seed=15]
set -e
cd "$(dirname "$0")/../.."
./mvnw -q -B -ntp compile dependency:build-classpath -Dmdep.outputFile=target/bench-progress.classpath
CP="target/classes:$(cat target/bench-progress.classpath)"
mkdir -p target/bench-progress
javac -d target/bench-progress -cp "$CP" bench/progress/src/org/credo/bench/progress/AuditBench.java
java -Xmx2g -cp "target/bench-progress:$CP" org.credo.bench.progress.AuditBench "$@"
