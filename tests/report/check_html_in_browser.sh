#!/usr/bin/env bash
# Renders an omnicheck HTML report in headless Chromium and checks the DOM the browser built:
# the summary table is there, no <script> element exists, the root element was not touched by a
# script, and each TEXT given after the file appears as text (escaped), not as markup.
#
# usage: check_html_in_browser.sh REPORT.html [TEXT...]
# exit: 0 ok (or SKIP when Chromium is absent), 1 a check failed, 2 usage or browser error.
set -u

if [ $# -lt 1 ] || [ ! -f "$1" ]; then
  echo "usage: $0 REPORT.html [TEXT...]" >&2
  exit 2
fi
report=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shift

browser=/usr/bin/chromium
if [ ! -x "$browser" ]; then
  echo "SKIP: $browser not installed (apt-get install chromium)"
  exit 0
fi

profile=$(mktemp -d)
dom=$(mktemp)
trap 'rm -rf "$profile" "$dom"' EXIT

# A fresh profile and no background traffic: the check must not depend on, or leak to, anything
# outside this machine.
if ! timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$profile" \
    --dump-dom "file://$report" >"$dom" 2>/dev/null; then
  echo "FAIL: chromium could not render $report" >&2
  exit 2
fi

status=0
fail() {
  echo "FAIL: $*" >&2
  status=1
}

[ -s "$dom" ] || fail "the browser produced an empty DOM"
grep -q '<section id="complaint"' "$dom" || fail "complaint view missing"
grep -q '<section id="findings"' "$dom" || fail "findings section missing"
grep -qi '<script' "$dom" && fail "a <script> element is in the rendered DOM"
# The report sets exactly lang="xx" on <html>; anything more was added by a script at run time.
root=$(grep -o '<html[^>]*>' "$dom" | head -n 1)
echo "$root" | grep -qE '^<html lang="[a-z]{2}">$' || fail "root element changed at run time: $root"

# Text nodes serialise with & < > escaped; a hostile string present in that form was rendered
# as text, not parsed as markup.
for text in "$@"; do
  escaped=$(printf '%s' "$text" | sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g')
  grep -qF -- "$escaped" "$dom" || fail "text not rendered as text: $text"
done

[ $status -eq 0 ] && echo "OK: $report renders with its complaint view and runs no script"
exit $status
