#!/bin/bash
# After merging a round's branch into main: sign main's tuning items and compare them with main before the
# merge (/tmp/main-before.json), with each branch's own final signature (taken after its last edit of
# catalog/matching.yaml: compare the file times) and with the session's start (/tmp/start-all.json, the start's
# signature with the sets the rounds tune on). Every comparison must say LOST 0.
#   bash tests/matching/briefs/mergecheck.sh TAG /tmp/BRANCH-now.json ...   → /tmp/main-TAG.json
# Then copy /tmp/main-TAG.json to /tmp/main-before.json for the next merge.
set -u
cd "$(dirname "$0")/../../.."
TAG=$1; shift
PY=.venv/bin/python
$PY bench/items.py sig . /tmp/main-$TAG.json > /tmp/sig-$TAG.log 2>&1 || { echo "sig failed"; tail /tmp/sig-$TAG.log; exit 1; }
echo "== vs main-before"; $PY bench/items.py cmp /tmp/main-before.json /tmp/main-$TAG.json | head -20
for s in "$@"; do echo "== vs $s"; $PY bench/items.py cmp $s /tmp/main-$TAG.json | head -20; done
echo "== vs start"; $PY bench/items.py cmp /tmp/start-all.json /tmp/main-$TAG.json | head -20
