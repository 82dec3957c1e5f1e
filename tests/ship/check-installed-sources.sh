#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-installed-sources.sh BUILD PREFIX DATADIR LIBDIR: installs the build into
# a scratch folder (meson install --destdir) and runs the installed
# `ninefold check` on the installed cases, from an empty folder and without
# NF_SEEDS_DIR: each case finds the write-up it cites among the installed
# sources. A staged installation is found through $XDG_DATA_DIRS, as a
# relocated one is; a source that is only there is found through it, and
# is a finding (exit 1, naming the file) when the data folders lack it.
# The modules of the libraries some commands open when first used are
# installed where the program looks for them, and the installed program
# writes a spreadsheet with the installed module.
set -euo pipefail
build="$1"
prefix="$2"
datadir="$3"
libdir="$4"
scratch="$(mktemp -d "${TMPDIR:-/tmp}/nf-installed.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
unset NF_SEEDS_DIR
export LC_ALL=C.UTF-8 LANGUAGE=

meson install -C "$build" --no-rebuild --destdir "$scratch/root" >"$scratch/install.log" 2>&1 ||
  { cat "$scratch/install.log"; echo "meson install failed"; exit 1; }
share="$scratch/root$prefix/$datadir"
bin="$scratch/root$prefix/bin/ninefold"
[ -x "$bin" ] || { echo "no installed ninefold at $bin"; exit 1; }
mkdir "$scratch/empty"
cd "$scratch/empty"

n=0
for canvas in "$share"/ninefold/cases/*.ninefold; do
  n=$((n + 1))
  address="$(sed -n 's:.*<address>\(.*\)</address>.*:\1:p' "$canvas" | head -1)"
  [ -f "$share/ninefold/cases/sources/$address" ] ||
    { echo "$(basename "$canvas") cites $address, which is not installed"; exit 1; }
  status=0
  out="$(XDG_DATA_DIRS="$share" "$bin" check "$canvas" 2>&1)" || status=$?
  # Clean but for conflicts the case marks as such.
  unmarked="$(grep -v ': marked conflict: ' <<<"$out" || true)"
  if [ "$status" -ne 0 ] || [ -n "$unmarked" ]; then
    echo "ninefold check $(basename "$canvas") (exit $status):"
    echo "$out"
    exit 1
  fi
done
[ "$n" -eq 4 ] || { echo "$n cases installed, not 4"; exit 1; }

# A write-up only the installed data folder has: found there, and missed
# (and said) where the data folders do not hold it.
cp "$share/ninefold/cases/sources/000_953608acea1fed08.txt" "$share/ninefold/cases/sources/installed-only.txt"
sed 's:<address>000_953608acea1fed08.txt</address>:<address>installed-only.txt</address>:' \
  "$share/ninefold/cases/000-bitauto.ninefold" >"$scratch/copy.ninefold"
XDG_DATA_DIRS="$share" "$bin" check "$scratch/copy.ninefold" ||
  { echo "the installed write-up was not found through XDG_DATA_DIRS"; exit 1; }
status=0
out="$(XDG_DATA_DIRS="$scratch/nowhere" "$bin" check "$scratch/copy.ninefold" 2>&1)" || status=$?
[ "$status" -eq 1 ] && grep -q 'installed-only.txt' <<<"$out" ||
  { echo "a write-up missing from the data folders was not a finding (exit $status): $out"; exit 1; }
modules="$scratch/root$prefix/$libdir/ninefold"
for m in ninefold-git ninefold-xlsx ninefold-markdown; do
  ls "$modules/$m".* >/dev/null 2>&1 || { echo "module $m is not installed in $prefix/$libdir/ninefold"; exit 1; }
done
NF_MODULE_DIR="$modules" XDG_DATA_DIRS="$share" "$bin" export "$share/ninefold/cases/000-bitauto.ninefold" \
  -o "$scratch/tables.xlsx" || { echo "the installed ninefold wrote no spreadsheet"; exit 1; }
[ -s "$scratch/tables.xlsx" ] || { echo "the installed ninefold wrote an empty spreadsheet"; exit 1; }
echo "ok: 4 installed cases find their installed sources; the installed modules work"
