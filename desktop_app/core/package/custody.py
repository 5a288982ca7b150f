"""``data/custody.jsonl``: the case's slice of the store's hash-chained audit log, as it stood at export.

Line 1 is a header (format, case, the store's chain head when the package was made, which fields an
entry's hash covers). Every further line is one audit entry exactly as the store holds it, with
``prev`` and ``hash``: anyone can recompute ``hash`` as the SHA-256 of the entry's compact, key-sorted
UTF-8 JSON without ``hash``, and the store can show that the same entries, with the same hashes, are
still in its chain (``evidence-desk audit verify``). The file sits under ``data/``, so the manifest
and the signature cover it.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from desktop_app.core.errors import UserFileError
from desktop_app.core.model import Case
from desktop_app.core.store.audit import CHAIN_FORMAT, GENESIS, HASHED_FIELDS, entry_hash

FORMAT = "evidence-desk-custody"
FORMAT_VERSION = "1.0"
PATH = "custody.jsonl"


def _line(obj: dict[str, Any]) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8") + b"\n"


def custody_bytes(case: Case, entries: list[dict[str, Any]], head: tuple[int | None, str]) -> bytes:
    header = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "case": case.reference,
        "chain_format": CHAIN_FORMAT,
        "chain_head": {"id": head[0], "hash": head[1]},
        "genesis": GENESIS,
        "hashed_fields": list(HASHED_FIELDS),
        "entries": len(entries),
    }
    return b"".join([_line(header), *(_line(e) for e in entries)])


def read_custody(data: bytes) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Parse custody.jsonl; refuses a format it does not know (ValueError)."""
    lines = [json.loads(line) for line in data.decode("utf-8").splitlines() if line.strip()]
    if not lines or lines[0].get("format") != FORMAT:
        raise ValueError("not an Evidence Desk custody log")
    if str(lines[0].get("format_version", "")).split(".")[0] != FORMAT_VERSION.split(".")[0]:
        raise ValueError(f"custody log format {lines[0].get('format_version')} is not supported")
    return lines[0], lines[1:]


MAX_CUSTODY_BYTES = 64 * 1024 * 1024


def read_package_custody(package: str | Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """data/custody.jsonl of a package (the one folder's), read without extracting anything else."""
    try:
        with zipfile.ZipFile(package) as zf:
            names = [n for n in zf.namelist() if n.count("/") == 2 and n.endswith("/data/" + PATH)]
            if len(names) != 1:
                raise UserFileError(package, "has no data/custody.jsonl (exported before custody logs?)")
            info = zf.getinfo(names[0])
            if info.file_size > MAX_CUSTODY_BYTES:
                raise UserFileError(package, "its custody log is too large to read")
            return read_custody(zf.read(info))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UserFileError(package, f"the custody log cannot be read ({exc})") from None


def compare_with_store(
    custody: tuple[dict[str, Any], list[dict[str, Any]]], chain: Iterable[dict[str, Any]]
) -> tuple[str, int | None]:
    """Whether a package's custody slice is the store's history: ("", None) if so, else the first
    entry that differs, in one sentence."""
    header, entries = custody
    wanted = {e["id"]: e for e in entries}
    head = header.get("chain_head") or {}
    if head.get("id") is not None:
        wanted.setdefault(head["id"], {"id": head["id"], "hash": head.get("hash"), "_head": True})
    seen: dict[int, dict[str, Any]] = {}
    for e in chain:
        if e["id"] in wanted:
            seen[e["id"]] = e
    for entry_id in sorted(wanted):
        w, s = wanted[entry_id], seen.get(entry_id)
        what = "its chain head" if w.get("_head") else "its custody entry"
        if s is None:
            return f"{what} {entry_id} is not in this audit log.", entry_id
        if s["hash"] != w.get("hash") or (not w.get("_head") and entry_hash(w) != w.get("hash")):
            return f"{what} {entry_id} differs from this audit log's entry {entry_id}.", entry_id
    return "", None


def entries_intact(entries: list[dict[str, Any]]) -> list[int]:
    """Ids of entries whose content no longer matches their own hash."""
    return [e["id"] for e in entries if entry_hash(e) != e.get("hash")]


def describe(entry: dict[str, Any]) -> str:
    """One line a reader understands, for the chain-of-custody page."""
    d = entry.get("detail") or {}
    a = entry["action"]
    if a == "file.import":
        return f"imported {d.get('name', '')} ({d.get('size', '?')} bytes, {d.get('media_type', '')})"
    if a == "case.check":
        return (
            f"checks run: {d.get('verdict')}, {d.get('blockers')} blocker(s), {d.get('warnings')} warning(s)"
        )
    if a == "case.export":
        return f"package exported{(' as version ' + str(d['version'])) if d.get('version') else ''}"
    if a == "case.timestamp":
        ts = d.get("timestamp") or {}
        return (
            f"time stamp attached to version {d.get('stamped_from')}, written as version {d.get('version')}"
            + (f" ({ts.get('tsa')}, {ts.get('time')})" if ts.get("tsa") else "")
        )
    if a == "case.status":
        extra = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in sorted(d.items()) if k != "status" and v)
        return f"status set to {d.get('status')}" + (f" ({extra})" if extra else "")
    if a in ("case.statement_edit", "case.statement_revert"):
        where = f"{d.get('marketplace', '')} batch {d.get('batch', '?')}, {d.get('lang', '')}"
        if a == "case.statement_revert":
            return (
                f"infringement statement ({where}) reverted to the generated one by {d.get('edited_by', '')}"
            )
        return (
            f"infringement statement ({where}) edited by {d.get('edited_by', '')} "
            f"(text SHA-256 {d.get('text_sha256', '')})"
        )
    if a.startswith("right."):
        return f"{a.split('.', 1)[1]} of right {d.get('mark', '')} {d.get('registration_number', '')}".strip()
    if "confirm" in a:
        what = ", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in sorted(d.items()) if v not in ("", None))
        return f"confirmed by hand — {what}" if what else "confirmed by hand"
    what = ", ".join(
        f"{k.replace('_', ' ')}: {v}" for k, v in sorted(d.items()) if v not in ("", None, {}, [])
    )
    return f"{a}" + (f" — {what}" if what else "")
