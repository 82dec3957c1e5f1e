#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-merge.sh NINEFOLD CANVAS SCRATCH: `ninefold merge` as a user and as
# git run it: exit statuses, where the result goes (never over OURS with a
# conflict unless -o says so), and the merge driver and diff set up as
# the README says, in a real repository with two branches and `git merge`
# (notes, a cell and a row in conflict, rows added on both branches).
# CANVAS is a canvas whose first note is <note id="n1"> with a one-line
# <text>. Output is TAP.
set -uo pipefail

ninefold="$1"
canvas="$2"
scratch="$3"
n=0
failed=0

ok ()     { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=1; echo "not ok $n - $1"; }
check ()  { if eval "$2"; then ok "$1"; else not_ok "$1"; fi; }

rm -rf "$scratch"
mkdir -p "$scratch"
cd "$scratch" || exit 1
export LC_ALL=C.UTF-8 LANGUAGE=

cp "$canvas" base.ninefold
# ours rewrites the first note's text; theirs colours it; other rewrites it too.
edit_text () {  # the first <text> of note n1 gets a prefix
  awk -v p="$1" '/<note id="n1"/ { hit = 1 } hit && !done && /<text>/ { sub(/<text>/, "<text>" p " "); done = 1 } { print }' base.ninefold
}
edit_text OURS > ours.ninefold
sed '0,/<note id="n1"/s|<note id="n1"|<note id="n1" colour="#e01b24"|' base.ninefold > theirs.ninefold
edit_text OTHER > other.ninefold
check "the edits differ from the base" "! cmp -s base.ninefold ours.ninefold && ! cmp -s base.ninefold theirs.ninefold"

"$ninefold" merge base.ninefold ours.ninefold theirs.ninefold -o out.ninefold
check "a clean merge exits 0" "[ $? -eq 0 ]"
check "the clean merge has both edits" \
  "grep -q 'id=\"n1\" colour=\"#e01b24\"' out.ninefold && grep -q '<text>OURS ' out.ninefold && ! grep -q '<conflicts>' out.ninefold"

# Tables merge by row and cell: two cells of one table (the first cell with
# a value and the first label cell) edited apart merge; one cell edited two
# ways is a conflict of that cell alone (with each side's cell whole when
# its value is not what its text reads as).
edit_cell () {  # the first line matching $1 gets its text replaced by $2
  awk -v pat="$1" -v t="$2" '!done && $0 ~ pat { sub(/>[^<]*</, ">" t "<"); done = 1 } { print }' base.ninefold
}
edit_cell '<cell value=' 'OURS 210' > cells-ours.ninefold
edit_cell '<cell>' 'THEIRS label' > cells-theirs.ninefold
edit_cell '<cell value=' 'OTHER 220' > cells-other.ninefold
"$ninefold" merge base.ninefold cells-ours.ninefold cells-theirs.ninefold -o cells.ninefold
check "disjoint cells of one table merge clean (exit 0)" "[ $? -eq 0 ]"
check "… with both cells, one table, no conflict" \
  "grep -q '>OURS 210<' cells.ninefold && grep -q '>THEIRS label<' cells.ninefold && ! grep -q '<conflicts>' cells.ninefold && [ \$(grep -c '<table id=\"t1\"' cells.ninefold) -eq 1 ]"
"$ninefold" merge base.ninefold cells-ours.ninefold cells-other.ninefold -o cell-conflict.ninefold 2>/dev/null
check "one cell edited two ways exits 1" "[ $? -eq 1 ]"
check "… and is a cell conflict naming the table, row and column" \
  "grep -q '<conflict kind=\"cell\" table=\"t1\" row=\"1\" column=\"2\" ours=\"OURS 210\" theirs=\"OTHER 220\"' cell-conflict.ninefold && [ \$(grep -c '<table id=\"t1\"' cell-conflict.ninefold) -eq 1 ]"
"$ninefold" validate cell-conflict.ninefold > validate-cell.txt
check "validate lists the cell's conflict and exits 1" \
  "[ $? -eq 1 ] && grep -q 'cell of t1, row 1, column 2: ours OURS 210, theirs OTHER 220' validate-cell.txt"

