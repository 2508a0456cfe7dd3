#!/usr/bin/env bash
# JMH microbenchmarks of hot application code (bench/README.md lists them). Builds the application's classes and
# the bench, then runs JMH with the given options, or short defaults: one fork, 3 warm-up and 5 measured seconds.
#   bench/jmh.sh                          # all benchmarks
#   bench/jmh.sh LedgerHash               # those matching a regex, with the short defaults
#   bench/jmh.sh PersonalData -f 2        # with JMH options instead of the defaults
# SKIP_BUILD=1 reuses target/*.jar.original.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
if [ -z "${SKIP_BUILD:-}" ]; then
  ./mvnw -B -o -q package -DskipTests
fi
./mvnw -B -o -q -f bench/pom.xml package
# The short defaults unless JMH options are given (a regex alone, as in `bench/jmh.sh LedgerHash`, keeps them).
has_options=""
for arg in "$@"; do
  case "$arg" in -*) has_options=1 ;; esac
done
if [ -z "$has_options" ]; then
  set -- "$@" -f 1 -wi 3 -w 1s -i 5 -r 1s
fi
exec java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.openjdk.jmh.Main "$@"
