#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Every file of the bad-input corpus, through the real command line:
# `ninefold validate` exits 1 with a message naming the file, within a
# second, in at most 1 GiB of address space.
set -u
ninefold="${1:?usage: check-bad-corpus.sh NINEFOLD CORPUS_DIR}"
corpus="${2:?usage: check-bad-corpus.sh NINEFOLD CORPUS_DIR}"
n=0
failed=0
# AddressSanitizer reserves terabytes of address space for its shadow
# memory, so the cap only applies without it; valgrind and sanitizers set
# NF_TEST_SLOWDOWN to stretch the time limit.
cap="ulimit -v 1048576;"
[ -n "${ASAN_OPTIONS:-}" ] && cap=""
limit_ms=$(( 1000 * ${NF_TEST_SLOWDOWN:-1} ))
for f in "$corpus"/*.ninefold; do
  n=$((n + 1))
  name=$(basename "$f")
  start=$(date +%s%N)
  err=$( (eval "$cap"; exec "$ninefold" validate "$f") 2>&1 >/dev/null)
  rc=$?
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  if [ "$rc" -ne 1 ]; then
    echo "not ok $n - $name: exit status $rc, expected 1 ($err)"
    failed=$((failed + 1))
  elif [[ "$err" != *"$name"* ]]; then
    echo "not ok $n - $name: the message does not name the file: $err"
    failed=$((failed + 1))
  elif [ "$ms" -ge "$limit_ms" ]; then
    echo "not ok $n - $name: took $ms ms"
    failed=$((failed + 1))
  else
    echo "ok $n - $name (${ms} ms)"
  fi
done
echo "1..$n"
[ "$n" -ge 25 ] && [ "$failed" -eq 0 ]
