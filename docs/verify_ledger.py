#!/usr/bin/env python3
"""Verify a CodeLedger ledger export, and the signed checkpoint receipts a practice kept, without
CodeLedger and with Python's standard library only. The formats are in docs/LEDGER.md.

    verify_ledger.py EXPORT [--checkpoint RECEIPT ...] [--public-key FILE|PEM|BASE64|KEYID]

Exit 0 when the chain is intact and every receipt holds; 1 when a check fails (a broken chain,
an unreadable line of the export, a receipt the ledger no longer honours); 2 when a receipt or a
key cannot be read. Every problem is one line naming the file, the line or the field.
"""
import argparse
import base64
import binascii
import hashlib
import json
import os
import re
import sys

LEDGER_TAG = "codeledger-ledger-v1"
RECEIPT_TAG = "codeledger-checkpoint-v1"
GENESIS = "0" * 64
INSTANT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$")
HASH = re.compile(r"^[0-9a-f]{64}$")
EVENT_TYPE = re.compile(r"^[a-z0-9][a-z0-9.-]{0,99}$")
MAX_RECEIPT_BYTES = 1 << 20
RECEIPT_FIELDS = ["format", "sequence", "head", "at", "eventsByType", "keyId", "publicKey", "signature"]


def field(value: str) -> bytes:
    """One field of a canonical form: byte length in decimal, a colon, the UTF-8 bytes, a newline."""
    data = value.encode("utf-8")
    return str(len(data)).encode("ascii") + b":" + data + b"\n"


# --- ECDSA P-256 (FIPS 186-5, SEC 2 section 2.4.2 constants), verification only -----------------

P = 0xFFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF
A = P - 3
B = 0x5AC635D8AA3A93E7B3EBBD55769886BC651D06B0CC53B0F63BCE3C3E27D2604B
N = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551
G = (0x6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296,
     0x4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5)
# Every P-256 SubjectPublicKeyInfo with an uncompressed point starts with these bytes (RFC 5480).
SPKI_PREFIX = bytes.fromhex("3059301306072a8648ce3d020106082a8648ce3d030107034200")


def on_curve(point):
    x, y = point
    return 0 <= x < P and 0 <= y < P and (y * y - x * x * x - A * x - B) % P == 0


def add(p1, p2):
    """Affine point addition; None is the point at infinity."""
    if p1 is None:
        return p2
    if p2 is None:
        return p1
    (x1, y1), (x2, y2) = p1, p2
    if x1 == x2 and (y1 + y2) % P == 0:
        return None
    if p1 == p2:
        slope = (3 * x1 * x1 + A) * pow(2 * y1, -1, P) % P
    else:
        slope = (y2 - y1) * pow(x2 - x1, -1, P) % P
    x3 = (slope * slope - x1 - x2) % P
    return x3, (slope * (x1 - x3) - y1) % P


def multiply(k, point):
    result = None
    while k:
        if k & 1:
            result = add(result, point)
        point = add(point, point)
        k >>= 1
    return result


def public_point(spki: bytes):
    """The point of a P-256 SubjectPublicKeyInfo, or None when it is not one."""
    if len(spki) != 91 or not spki.startswith(SPKI_PREFIX):
        return None
    point = (int.from_bytes(spki[27:59], "big"), int.from_bytes(spki[59:91], "big"))
    return point if on_curve(point) else None


def ecdsa_verifies(point, message: bytes, signature: bytes) -> bool:
    """ECDSA with SHA-256; the signature is r||s, 32 bytes each, big-endian."""
    r, s = int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:], "big")
    if len(signature) != 64 or not (1 <= r < N and 1 <= s < N):
        return False
    e = int.from_bytes(hashlib.sha256(message).digest(), "big")
    w = pow(s, -1, N)
    x = add(multiply(e * w % N, G), multiply(r * w % N, point))
    return x is not None and x[0] % N == r


# --- Receipts ------------------------------------------------------------------------------------

class Unreadable(Exception):
    """A receipt or key that cannot be read: exit 2, one line naming the file and the field."""

    def __init__(self, message, code="CHECKPOINT-MALFORMED"):
        super().__init__(f"{code}: {message}")


def strict_base64(text):
    """Bytes of base64 that re-encodes to the same text (one text per value), or None."""
    if not isinstance(text, str):
        return None
    try:
        data = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None
    return data if base64.b64encode(data).decode("ascii") == text else None


def is_count(value):
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


