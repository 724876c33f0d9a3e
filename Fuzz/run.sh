#!/usr/bin/env bash
# Builds GenFuzzer (libFuzzer + AddressSanitizer) and fuzzes YAML loading, OpenAPI parsing and IR
# building for SECONDS seconds, then prints a summary.
#
#   Fuzz/run.sh SECONDS [libFuzzer flags…]   fuzz; new inputs go to Fuzz/.corpus/, findings to Fuzz/Crashes/
#   Fuzz/run.sh minimize FILE                 shrink a crash/timeout/OOM input (writes FILE.min)
#   Fuzz/run.sh replay FILE…                  run inputs once, e.g. to check a fix
#
# Seeds are read from Fuzz/Corpus/ (committed) and never written. The run keeps going after a
# finding (libFuzzer's fork mode), so one run can report several; each is saved as
# Fuzz/Crashes/{crash,timeout,oom,leak}-<sha1>. Limits: inputs up to 64 KiB, 10 s per input, 2 GiB RSS.
# Set GEN_FUZZ_SEEDS=DIR to also read seeds from DIR (e.g. ../shared/corpus; files over 64 KiB are skipped).
set -euo pipefail
usage() { sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[ $# -ge 1 ] || usage

# File arguments are relative to where the script was started; it then works inside Fuzz/.
if [ "$1" = minimize ] || [ "$1" = replay ]; then
  files=()
  for file in "${@:2}"; do [[ "$file" == -* ]] && files+=("$file") || files+=("$(realpath "$file")"); done
  set -- "$1" "${files[@]}"
fi
cd "$(dirname "$0")"

limits=(-max_len=65536 -timeout=10 -rss_limit_mb=2048)

echo "run.sh: building GenFuzzer (release, -sanitize=fuzzer,address)…" >&2
swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --product GenFuzzer >.build-fuzz.log 2>&1 \
  || { cat .build-fuzz.log >&2; echo "run.sh: build failed" >&2; exit 2; }
fuzzer="$(swift build -c release --show-bin-path)/GenFuzzer"

case "$1" in
  minimize)
    [ $# -eq 2 ] || usage
    # A timeout or OOM input is minimized under the same limits, so it must still hit them.
    exec "$fuzzer" "${limits[@]}" -minimize_crash=1 -runs=20000 -exact_artifact_path="$2.min" "$2"
    ;;
  replay)
    shift
    [ $# -ge 1 ] || usage
    exec "$fuzzer" "${limits[@]}" "$@"
    ;;
esac

seconds="$1"
shift
[[ "$seconds" =~ ^[0-9]+$ ]] || usage

mkdir -p .corpus Crashes
seeds=(Corpus)
if [ -n "${GEN_FUZZ_SEEDS:-}" ]; then
  extra="$(mktemp -d)"
  trap 'rm -rf "$extra"' EXIT
  find "$GEN_FUZZ_SEEDS" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' \) -size -65537c \
    -exec sh -c 'for f; do cp "$f" "$0/$(echo "$f" | tr / _)"; done' "$extra" {} +
  seeds+=("$extra")
fi

before="$(find Crashes -type f | sort)"
log="$(mktemp)"
start=$(date +%s)
# -fork=1 with -ignore_*: findings are saved and fuzzing continues until the time is up.
# Leak detection stays on: a leak in one input is reported like a crash.
status=0
"$fuzzer" "${limits[@]}" -max_total_time="$seconds" -dict=openapi.dict -artifact_prefix=Crashes/ \
  -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 -print_final_stats=1 \
  "$@" .corpus "${seeds[@]}" 2>&1 | tee "$log" | grep --line-buffered -E '^#[0-9]+: |INFO: log from the inner process|==ERROR|^SUMMARY|^artifact_prefix|Test unit written' || status=$?
elapsed=$(( $(date +%s) - start ))

new="$(comm -13 <(echo "$before") <(find Crashes -type f | sort) | sed '/^$/d')"
last="$(grep -E '^#[0-9]+: ' "$log" | tail -n1 || true)"
execs="$(sed -E 's/^#([0-9]+):.*/\1/' <<<"$last")"
echo
echo "== GenFuzzer summary =="
echo "time:        ${elapsed}s (asked for ${seconds}s)"
echo "execs:       ${execs:-unknown}"
echo "last status: ${last:-none}"
echo "corpus:      $(find .corpus -type f | wc -l) inputs in Fuzz/.corpus/"
echo "findings:    $(grep -c . <<<"$new" || true) new in Fuzz/Crashes/"
[ -z "$new" ] || sed 's/^/  /' <<<"$new"
echo "full log:    $log"
[ -z "$new" ]
