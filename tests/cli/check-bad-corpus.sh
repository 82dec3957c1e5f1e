#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Every file of the bad-input corpus, through the real command line:
# `ninefold validate` (canvases) or `ninefold info` (write-ups) exits 1
# with a message naming the file (once) and saying what EXPECTED says, within a
# second of CPU time, in at most 1 GiB of address space. Then the same for inputs too
# odd to check in, made here: a sparse 100 MB file, a folder, a symbolic
# link loop and one to nothing, a path through a file, a missing file.
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

scratch=$(mktemp -d "${TMPDIR:-/tmp}/ninefold-bad-cli.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

# check FILE EXPECT: one TAP line.
check () {
  local f=$1 expect=$2 name command err rc ms wall_ms start lower
  n=$((n + 1))
  name=$(basename "$f")
  command=validate
  [[ "$name" == *.md ]] && command=info
  start=$(date +%s%N)
  ( eval "$cap"; "$ninefold" "$command" "$f" >/dev/null 2>"$scratch/err"; rc=$?
    times >"$scratch/times"; exit $rc )
  rc=$?
  wall_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  err=$(cat "$scratch/err")
  # CPU time of the program (user + system, from `times`), which a busy
  # machine does not inflate; the wall clock only guards against a hang.
  ms=$(awk 'NR == 2 { split ($1, u, /[ms]/); split ($2, s, /[ms]/);
                      printf "%d", (u[1] * 60 + u[2] + s[1] * 60 + s[2]) * 1000 }' "$scratch/times")
  lower=$(printf '%s' "${err#*"$name"}" | tr '[:upper:]' '[:lower:]')
  if [ "$rc" -ne 1 ]; then
    echo "not ok $n - $name: exit status $rc, expected 1 ($err)"
    failed=$((failed + 1))
  elif [[ "$err" != *"$name"* ]]; then
    echo "not ok $n - $name: the message does not name the file: $err"
    failed=$((failed + 1))
  elif [[ "${err#*"$f"}" == *"$f"* ]]; then
    # A message that says the path twice buries the reason between them.
    echo "not ok $n - $name: the message names the file more than once: $err"
    failed=$((failed + 1))
  elif [ -n "$expect" ] && [[ "$lower" != *"$expect"* ]]; then
    echo "not ok $n - $name: the message does not say \"$expect\": $err"
    failed=$((failed + 1))
  elif [ "$ms" -ge "$limit_ms" ] || [ "$wall_ms" -ge $((10 * limit_ms)) ]; then
    echo "not ok $n - $name: took $ms ms of CPU, $wall_ms ms in all"
    failed=$((failed + 1))
  else
    echo "ok $n - $name (${ms} ms of CPU, $wall_ms ms in all)"
  fi
}

while IFS=$'\t' read -r file expect; do
  case "$file" in ''|'#'*) continue ;; esac
  check "$corpus/$file" "$(printf '%s' "$expect" | tr '[:upper:]' '[:lower:]')"
done < "$corpus/EXPECTED"
corpus_n=$n

# Sparse: 100 MB on paper, nothing on disk; refused by its size alone.
printf '<?xml version="1.0"?>\n' > "$scratch/huge.ninefold"
truncate -s 100M "$scratch/huge.ninefold"
check "$scratch/huge.ninefold" "larger than"
cp "$scratch/huge.ninefold" "$scratch/huge.md" 2>/dev/null || truncate -s 100M "$scratch/huge.md"
check "$scratch/huge.md" "larger than"
mkdir "$scratch/folder.ninefold"
check "$scratch/folder.ninefold" "folder"
ln -s loop.ninefold "$scratch/loop.ninefold"
check "$scratch/loop.ninefold" "loop"
ln -s nowhere.ninefold "$scratch/dangling.ninefold"
check "$scratch/dangling.ninefold" "does not exist"
echo "a file" > "$scratch/plain.ninefold"
check "$scratch/plain.ninefold/inside.ninefold" "not a folder"
check "$scratch/missing.ninefold" "no such file"
[ -e /dev/zero ] && check /dev/zero "not a regular file"

echo "1..$n"
[ "$corpus_n" -ge 50 ] && [ "$failed" -eq 0 ]
