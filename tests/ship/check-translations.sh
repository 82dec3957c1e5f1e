#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-translations.sh SOURCE_ROOT LANG…
#
# Extracts the strings of the tree as `ninja ninefold-pot` does (xgettext
# over po/POTFILES.in with meson's glib preset), merges them into each
# catalog and fails when one has an untranslated or fuzzy message, or when
# a file with translatable strings is missing from POTFILES.in — so a new
# string cannot slip past the translators because nobody ran update-po.
# Output is TAP.
set -uo pipefail

root="$1"
shift
tmp="$(mktemp -d)"
trap '[ -n "${KEEP_TMP:-}" ] && cp "$tmp"/*.po* "$KEEP_TMP"/ ; rm -rf "$tmp"' EXIT
n=0
failed=0

ok ()     { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=1; echo "not ok $n - $1"; }

cd "$root" || exit 1

# 1. Every file with a translatable string is listed.
missing=""
while IFS= read -r file; do
  grep -qxF "$file" po/POTFILES.in || missing="$missing $file"
done < <( { grep -rlE '(^|[^A-Za-z0-9_])(_|N_|C_|NC_|ngettext|g_dngettext|nf_ngettext)[[:space:]]*\(' app --include='*.c' --include='*.h';
            grep -rlE 'translatable="(yes|true)"' ui --include='*.ui';
            grep -rlE '^[[:space:]]*_?(Name|GenericName|Comment|Keywords)=' resources --include='*.desktop.in' 2>/dev/null;
            find resources -name '*.metainfo.xml.in' 2>/dev/null;
            find resources -name '*.gschema.xml' 2>/dev/null | xargs -r grep -l '<summary\|<description' 2>/dev/null;
          } | sort -u)
if [ -z "$missing" ]; then
  ok "po/POTFILES.in lists every file with translatable strings"
else
  not_ok "po/POTFILES.in lists every file with translatable strings"
  echo "# missing:$missing"
fi

# 1b. Core and render translate through nf-i18n-private.h, so that a deck
#     exported with --lang speaks that language whatever the process's is.
bypass="$(grep -lE 'glib/gi18n|g_dngettext|g_dgettext|[^_]dgettext' app/core/*.c app/render/*.c \
          | grep -v '^app/core/nf-i18n\.c$' | tr '\n' ' ')"
if [ -z "$bypass" ]; then
  ok "core and render translate through nf-i18n-private.h"
else
  not_ok "core and render translate through nf-i18n-private.h"
  echo "# bypassing it: $bypass"
fi

# 2. Every listed file exists.
absent=""
while IFS= read -r file; do
  case "$file" in ''|'#'*) continue ;; esac
  [ -f "$file" ] || absent="$absent $file"
done < po/POTFILES.in
if [ -z "$absent" ]; then
  ok "every file in po/POTFILES.in exists"
else
  not_ok "every file in po/POTFILES.in exists"
  echo "# absent:$absent"
fi

# 3. The template, as the build's pot target makes it (from the files that
# exist, so one missing file does not hide the state of the others).
while IFS= read -r file; do
  case "$file" in ''|'#'*) continue ;; esac
  [ -f "$file" ] && echo "$file"
done < po/POTFILES.in > "$tmp/POTFILES"
if xgettext --package-name=ninefold --default-domain=ninefold \
     --directory="$root" --files-from="$tmp/POTFILES" --output="$tmp/ninefold.pot" \
     --from-code=UTF-8 --add-comments \
     --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
     --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
     --keyword=nf_ngettext:1,2 --flag=nf_ngettext:1:pass-c-format \
     --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
     --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
     --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
     --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
     --flag=g_printerr:1:c-format --flag=g_print:1:c-format \
     2> "$tmp/xgettext.log"; then
  ok "xgettext extracts the strings ($(grep -c '^msgid ' "$tmp/ninefold.pot") messages)"
else
  not_ok "xgettext extracts the strings"
  sed 's/^/# /' "$tmp/xgettext.log"
fi

# 4. Each catalog is complete against it.
for lang in "$@"; do
  po="po/$lang.po"
  if ! msgmerge --quiet --no-fuzzy-matching --output-file="$tmp/$lang.po" "$po" "$tmp/ninefold.pot" 2> "$tmp/msgmerge.log"; then
    not_ok "$lang: msgmerge"
    sed 's/^/# /' "$tmp/msgmerge.log"
    continue
  fi
  stats="$(LC_ALL=C msgfmt --check --statistics --output-file=/dev/null "$tmp/$lang.po" 2>&1)"
  status=$?
  untranslated="$(msgattrib --untranslated --no-obsolete "$tmp/$lang.po" | grep -c '^msgid ' || true)"
  fuzzy="$(msgattrib --only-fuzzy --no-obsolete "$tmp/$lang.po" | grep -c '^msgid ' || true)"
  if [ "$status" -eq 0 ] && [ "$untranslated" -eq 0 ] && [ "$fuzzy" -eq 0 ]; then
    ok "$lang is complete: $stats"
  else
    not_ok "$lang is complete: $stats"
    msgattrib --untranslated --no-obsolete "$tmp/$lang.po" | grep -A1 '^msgid ' | sed 's/^/#   /' | head -60
    msgattrib --only-fuzzy --no-obsolete "$tmp/$lang.po" | grep -A1 '^msgid ' | sed 's/^/#   fuzzy /' | head -30
  fi
  # The checked-in catalog itself must compile without warnings about
  # format strings or plural forms.
  if LC_ALL=C msgfmt --check --output-file=/dev/null "$po" 2> "$tmp/check.log"; then
    ok "$lang: msgfmt --check passes"
  else
    not_ok "$lang: msgfmt --check passes"
    sed 's/^/# /' "$tmp/check.log"
  fi
done

echo "1..$n"
exit $failed
