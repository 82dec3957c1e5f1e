#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-cli-zh.sh NINEFOLD BAD_CANVAS [INSTALLED_LOCALEDIR]
#
# Runs the command line under LANGUAGE=zh_CN and checks that it speaks
# Chinese: the tool's help, a command's --help, a usage error and the
# reason a broken file is refused. NF_LOCALEDIR is set by the caller to the
# build folder's catalogs; the last case runs without it, as ./run does,
# and must find them by itself. Output is TAP.
set -uo pipefail

ninefold="$1"
bad="$2"
installed_localedir="${3:-}"
n=0
failed=0

export LANGUAGE=zh_CN
export LC_ALL=C.UTF-8

check () {   # check NAME EXPECTED_STATUS NEEDLE COMMAND…
  local name="$1" want="$2" needle="$3"
  shift 3
  local out status
  out="$("$@" 2>&1)"
  status=$?
  n=$((n + 1))
  if [ "$status" -eq "$want" ] && grep -qF -- "$needle" <<< "$out"; then
    echo "ok $n - $name"
  else
    failed=1
    echo "not ok $n - $name (exit $status, wanted $want and “$needle”)"
    sed 's/^/# /' <<< "$out" | head -20
  fi
}

check "ninefold help is in Chinese" 0 "用法：" "$ninefold" help
check "ninefold help lists the commands in Chinese" 0 "检查画布文件格式是否正确" "$ninefold" help
check "ninefold --help is in Chinese" 0 "运行命令，不打开窗口" "$ninefold" --help
check "ninefold help info is in Chinese" 0 "描述画布或文稿" "$ninefold" help info
check "ninefold validate --help is in Chinese" 0 "退出状态：" "$ninefold" validate --help
check "a usage error is in Chinese" 2 "不是 ninefold 命令" "$ninefold" no-such-command
check "a refused file's reason is in Chinese" 1 "不是 #rrggbb 的形式" "$ninefold" validate "$bad"
check "a refused file's line is in Chinese" 1 "第 8 行" "$ninefold" validate "$bad"
check "a missing file is reported in Chinese" 1 "没有这个文件" "$ninefold" info "$bad.does-not-exist"

# Descriptions are wrapped between Chinese characters too, not only at
# spaces (which Chinese hardly has).
for command in validate info convert; do
  n=$((n + 1))
  widest="$("$ninefold" "$command" --help | wc -L)"
  if [ "$widest" -le 78 ]; then
    echo "ok $n - ninefold $command --help fits in 78 columns"
  else
    failed=1
    echo "not ok $n - ninefold $command --help fits in 78 columns (it takes $widest)"
  fi
done

# Block names in info's table come from the same catalog.
good="$(dirname "$bad")/../good"
first="$(ls "$good"/*.ninefold 2>/dev/null | head -1)"
if [ -n "$first" ]; then
  check "info names the blocks in Chinese" 0 "价值主张" "$ninefold" info "$first"
fi

# Uninstalled, without NF_LOCALEDIR: the program finds the build folder's
# catalogs itself — unless a catalog is installed, which then wins.
if [ -n "$installed_localedir" ] && ls "$installed_localedir"/*/LC_MESSAGES/ninefold.mo > /dev/null 2>&1; then
  n=$((n + 1))
  echo "ok $n - uninstalled run finds the build catalogs # SKIP a catalog is installed in $installed_localedir"
else
  check "uninstalled run finds the build catalogs" 0 "用法：" env -u NF_LOCALEDIR "$ninefold" help
fi

# And the untranslated interface stays English.
check "LANGUAGE=C stays English" 0 "Usage:" env LANGUAGE= LC_ALL=C "$ninefold" help

echo "1..$n"
exit $failed
