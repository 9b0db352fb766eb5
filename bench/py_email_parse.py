#!/usr/bin/env python3
"""Baseline for the e-mail row: parses every .eml file in a folder with Python's standard
`email` package (policy=email.policy.default) and reads what omnicheck's mail stage reads:
the decoded From, To, Reply-To, Subject, Date, Message-ID, In-Reply-To and References
headers, and the body text (text/plain preferred, else text/html), decoded to str.

    py_email_parse.py DIR     prints: messages, header characters, body characters
"""
import email
import email.policy
import os
import sys


def main():
    folder = sys.argv[1]
    names = sorted(n for n in os.listdir(folder) if n.endswith(".eml"))
    header_chars = body_chars = errors = 0
    for n in names:
        with open(os.path.join(folder, n), "rb") as f:
            msg = email.message_from_binary_file(f, policy=email.policy.default)
        for h in ("From", "To", "Reply-To", "Subject", "Date", "Message-ID", "In-Reply-To", "References"):
            v = msg.get(h)
            if v is not None:
                header_chars += len(str(v))
        d = msg.get("Date")
        if d is not None and getattr(d, "datetime", None) is None:
            errors += 1
        part = msg.get_body(preferencelist=("plain", "html"))
        if part is not None:
            try:
                body_chars += len(part.get_content())
            except (LookupError, UnicodeError):
                errors += 1
    print("messages=%d header_chars=%d body_chars=%d errors=%d" % (len(names), header_chars, body_chars, errors))


if __name__ == "__main__":
    main()