# Rows are matched by their labels: a row deleted on one side and edited on
# the other stays, as a row conflict naming the table and the row kept.
awk '!done && /<row[ >]/ { buf = ""; inrow = 1 }
     inrow { buf = buf $0 "\n"; if ($0 ~ /<\/row>/) { inrow = 0; if (!done && buf ~ /cell value=/) done = 1; else printf "%s", buf }; next }
     { print }' base.ninefold > rows-theirs.ninefold
"$ninefold" merge base.ninefold cells-ours.ninefold rows-theirs.ninefold -o row-conflict.ninefold 2>/dev/null
check "a row deleted on one side and edited on the other exits 1" "[ $? -eq 1 ]"
check "… and is a row conflict, the edited row kept" \
  "grep -q '<conflict kind=\"row\" table=\"t1\" ours=\"1\"/>' row-conflict.ninefold && grep -q '>OURS 210<' row-conflict.ninefold"
"$ninefold" validate row-conflict.ninefold > validate-row.txt
check "validate lists the row's conflict" \
  "[ $? -eq 1 ] && grep -q 'row of t1: ours row 1, theirs row (deleted)' validate-row.txt"

"$ninefold" merge base.ninefold base.ninefold theirs.ninefold -o same.ninefold
check "no change on our side gives theirs byte for byte" "[ $? -eq 0 ] && cmp -s same.ninefold theirs.ninefold"

cp ours.ninefold keep.ninefold
"$ninefold" merge base.ninefold keep.ninefold other.ninefold 2>err.txt
status=$?
check "a merge with conflicts and no -o exits 1" "[ $status -eq 1 ]"
check "… and leaves OURS as it was" "cmp -s keep.ninefold ours.ninefold"
check "… and says to add -o" "grep -q -- '-o OUT' err.txt"

"$ninefold" merge base.ninefold ours.ninefold other.ninefold -o conflict.ninefold
check "conflicts written with -o exit 1" "[ $? -eq 1 ]"
check "both versions and the marker are in the file" \
  "grep -q '<text>OURS ' conflict.ninefold && grep -q '<text>OTHER ' conflict.ninefold && grep -Eq '<conflict kind=\"note\" ours=\"n1(\\.2)?\" theirs=\"n1(\\.2)?\"/>' conflict.ninefold"
"$ninefold" validate conflict.ninefold >validate.txt 2>&1
status=$?
check "validate reports the conflict (exit 1) of a file that is otherwise valid" \
  "[ $status -eq 1 ] && grep -q 'conflict.ninefold: 1 conflict left by a merge' validate.txt && grep -Eq '^  note: ours n1(\\.2)?, theirs n1(\\.2)?$' validate.txt"
"$ninefold" validate out.ninefold >/dev/null 2>&1
check "validate passes the clean merge" "[ $? -eq 0 ]"

"$ninefold" merge base.ninefold ours.ninefold missing.ninefold -o never.ninefold 2>/dev/null
check "an unreadable side exits 2 and writes nothing" "[ $? -eq 2 ] && [ ! -e never.ninefold ]"
echo '<canvas' > broken.ninefold
"$ninefold" merge base.ninefold ours.ninefold broken.ninefold -o never.ninefold 2>/dev/null
check "a broken side exits 2 and writes nothing" "[ $? -eq 2 ] && [ ! -e never.ninefold ]"
"$ninefold" merge base.ninefold ours.ninefold 2>/dev/null
check "two files are a usage error (2)" "[ $? -eq 2 ]"
# -o over the base or their version would lose an input once conflicts are
# written there; over OURS it is what a clean merge without -o does.
cp other.ninefold other-kept.ninefold
cp base.ninefold base-kept.ninefold
"$ninefold" merge base.ninefold ours.ninefold other.ninefold -o other.ninefold 2>err-o.txt
check "-o naming THEIRS is refused (2), THEIRS untouched" \
  "[ $? -eq 2 ] && cmp -s other.ninefold other-kept.ninefold && grep -q 'base or their version' err-o.txt"
