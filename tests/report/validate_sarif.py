#!/usr/bin/env python3
"""Validates SARIF logs against the OASIS SARIF 2.1.0 schema kept beside this script
(sarif-schema-2.1.0.json, errata 01, from github.com/oasis-tcs/sarif-spec; OASIS IPR policy).

usage: validate_sarif.py FILE...   exit 0 all valid, 1 a file is not, 2 cannot validate
"""
import json
import pathlib
import sys

try:
    import jsonschema
except ImportError:
    print("validate_sarif.py: python3-jsonschema is not installed", file=sys.stderr)
    sys.exit(2)

schema = json.loads(pathlib.Path(__file__).with_name("sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
validator = jsonschema.Draft4Validator(schema)
bad = 0
for name in sys.argv[1:]:
    with open(name, encoding="utf-8") as f:
        log = json.load(f)
    errors = sorted(validator.iter_errors(log), key=lambda e: [str(p) for p in e.absolute_path])
    for e in errors[:10]:
        print("%s: /%s: %s" % (name, "/".join(str(p) for p in e.absolute_path), e.message[:300]))
    bad += bool(errors)
sys.exit(1 if bad else 0)
