#!/usr/bin/env bash
# Builds a libFuzzer harness (swiftc -sanitize=fuzzer,address, release) and
# runs it for SECONDS (default 600) over its corpus.
#
#   tools/fuzz/run.sh 600                      # FrameFuzzer for 10 minutes
#   tools/fuzz/run.sh 900 SessionFuzzer        # the whole server session for 15 minutes
#   tools/fuzz/run.sh 0 SessionFuzzer FILE...  # replay inputs (crash reproducers) once
#
# FrameFuzzer's corpus starts from Protocol/vectors; SessionFuzzer's from the
# seeds it writes itself (`SessionFuzzer --write-seeds DIR`). Crashes land in
# tools/fuzz/artifacts/TARGET/, the grown corpus in tools/fuzz/corpus/TARGET/
# (both git-ignored). Extra libFuzzer flags: FUZZ_FLAGS="-runs=1000000 ...".
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds="${1:-600}"
target="${2:-FrameFuzzer}"
shift $(( $# < 2 ? $# : 2 ))

cd "$here"
swift build -c release --product "$target" \
    -Xswiftc -sanitize=fuzzer,address
bin="$here/.build/release/$target"

if [[ "$seconds" == 0 ]]; then
    exec "$bin" "$@"
fi

corpus="corpus/$target"
mkdir -p "$corpus" "artifacts/$target"
case "$target" in
    FrameFuzzer)
        # Seed with every golden frame (valid and malformed).
        for f in "$root"/Protocol/vectors/*.bin; do
            [[ -e "$f" ]] && cp -n "$f" "$corpus/"
        done
        ;;
    SessionFuzzer)
        "$bin" --write-seeds "$corpus"
        # Swift's packed pointers make LeakSanitizer report live objects as leaks;
        # no stack per malloc and a small quarantine keep the (store-heavy) runs fast and small.
        export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:malloc_context_size=0:quarantine_size_mb=16}"
        ;;
esac

"$bin" "$corpus" \
    -max_total_time="$seconds" \
    -max_len=16384 \
    -rss_limit_mb=2048 \
    -malloc_limit_mb=256 \
    -artifact_prefix="artifacts/$target/" \
    -print_final_stats=1 \
    ${FUZZ_FLAGS:-} 2>&1 | tee "$here/.build/last-run-$target.log"
