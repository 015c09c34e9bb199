#!/usr/bin/env bash
# tools/cpu_time.sh FILE CMD...: runs CMD and adds the CPU seconds (user + system) of CMD and everything it
# started and waited for to FILE (one number per line), keeping CMD's exit status. ./course test uses it for
# the CPU column of its step table: on a 2-core machine the steps' CPU, not their overlapping wall times,
# says where the run's time goes.
file="$1"; shift
"$@"; rc=$?
tmp=$(mktemp)
times > "$tmp"                 # in this shell, not a subshell: line 2 is its children's user and system time
t=$(tail -1 "$tmp"); rm -f "$tmp"
awk -v t="$t" 'BEGIN { n = split(t, a, " "); s = 0
  for (i = 1; i <= n; i++) { split(a[i], b, "m"); s += b[1] * 60 + b[2] }   # 0m1.234s 0m0.056s
  printf "%.1f\n", s }' >> "$file"
exit $rc
