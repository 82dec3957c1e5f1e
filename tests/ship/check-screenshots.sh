#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-screenshots.sh METAINFO SCREENSHOTS_DIR: every screenshot the
# metainfo names is in docs/screenshots/, a PNG of the size it states.
set -uo pipefail
metainfo="$1"
dir="$2"
status=0
count=0
while IFS= read -r line; do
  url="$(sed -E 's|.*>([^<]*)</image>.*|\1|' <<< "$line")"
  width="$(sed -nE 's|.*width="([0-9]+)".*|\1|p' <<< "$line")"
  height="$(sed -nE 's|.*height="([0-9]+)".*|\1|p' <<< "$line")"
  file="$dir/$(basename "$url")"
  count=$((count + 1))
  if [ ! -f "$file" ]; then
    echo "missing: $file"; status=1; continue
  fi
  # The PNG header: width and height are big-endian at bytes 16 and 20.
  size="$(od -An -tu1 -j16 -N8 "$file" | awk '{ printf "%d %d", $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8 }')"
  if [ "$size" != "$width $height" ]; then
    echo "$file is $size, the metainfo says $width $height"; status=1
  fi
done < <(grep '<image' "$metainfo")
[ "$count" -gt 0 ] || { echo "no screenshots"; status=1; }
exit $status
