#!/usr/bin/env bash
# JMH microbenchmarks of hot application code (bench/README.md lists them). Builds the application's classes and
# the bench, then runs JMH with the given options, or short defaults: one fork, 3 warm-up and 5 measured seconds.
#   bench/jmh.sh                          # all benchmarks
#   bench/jmh.sh PersonalData -f 2        # those matching a regex, with JMH options
# SKIP_BUILD=1 reuses target/*.jar.original.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
if [ -z "${SKIP_BUILD:-}" ]; then
  ./mvnw -B -o -q package -DskipTests
fi
./mvnw -B -o -q -f bench/pom.xml package
if [ $# -eq 0 ]; then
  set -- -f 1 -wi 3 -w 1s -i 5 -r 1s
fi
exec java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.openjdk.jmh.Main "$@"