"$ninefold" merge base.ninefold ours.ninefold other.ninefold -o ./base.ninefold 2>/dev/null
check "-o naming BASE by another path is refused (2), BASE untouched" \
  "[ $? -eq 2 ] && cmp -s base.ninefold base-kept.ninefold"

# --- git, set up as README.md's "Working as a team" says ---------------------
if ! command -v git >/dev/null 2>&1; then
  echo "ok $((n + 1)) # SKIP git is not installed"
  n=$((n + 1))
else
  export GIT_CONFIG_NOSYSTEM=1 HOME="$scratch/home"
  mkdir -p "$HOME" repo
  cd repo || exit 1
  git init -q -b main .
  git config user.name Test
  git config user.email test@example.org
  git config merge.ninefold.name "Ninefold canvas merge"
  git config merge.ninefold.driver "'$ninefold' merge %O %A %B -o %A"
  # git calls an external diff with: path old-file old-hex old-mode new-file …
  git config diff.ninefold.command "f() { '$ninefold' diff \"\$2\" \"\$5\"; [ \$? -le 1 ]; }; f"
  echo '*.ninefold merge=ninefold diff=ninefold' > .gitattributes
  cp ../base.ninefold canvas.ninefold
  git add . && git commit -qm base && git tag base
  git checkout -q -b theirs
  cp ../theirs.ninefold canvas.ninefold
  git commit -qam "theirs: colour"
  git checkout -q main
  cp ../ours.ninefold canvas.ninefold
  git commit -qam "ours: text"
  git merge -q --no-edit theirs >../git-merge.log 2>&1
  check "git merge with the driver succeeds on edits to one note's two fields" "[ $? -eq 0 ]"
  check "the merged canvas in the repository has both edits" \
    "grep -q 'id=\"n1\" colour=\"#e01b24\"' canvas.ninefold && grep -q '<text>OURS ' canvas.ninefold"

  git checkout -q -b other base
  cp ../other.ninefold canvas.ninefold
  git commit -qam "other: text"
  git checkout -q main
  git merge -q --no-edit other >../git-merge2.log 2>&1
  check "git merge with a conflict stops" "[ $? -ne 0 ]"
  check "the canvas in the work tree holds the conflict, marked" \
    "grep -q '<conflicts>' canvas.ninefold && grep -q '<text>OTHER ' canvas.ninefold"
  check "git lists the canvas as unmerged" "git diff --name-only --diff-filter=U | grep -qx canvas.ninefold"
  git merge --abort

  # One cell of a table edited two ways on two branches: git stops, the
  # canvas in the work tree marks that cell's conflict, and validate and
  # check read it from there.
  git checkout -q -b cell-a base
  cp ../cells-ours.ninefold canvas.ninefold
  git commit -qam "cell-a: 210"
  git checkout -q -b cell-b base
  cp ../cells-other.ninefold canvas.ninefold
  git commit -qam "cell-b: 220"
  git merge -q --no-edit cell-a >../git-merge-cell.log 2>&1
  check "git merge of one cell edited two ways stops" "[ $? -ne 0 ]"
  check "… the canvas marks that cell's conflict, one table kept" \
    "grep -q '<conflict kind=\"cell\" table=\"t1\" row=\"1\" column=\"2\" ours=\"OTHER 220\" theirs=\"OURS 210\"' canvas.ninefold && [ \$(grep -c '<table id=\"t1\"' canvas.ninefold) -eq 1 ]"
  "$ninefold" validate canvas.ninefold > ../git-validate-cell.txt 2>&1
  check "… validate reports it (exit 1)" \
    "[ $? -eq 1 ] && grep -q 'cell of t1, row 1, column 2: ours OTHER 220, theirs OURS 210' ../git-validate-cell.txt"
  "$ninefold" check canvas.ninefold > ../git-check-cell.txt 2>&1
  check "… check reports it" "grep -q 'cell: a merge left two values to choose between: “OTHER 220” and “OURS 210”' ../git-check-cell.txt"
  git merge --abort

  # A row deleted on one branch and edited on the other: a row conflict.
  git checkout -q -b row-a base
  cp ../rows-theirs.ninefold canvas.ninefold
  git commit -qam "row-a: delete row 1"
  git checkout -q cell-b
  git merge -q --no-edit row-a >../git-merge-row.log 2>&1
  check "git merge of a row deleted and edited stops" "[ $? -ne 0 ]"
  check "… the canvas marks the row's conflict, the edited row kept" \
    "grep -q '<conflict kind=\"row\" table=\"t1\" ours=\"1\"/>' canvas.ninefold && grep -q '>OTHER 220<' canvas.ninefold"
  "$ninefold" validate canvas.ninefold > ../git-validate-row.txt 2>&1
  check "… validate reports it (exit 1)" \
    "[ $? -eq 1 ] && grep -q 'row of t1: ours row 1, theirs row (deleted)' ../git-validate-row.txt"
  git merge --abort

  # Both branches add a row to one table, each its own: git merges clean,
  # with both rows once each and the table's other rows as they were.
  add_row () {  # a row labelled $1 after t1's last row
    awk -v l="$1" '/<table id="t1"/ { t = 1 } t && /<\/row>/ { last = NR } { line[NR] = $0 }
         END { for (i = 1; i <= NR; i++) { print line[i]; if (i == last) printf "      <row>\n        <cell>%s</cell>\n        <cell value=\"7\">7</cell>\n      </row>\n", l } }' ../base.ninefold
  }
  git checkout -q -b add-a base
  add_row "Row from A" > canvas.ninefold
  git commit -qam "add-a: a row"
  git checkout -q -b add-b base
  add_row "Row from B" > canvas.ninefold
  git commit -qam "add-b: a row"
  git merge -q --no-edit add-a >../git-merge-add.log 2>&1
  check "git merge of rows added on both branches is clean" "[ $? -eq 0 ] && ! grep -q '<conflicts>' canvas.ninefold"
  check "… both rows are in the table once each" \
    "[ \$(grep -c '<cell>Row from A</cell>' canvas.ninefold) -eq 1 ] && [ \$(grep -c '<cell>Row from B</cell>' canvas.ninefold) -eq 1 ] && [ \$(grep -c '<table id=\"t1\"' canvas.ninefold) -eq 1 ]"
  "$ninefold" validate canvas.ninefold >/dev/null 2>&1
  check "… and the merged canvas is valid" "[ $? -eq 0 ]"

  # A table's title and a column's name translated on two branches, one
  # language each: git merges clean, one table with both languages.
  git checkout -q -b words-a base
  sed '0,/<title xml:lang="en">Company figures</s||<title xml:lang="en">Company facts<|; 0,/<name xml:lang="en">Value</s||<name xml:lang="en">Figure<|' ../base.ninefold > canvas.ninefold
  git commit -qam "words-a: English title and column"
  git checkout -q -b words-b base
  sed '0,/<title xml:lang="en">Company figures<\/title>/s||&\n      <title xml:lang="fr">Chiffres</title>|; 0,/<name xml:lang="en">Value<\/name>/s||&\n        <name xml:lang="fr">Valeur</name>|' ../base.ninefold > canvas.ninefold
  git commit -qam "words-b: French title and column"
  git merge -q --no-edit words-a >../git-merge-words.log 2>&1
  check "git merge of a table's words translated apart is clean" "[ $? -eq 0 ] && ! grep -q '<conflicts>' canvas.ninefold"
  check "… one table with both sides' languages" \
    "grep -q '>Company facts<' canvas.ninefold && grep -q '<title xml:lang=\"fr\">Chiffres<' canvas.ninefold && grep -q '>Figure<' canvas.ninefold && grep -q '<name xml:lang=\"fr\">Valeur<' canvas.ninefold && [ \$(grep -c '<table id=\"t1\"' canvas.ninefold) -eq 1 ]"
  git checkout -q main

  git diff HEAD~1 HEAD -- canvas.ninefold > ../textconv.txt 2>&1
  check "git diff shows the canvas through ninefold diff" "grep -q ' ~ n1 ' ../textconv.txt && ! grep -q '<note' ../textconv.txt"
  cd ..
fi

echo "1..$n"
exit $failed
