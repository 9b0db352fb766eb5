#!/usr/bin/env bash
# Opens a batch index (index.html) in headless Chromium, optionally with a URL fragment
# (#sort=RULE&show=has-fail…), and writes the DOM the browser built to OUT, for the caller to
# check. The browser runs with a fresh profile and no background traffic: the page must work
# from the file alone.
#
# usage: check_index_in_browser.sh INDEX.html FRAGMENT OUT
# exit: 0 DOM written (or "SKIP" printed when Chromium is absent), 2 usage or browser error.
set -u

if [ $# -ne 3 ] || [ ! -f "$1" ]; then
  echo "usage: $0 INDEX.html FRAGMENT OUT" >&2
  exit 2
fi
index=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
fragment=$2
out=$3

browser=/usr/bin/chromium
if [ ! -x "$browser" ]; then
  echo "SKIP: $browser not installed (apt-get install chromium)"
  exit 0
fi

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
if ! timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$profile" \
    --dump-dom "file://$index${fragment:+#$fragment}" >"$out" 2>/dev/null; then
  echo "FAIL: chromium could not render $index" >&2
  exit 2
fi
[ -s "$out" ] || { echo "FAIL: the browser produced an empty DOM" >&2; exit 2; }
echo "OK: $index rendered"
