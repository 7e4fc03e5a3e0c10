#!/usr/bin/env python3
"""Verify a CodeLedger ledger export (JSON lines) without CodeLedger. See docs/LEDGER.md."""
import hashlib, json, sys

def field(value: str) -> bytes:
    data = value.encode("utf-8")
    return str(len(data)).encode("ascii") + b":" + data + b"\n"

previous, expected = "0" * 64, 1
for line_no, line in enumerate(open(sys.argv[1], encoding="utf-8"), start=1):
    if not line.strip():
        continue
    e = json.loads(line)
    parts = ["codeledger-ledger-v1", str(e["sequence"]), e["instant"], e["actor"], e["type"], e["subject"], e["payload"], e["previousHash"]]
    digest = hashlib.sha256(b"".join(field(p) for p in parts)).hexdigest()
    if e["sequence"] != expected or e["previousHash"] != previous or digest != e["hash"]:
        sys.exit(f"BROKEN at sequence {expected} (line {line_no})")
    previous, expected = e["hash"], expected + 1
print(f"OK: {expected - 1} events, head {previous}")
