# shellcheck shell=bash
# TRX (VSTest XML results) helpers, sourced by ./test.sh.
#
#   trx_counts FILE   -> prints "passed failed skipped" from the <Counters .../> element in the
#                        file's <ResultSummary>; status 1 if the file has no Counters element.
# "failed" also includes the error/timeout/aborted outcomes; skipped tests are reported by VSTest
# as notExecuted.

trx_counts() {
    local file=$1 counters attr value p=0 f=0 s=0
    [[ -r "$file" ]] || return 1
    counters=$(tr '\r\n' '  ' <"$file" | grep -o '<Counters[[:space:]][^>]*>' | head -n 1 || true)
    [[ -n "$counters" ]] || return 1
    for attr in passed failed error timeout aborted notExecuted; do
        value=$(printf '%s' "$counters" | sed -n -E "s/.*[[:space:]]${attr}=\"([0-9]+)\".*/\1/p")
        value=${value:-0}
        case "$attr" in
            passed) p=$((p + value)) ;;
            notExecuted) s=$((s + value)) ;;
            *) f=$((f + value)) ;;
        esac
    done
    printf '%s %s %s\n' "$p" "$f" "$s"
}

# Formats the summary line: "N passed, N failed" plus ", N skipped" when N > 0.
trx_summary_line() {
    local passed=$1 failed=$2 skipped=$3 line
    line="$passed passed, $failed failed"
    if (( skipped > 0 )); then
        line="$line, $skipped skipped"
    fi
    printf '%s\n' "$line"
}