def read_receipt(path):
    try:
        if os.path.getsize(path) > MAX_RECEIPT_BYTES:
            raise Unreadable(f"{path}: is {os.path.getsize(path)} bytes: a receipt is at most {MAX_RECEIPT_BYTES}")
        raw = open(path, "rb").read()
    except OSError as error:
        raise Unreadable(f"{path}: cannot be read ({error.strerror})")
    try:
        receipt = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise Unreadable(f"{path}: is not UTF-8")
    except json.JSONDecodeError as error:
        raise Unreadable(f"{path}: is not valid JSON at line {error.lineno}")
    if not isinstance(receipt, dict):
        raise Unreadable(f"{path}: is not a JSON object")

    problems = [f"field '{name[:40]}' is not a receipt field" for name in receipt if name not in RECEIPT_FIELDS]
    problems += [f"field '{name}' is missing" for name in RECEIPT_FIELDS if name not in receipt]
    if receipt.get("format", RECEIPT_TAG) != RECEIPT_TAG:
        problems.append(f"field 'format' is not {RECEIPT_TAG}")
    sequence = receipt.get("sequence", 1)
    if not is_count(sequence):
        problems.append("field 'sequence' is not a whole number of at least 1")
    if "head" in receipt and not (isinstance(receipt["head"], str) and HASH.match(receipt["head"])):
        problems.append("field 'head' is not 64 lower-case hex digits")
    if "at" in receipt and not (isinstance(receipt["at"], str) and INSTANT.match(receipt["at"])):
        problems.append("field 'at' is not an instant yyyy-MM-ddTHH:mm:ss.ffffffZ")
    by_type = receipt.get("eventsByType", {})
    if not isinstance(by_type, dict):
        problems.append("field 'eventsByType' is not an object")
    else:
        for name, count in by_type.items():
            if not EVENT_TYPE.match(name):
                problems.append(f"field 'eventsByType' names '{name[:40]}', which is not an event type")
            elif not is_count(count):
                problems.append(f"field 'eventsByType.{name}' is not a whole number of at least 1")
        if not problems and sum(by_type.values()) != sequence:
            problems.append(f"field 'eventsByType' adds up to {sum(by_type.values())} events, not the {sequence} of field 'sequence'")
    point = None
    if "publicKey" in receipt:
        spki = strict_base64(receipt["publicKey"])
        if spki is None:
            problems.append("field 'publicKey' is not base64")
        elif (point := public_point(spki)) is None:
            problems.append("field 'publicKey' is not an ECDSA P-256 SubjectPublicKeyInfo (uncompressed point on the curve)")
        elif receipt.get("keyId") != hashlib.sha256(spki).hexdigest():
            problems.append("field 'keyId' is not the SHA-256 of field 'publicKey'")
    if "signature" in receipt:
        signature = strict_base64(receipt["signature"])
        if signature is None or len(signature) != 64:
            problems.append("field 'signature' is not base64 of 64 bytes (r and s)")
    if problems:
        raise Unreadable(f"{path}: " + "; ".join(problems))

    # One receipt has one form: the fields in this order, two-space indent, a final newline.
    canonical = dict((name, receipt[name]) for name in RECEIPT_FIELDS)
    canonical["eventsByType"] = dict(sorted(by_type.items()))
    if (json.dumps(canonical, indent=2) + "\n").encode("utf-8") != raw:
        raise Unreadable(f"{path}: reads as a receipt but is not byte for byte as CodeLedger wrote it "
                         "(re-indented, re-encoded, a field repeated or edited): keep a receipt exactly as written")

    signed = field(RECEIPT_TAG) + field(str(sequence)) + field(receipt["head"]) + field(receipt["at"]) \
        + field(receipt["keyId"]) + field(str(len(by_type)))
    for name, count in sorted(by_type.items()):
        signed += field(name) + field(str(count))
    receipt["signatureVerifies"] = ecdsa_verifies(point, signed, signature)
    return receipt


def read_pin(value):
    """The key id a --public-key names: a file or a value holding PEM or base64 SubjectPublicKeyInfo, or a key id."""
    source = "--public-key"
    if os.path.isfile(value):
        source = value
        try:
            value = open(value, encoding="utf-8").read()
        except (OSError, UnicodeDecodeError):
            raise Unreadable(f"{source}: cannot be read as text", "CHECKPOINT-PUBLIC-KEY")
    text = value.strip()
    if HASH.match(text.lower()):
        return text.lower()
    pem = re.search(r"-----BEGIN PUBLIC KEY-----(.*?)-----END PUBLIC KEY-----", text, re.S)
    spki = strict_base64("".join(pem.group(1).split())) if pem else strict_base64(text)
    if spki is None or public_point(spki) is None:
        raise Unreadable(f"{source}: is not an ECDSA P-256 public key (PEM or base64) nor a 64-hex key id", "CHECKPOINT-PUBLIC-KEY")
    return hashlib.sha256(spki).hexdigest()


# --- The ledger ----------------------------------------------------------------------------------

