#!/usr/bin/env bash
# Builds the libFuzzer harness (swiftc -sanitize=fuzzer,address, release) and
# runs it for SECONDS (default 600) over a corpus seeded from Protocol/vectors.
#
#   tools/fuzz/run.sh 600            # fuzz for 10 minutes
#   tools/fuzz/run.sh 0 FILE...      # replay inputs (crash reproducers) once
#
# Crashes land in tools/fuzz/artifacts/; the grown corpus in tools/fuzz/corpus/
# (both git-ignored). Extra libFuzzer flags: FUZZ_FLAGS="-jobs=2 ...".
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds="${1:-600}"
shift || true

cd "$here"
swift build -c release --product FrameFuzzer \
    -Xswiftc -sanitize=fuzzer,address
bin="$here/.build/release/FrameFuzzer"

if [[ "$seconds" == 0 ]]; then
    exec "$bin" "$@"
fi

mkdir -p corpus artifacts
# Seed with every golden frame (valid and malformed).
for f in "$root"/Protocol/vectors/*.bin; do
    [[ -e "$f" ]] && cp -n "$f" corpus/
done

"$bin" corpus \
    -max_total_time="$seconds" \
    -max_len=16384 \
    -rss_limit_mb=2048 \
    -malloc_limit_mb=256 \
    -artifact_prefix=artifacts/ \
    -print_final_stats=1 \
    ${FUZZ_FLAGS:-} 2>&1 | tee "$here/.build/last-run.log"