def parse_line(raw: bytes):
    """An event from one line of the export, or a string saying what is wrong with the line."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return "not UTF-8"
    try:
        event = json.loads(text)
    except json.JSONDecodeError as error:
        return f"not valid JSON ({error.msg}; a truncated line?)"
    if not isinstance(event, dict):
        return "not a JSON object"
    sequence = event.get("sequence")
    if not isinstance(sequence, int) or isinstance(sequence, bool):
        return "field 'sequence' is missing or not an integer"
    for name in ("instant", "actor", "type", "subject", "payload", "previousHash", "hash"):
        if not isinstance(event.get(name), str):
            return f"field '{name}' is missing or not a string"
    if not INSTANT.match(event["instant"]):
        return "field 'instant' is not yyyy-MM-ddTHH:mm:ss.ffffffZ"
    return event


def main():
    parser = argparse.ArgumentParser(description="Verify a CodeLedger ledger export and checkpoint receipts (docs/LEDGER.md).")
    parser.add_argument("export", help="the ledger export (JSON lines), from codeledger ledger export")
    parser.add_argument("--checkpoint", action="extend", nargs="+", default=[], metavar="RECEIPT",
                        help="receipts from codeledger ledger checkpoint")
    parser.add_argument("--public-key", help="the vendor key the receipts must be signed with (file, PEM, base64 or key id)")
    args = parser.parse_args()

    try:
        receipts = [(path, read_receipt(path)) for path in args.checkpoint]
        pin = read_pin(args.public_key) if args.public_key else None
        export = open(args.export, "rb")
    except Unreadable as error:
        print(f"verify_ledger.py: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"verify_ledger.py: {args.export}: cannot be read ({error.strerror})", file=sys.stderr)
        return 2

    wanted = {receipt["sequence"] for _, receipt in receipts}
    seen = {}            # sequence -> (hash, counts by type of events 1..sequence) for receipts
    counts, last, count = {}, 0, 0
    previous, expected, broken = GENESIS, 1, None
    with export:
        for line_no, raw in enumerate(export, start=1):
            raw = raw.rstrip(b"\n")
            if not raw.strip():
                continue
            event = parse_line(raw)
            if isinstance(event, str):
                broken = broken or f"BROKEN at sequence {expected} (line {line_no}): line {line_no}: {event}"
                continue
            # The receipts are judged on every event that can be read, broken chain or not.
            counts[event["type"]] = counts.get(event["type"], 0) + 1
            last = max(last, event["sequence"])
            if event["sequence"] in wanted and event["sequence"] not in seen:
                seen[event["sequence"]] = (event["hash"], dict(counts))
            if broken:
                continue
            parts = [LEDGER_TAG, str(event["sequence"]), event["instant"], event["actor"], event["type"],
                     event["subject"], event["payload"], event["previousHash"]]
            digest = hashlib.sha256(b"".join(field(p) for p in parts)).hexdigest()
            if event["sequence"] != expected:
                broken = f"BROKEN at sequence {expected} (line {line_no}): event {expected} is missing or out of order (found {event['sequence']})"
            elif event["previousHash"] != previous:
                broken = f"BROKEN at sequence {expected} (line {line_no}): event {expected} does not link to the hash of event {expected - 1}"
            elif digest != event["hash"]:
                broken = f"BROKEN at sequence {expected} (line {line_no}): event {expected} was altered: its content does not match its hash"
            else:
                previous, expected, count = event["hash"], expected + 1, count + 1

    print(broken or f"OK: {count} events, chain intact, head {previous}")
    failed = broken is not None
    for path, receipt in receipts:
        sequence, head, at = receipt["sequence"], receipt["head"], receipt["at"]
        if not receipt["signatureVerifies"]:
            problem = f"CHECKPOINT-SIGNATURE: the signature does not verify against the receipt's own public key (key id {receipt['keyId']}): the receipt was altered after it was signed"
        elif pin and receipt["keyId"] != pin:
            problem = f"CHECKPOINT-KEY-NOT-PINNED: signed by key id {receipt['keyId']}, not the pinned key id {pin}"
        elif sequence not in seen:
            problem = f"CHECKPOINT-TRUNCATED: the ledger ends at event {last}, but the receipt signed {at} attests event {sequence} with hash {head}: events the practice was shown have been removed" \
                if last < sequence else f"CHECKPOINT-TRUNCATED: event {sequence} is not in the ledger, but the receipt signed {at} attests it with hash {head}"
        elif seen[sequence][0] != head:
            problem = f"CHECKPOINT-REWRITTEN: event {sequence} now has hash {seen[sequence][0]}, but the receipt signed {at} attests {head}: the ledger was rewritten at or before event {sequence}"
        elif seen[sequence][1] != receipt["eventsByType"]:
            problem = f"CHECKPOINT-COUNTS: events 1 to {sequence} by type differ from the receipt signed {at}"
        else:
            pinned = "the pinned key" if pin else "not pinned: compare it with the key id the vendor published, or pass --public-key"
            print(f"CHECKPOINT OK: {path}: event {sequence} still has hash {head}; signed {at} by key id {receipt['keyId']} ({pinned})")
            continue
        failed = True
        print(f"CHECKPOINT FAILED: {path}: {problem}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
