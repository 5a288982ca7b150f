"""Case folders, the interchange format: ``case.toml`` plus the files it names.

Import validates everything (the TOML, every path, every file) before storing anything, then stores
the files and the case in one transaction; on any failure the database and the vault are left exactly
as they were. Export writes a folder that imports back to the same case.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.core.clean_text import HiddenTextError, clean_case
from desktop_app.core.errors import CaseFolderError, EvidenceError
from desktop_app.core.intake import check_name, inspect_file
from desktop_app.core.messages import msg, said
from desktop_app.core.model import OFFICES, Case, Complainant, EvidenceFile, Listing, Right, Role
from desktop_app.core.progress import NEVER_CANCELLED, CancelToken, ProgressFn, no_progress
from desktop_app.core.store import Store
from desktop_app.core.user_files import (
    display_path,
    invisible_characters,
    read_user_bytes,
    resolve_user_path,
    stat_regular,
)

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

log = logging.getLogger(__name__)

CASE_FILE = "case.toml"
MAX_CASE_FILE_BYTES = 1024 * 1024  # a case.toml is a few KB; a megabyte is already absurd
FORMAT_VERSION = 1
_OFFICE_BY_KEY = {o.casefold(): o for o in OFFICES}
_OFFICE_ALIASES = {
    "EM": "EUIPO",
    "OHIM": "EUIPO",
    "UKIPO": "UKIPO",
    "UK IPO": "UKIPO",
    "IPO": "UKIPO",
    "SAIC": "CNIPA",
    "CTMO": "CNIPA",
    "CN": "CNIPA",
    "US": "USPTO",
    "WIPO MADRID": "WIPO",
    "MADRID": "WIPO",
    "EU": "EUIPO",
    "GB": "UKIPO",
}

_TOP_KEYS = {
    "format_version",
    "title",
    "filing_date",
    "complainant",
    "rights",
    "listings",
    "genuine_photos",
    "other_files",
}
_COMPLAINANT_KEYS = {"name", "role", "authorization", "email", "contact_name"}
_RIGHT_KEYS = {"type", "office", "registration_number", "mark", "owner", "classes", "certificate"}
_LISTING_KEYS = {"url", "title", "seller", "screenshots", "marketplace", "listing_id"}


@dataclass
class _Plan:
    """A validated case folder: the case to store, and the files it needs (resolved, checked)."""

    case: Case
    files: dict[Path, str] = field(default_factory=dict)  # absolute path -> name as written in TOML
    authorization: Path | None = None
    certificates: list[Path | None] = field(default_factory=list)  # one per right
    screenshots: list[list[Path]] = field(default_factory=list)  # one list per listing
    genuine_photos: list[Path] = field(default_factory=list)
    other_files: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # e.g. keys this version does not know, ignored


class _Reader:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.root = resolve_user_path(folder, error=CaseFolderError)
        self.toml_path = folder / CASE_FILE
        self.files: dict[Path, str] = {}
        self.warnings: list[str] = []

    def fail(self, where: str, key: str, **params: Any) -> CaseFolderError:
        """case.toml is wrong at ``where`` (e.g. rights[1].office): catalogue message ``key``."""
        reason = msg(key, **params)
        return CaseFolderError(
            self.toml_path, msg("case_folder.at", where=where, reason=reason) if where else reason
        )

    def table(self, data: Any, where: str, allowed: set[str]) -> dict[str, Any]:
        if not isinstance(data, dict):
            raise self.fail(where, "case_folder.not_table", type=_type_name(data))
        # Keys this version does not know are ignored with a warning rather than refused: case folders
        # written by scripts and other tools often carry notes of their own, and a typo is still shown.
        for key in sorted(set(data) - allowed):
            self.warnings.append(
                said(
                    "case_folder.unknown_key" + (".at" if where else ""),
                    path=str(self.toml_path),
                    where=where,
                    name=key,
                    known=", ".join(sorted(allowed)),
                )
            )
        return {k: v for k, v in data.items() if k in allowed}

    def string(
        self, data: dict[str, Any], key: str, where: str, *, required: bool = False, default: str = ""
    ) -> str:
        if key not in data:
            if required:
                raise self.fail(where, "case_folder.missing_field", field=key)
            return default
        value = data[key]
        if isinstance(value, int) and not isinstance(value, bool) and key == "registration_number":
            value = str(value)
        if not isinstance(value, str):
            raise self.fail(f"{where}.{key}", "case_folder.not_string", type=_type_name(value))
        value = value.strip()
        if required and not value:
            raise self.fail(f"{where}.{key}", "case_folder.empty")
        return value

    def path(self, value: Any, where: str) -> Path:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(where, "case_folder.not_path", type=_type_name(value))
        rel = Path(value)
        if rel.is_absolute() or value.startswith(("/", "\\")) or (len(value) > 1 and value[1] == ":"):
            raise self.fail(where, "case_folder.absolute_path", value=value)
        if ".." in rel.parts:
            raise self.fail(where, "case_folder.outside", value=value)
        candidate = self.folder / rel
        hidden = invisible_characters(value)
        if hidden:
            on_disk = msg("case_folder.hidden_name." + ("exists" if candidate.exists() else "missing"))
            raise self.fail(
                where,
                "case_folder.hidden_name." + ("one" if len(hidden) == 1 else "many"),
                name=display_path(value),
                chars=", ".join(hidden),
                on_disk=on_disk,
            )
        check_name(candidate)
        if not candidate.exists() and not candidate.is_symlink():
            raise EvidenceError(candidate, msg("case_folder.file_missing", where=where))
        resolved = resolve_user_path(candidate, error=EvidenceError)
        if not resolved.is_relative_to(self.root):
            raise self.fail(where, "case_folder.symlink_outside", value=value)
        self.files[resolved] = value
        return resolved

    def path_list(self, data: dict[str, Any], key: str, where: str) -> list[Path]:
        value = data.get(key, [])
        if not isinstance(value, list):
            raise self.fail(f"{where}.{key}", "case_folder.not_path_list", type=_type_name(value))
        return [self.path(v, f"{where}.{key}[{i}]") for i, v in enumerate(value)]


_TYPE_KEYS = {
    str: "string",
    int: "integer",
    float: "number",
    bool: "boolean",
    list: "list",
    dict: "table",
    dt.date: "date",
    dt.datetime: "datetime",
    dt.time: "time",
}


def _type_name(value: Any) -> dict[str, Any]:
    """What a TOML value is ("a string", "a table"), as a catalogue message."""
    kind = _TYPE_KEYS.get(type(value))
    return (
        msg("case_folder.type." + kind) if kind else msg("case_folder.type.other", name=type(value).__name__)
    )


# tomllib's sentences (Python 3.11-3.13), each as a catalogue message so it can be said in any language;
# one this table does not know is kept as tomllib wrote it.
_TOML_PROBLEMS = (
    (r"Illegal character (?P<char>.+)", "illegal_character"),
    (r"Found invalid character (?P<char>.+)", "invalid_character"),
    (r"Invalid value", "invalid_value"),
    (r"Invalid statement", "invalid_statement"),
    (r"Expected '=' after a key in a key/value pair", "expected_equals"),
    (r"Expected '\]' at the end of a table declaration", "expected_table_end"),
    (r"Expected '\]\]' at the end of an array declaration", "expected_array_end"),
    (r"Expected newline or end of document after a statement", "expected_newline"),
    (r"Expected (?P<what>.+)", "expected"),
    (r"Cannot overwrite a value", "overwrite"),
    (r"Cannot declare (?P<key>.+) twice", "declared_twice"),
    (r"Cannot mutate immutable namespace (?P<key>.+)", "immutable"),
    (r"Cannot redefine namespace (?P<key>.+)", "redefine"),
    (r"Duplicate inline table key (?P<key>.+)", "duplicate_key"),
    (r"Unclosed array", "unclosed_array"),
    (r"Unclosed inline table", "unclosed_table"),
    (r"Unterminated string", "unterminated_string"),
    (r"Unescaped '\\' in a string", "unescaped_backslash"),
    (r"Invalid date or datetime", "invalid_date"),
    (r"Invalid hex value", "invalid_hex"),
    (r"Invalid initial character for a key part", "invalid_key_start"),
    (r"Escaped character is not a Unicode scalar value", "not_scalar"),
)
_TOML_WHERE = re.compile(
    r"^(?P<problem>.*) \((?:at line (?P<line>\d+), column (?P<column>\d+)|at end of document)\)$", re.S
)


def _toml_syntax(text: str) -> dict[str, Any]:
    """A TOMLDecodeError's text as a catalogue message: the problem, and its line and column."""
    where = _TOML_WHERE.match(text)
    if where is None:
        return msg("case_folder.toml_syntax_other", detail=text)
    found = where["problem"]
    problem: str | dict[str, Any] = found
    for pattern, key in _TOML_PROBLEMS:
        m = re.fullmatch(pattern, found, re.S)
        if m:
            problem = msg("toml." + key, **m.groupdict())
            break
    if where["line"] is None:
        return msg("case_folder.toml_syntax_end", problem=problem)
    return msg(
        "case_folder.toml_syntax", problem=problem, line=int(where["line"]), column=int(where["column"])
    )


_OFFICE_NAMES = {
    "UNITED STATES PATENT AND TRADEMARK OFFICE": "USPTO",
    "US PTO": "USPTO",
    "UNITED STATES": "USPTO",
    "USA": "USPTO",
    "EUROPEAN UNION INTELLECTUAL PROPERTY OFFICE": "EUIPO",
    "EUROPEAN UNION": "EUIPO",
    "EUTM": "EUIPO",
    "UK INTELLECTUAL PROPERTY OFFICE": "UKIPO",
    "UNITED KINGDOM": "UKIPO",
    "UK": "UKIPO",
    "CHINA NATIONAL INTELLECTUAL PROPERTY ADMINISTRATION": "CNIPA",
    "CHINA": "CNIPA",
    "WORLD INTELLECTUAL PROPERTY ORGANIZATION": "WIPO",
    "INTERNATIONAL REGISTRATION": "WIPO",
}


def canonical_office(text: str) -> str | None:
    key = text.strip().casefold()
    if key in _OFFICE_BY_KEY:
        return _OFFICE_BY_KEY[key]
    upper = " ".join(text.replace("_", " ").split()).upper()
    found = _OFFICE_ALIASES.get(upper) or _OFFICE_NAMES.get(upper)
    if found is None and "(" in upper:  # "WIPO (Madrid)", "CNIPA (China)": the name or what is in brackets
        outside, _, inside = upper.partition("(")
        for part in (outside.strip(), inside.strip(" )")):
            found = found or (canonical_office(part) if part and "(" not in part else None)
    return found


def _refuse_unsafe_url(r: _Reader, url: str, where: str) -> None:
    """javascript:, data:, file: addresses and lookalike (non-ASCII) hosts are refused at import."""
    from desktop_app.core.reading.listing_urls import unsafe_url_message

    reason = unsafe_url_message(url)
    if reason is not None:
        raise CaseFolderError(r.toml_path, msg("case_folder.at", where=f"{where}.url", reason=reason))


def _infer_listing(url: str) -> tuple[str, str]:
    """Marketplace and listing id from the URL, through the one URL parser."""
    try:
        from desktop_app.core.reading.listing_urls import parse_listing_url
    except ImportError:  # the URL parser is optional at this layer
        return "", ""
    ref = parse_listing_url(url)
    return ref.marketplace, ref.listing_id


def read_case_folder(folder: str | Path) -> _Plan:
    """Parse and validate a case folder without storing anything. Raises a UserError on bad input."""
    folder = Path(folder)
    if not folder.is_dir():
        raise CaseFolderError(folder, msg("case_folder.not_folder"))
    r = _Reader(folder)
    if not r.toml_path.exists() and not r.toml_path.is_symlink():
        raise CaseFolderError(r.toml_path, msg("case_folder.missing_toml"))
    stat_regular(r.toml_path, error=CaseFolderError)
    raw_bytes = read_user_bytes(r.toml_path, max_bytes=MAX_CASE_FILE_BYTES, error=CaseFolderError)
    try:
        raw_text = raw_bytes.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise r.fail("", "file.not_utf8", byte=exc.start) from None
    try:
        data = tomllib.loads(raw_text)
    except tomllib.TOMLDecodeError as exc:
        raise CaseFolderError(r.toml_path, _toml_syntax(str(exc))) from None
    except RecursionError:
        raise r.fail("", "case_folder.too_deep") from None
    r.table(data, "", _TOP_KEYS)
    version = data.get("format_version", FORMAT_VERSION)
    if version != FORMAT_VERSION:
        raise r.fail("format_version", "case_folder.version", version=repr(version), supported=FORMAT_VERSION)

    title = r.string(data, "title", "title")
    filing = data.get("filing_date", dt.date.today())
    if isinstance(filing, str):
        try:
            filing = dt.date.fromisoformat(filing.strip())
        except ValueError:
            raise r.fail("filing_date", "case_folder.bad_date", value=filing) from None
    elif isinstance(filing, dt.datetime):
        filing = filing.date()
    elif not isinstance(filing, dt.date):
        raise r.fail("filing_date", "case_folder.not_date", type=_type_name(filing))

    if "complainant" not in data:
        raise r.fail("", "case_folder.missing_table", table="complainant")
    comp = r.table(data["complainant"], "complainant", _COMPLAINANT_KEYS)
    role_text = r.string(comp, "role", "complainant", default="rights_holder")
    try:  # "Agent", "rights holder", "Rights-Holder" are what people write for the two roles
        role = Role(re.sub(r"[\s\-]+", "_", role_text.strip().casefold()))
    except ValueError:
        raise r.fail(
            "complainant.role", "case_folder.bad_role", value=role_text, roles=[str(x) for x in Role]
        ) from None
    complainant = Complainant(
        name=r.string(comp, "name", "complainant", required=True),
        role=role,
        email=r.string(comp, "email", "complainant"),
        contact_name=r.string(comp, "contact_name", "complainant"),
    )
    auth_path = (
        r.path(comp["authorization"], "complainant.authorization") if "authorization" in comp else None
    )

    rights_raw = data.get("rights", [])
    if not isinstance(rights_raw, list):
        raise r.fail("rights", "case_folder.not_table_array", table="rights")
    rights: list[tuple[Right, Path | None]] = []
    for i, raw in enumerate(rights_raw):
        where = f"rights[{i + 1}]"
        rt = r.table(raw, where, _RIGHT_KEYS)
        kind = r.string(rt, "type", where, default="trademark")
        if kind != "trademark":
            raise r.fail(f"{where}.type", "case_folder.bad_right_type", value=kind, supported="trademark")
        office_text = r.string(rt, "office", where, required=True)
        office = canonical_office(office_text)
        if office is None:
            raise r.fail(
                f"{where}.office", "case_folder.unknown_office", value=office_text, known=list(OFFICES)
            )
        classes = rt.get("classes", [])
        if isinstance(classes, list):  # ["25"] or ["025"]: numbers written as strings
            classes = [int(c) if isinstance(c, str) and c.strip().isdigit() else c for c in classes]
        if not isinstance(classes, list) or not all(
            isinstance(c, int) and not isinstance(c, bool) for c in classes
        ):
            raise r.fail(f"{where}.classes", "case_folder.not_class_list")
        bad = [c for c in classes if not 1 <= c <= 45]
        if bad:
            raise r.fail(f"{where}.classes", "case_folder.bad_class", value=bad[0])
        right = Right(
            office=office,
            registration_number=r.string(rt, "registration_number", where, required=True),
            mark=r.string(rt, "mark", where, required=True),
            owner=r.string(
                rt, "owner", where, default=complainant.name if role is Role.RIGHTS_HOLDER else ""
            ),
            classes=list(classes),
        )
        cert = r.path(rt["certificate"], f"{where}.certificate") if "certificate" in rt else None
        rights.append((right, cert))

    listings_raw = data.get("listings", [])
    if not isinstance(listings_raw, list):
        raise r.fail("listings", "case_folder.not_table_array", table="listings")
    listings: list[tuple[Listing, list[Path]]] = []
    for i, raw in enumerate(listings_raw):
        where = f"listings[{i + 1}]"
        lt = r.table(raw, where, _LISTING_KEYS)
        url = r.string(lt, "url", where, required=True)
        _refuse_unsafe_url(r, url, where)
        marketplace, listing_id = _infer_listing(url)
        listing = Listing(
            url=url,
            marketplace=r.string(lt, "marketplace", where, default=marketplace),
            listing_id=r.string(lt, "listing_id", where, default=listing_id),
            title=r.string(lt, "title", where),
            seller=r.string(lt, "seller", where),
        )
        listings.append((listing, r.path_list(lt, "screenshots", where)))

    genuine = r.path_list(data, "genuine_photos", "genuine_photos")
    others = r.path_list(data, "other_files", "other_files")

    case = Case(
        complainant=complainant,
        title=title,
        filing_date=filing,
        rights=[rt for rt, _ in rights],
        listings=[lt for lt, _ in listings],
    )
    try:  # before any file is read: an identifier with a hidden character is one sentence
        changed = clean_case(case)
    except HiddenTextError as exc:
        raise CaseFolderError(r.toml_path, msg(exc.key, **exc.params)) from None
    for path_ in changed:
        r.warnings.append(said("case_folder.controls_replaced", path=str(r.toml_path), where=path_))

    # Every file is checked before anything is stored.
    for path in r.files:
        inspect_file(path)

    return _Plan(
        case=case,
        files=r.files,
        warnings=r.warnings,
        authorization=auth_path,
        certificates=[c for _, c in rights],
        screenshots=[s for _, s in listings],
        genuine_photos=genuine,
        other_files=others,
    )


def import_case_folder(
    store: Store,
    folder: str | Path,
    *,
    progress: ProgressFn = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
    warn: Callable[[str], None] | None = None,
) -> int:
    """Import a case folder; returns the new case id. All or nothing.

    ``warn`` receives one sentence per thing that was ignored (an unknown key, say); they are also
    logged and kept in the audit entry of the import.
    """
    folder = Path(folder)
    progress(0.0, said("progress.reading_file", name=f"{folder.name}/{CASE_FILE}"))
    plan = read_case_folder(folder)
    for message in plan.warnings:
        log.warning("%s", message)
        if warn is not None:
            warn(message)
    case = plan.case
    added: list[str] = []
    total = max(1, len(plan.files))
    try:
        with store.transaction():
            stored: dict[Path, EvidenceFile] = {}
            for n, (path, written) in enumerate(sorted(plan.files.items(), key=lambda kv: kv[1])):
                cancel.raise_if_cancelled()
                progress(0.05 + 0.9 * n / total, said("progress.importing", name=written))
                stored[path] = store.files.add(
                    path, original_name=Path(written).name, cancel=cancel, added=added
                )
            auth = plan.authorization
            case.complainant.authorization = stored[auth] if auth else None
            for right, cert in zip(case.rights, plan.certificates, strict=True):
                right.certificate = stored[cert] if cert else None
                existing = store.rights.find(right.office, right.registration_number)
                if existing and (
                    existing.mark,
                    existing.owner,
                    sorted(existing.classes),
                    existing.certificate,
                ) == (right.mark, right.owner, sorted(right.classes), right.certificate):
                    right.id = existing.id  # reuse the rights-library entry
            for listing, shots in zip(case.listings, plan.screenshots, strict=True):
                listing.screenshots = [stored[p] for p in shots]
            case.genuine_photos = [stored[p] for p in plan.genuine_photos]
            case.other_files = [stored[p] for p in plan.other_files]
            case_id = store.cases.save(case)
            store.audit.record(
                "case.import_folder", case_id=case_id, folder=str(folder.resolve()), warnings=plan.warnings
            )
    except BaseException:
        for sha in added:  # the transaction rolled back; drop the bytes it brought into the vault
            store.vault.remove(sha)
        raise
    progress(1.0, said("progress.imported"))
    return case_id


def _unique_name(name: str, used: set[str]) -> str:
    stem, suffix = os.path.splitext(name)
    candidate, n = name, 2
    while candidate.casefold() in used:
        candidate = f"{stem}-{n}{suffix}"
        n += 1
    used.add(candidate.casefold())
    return candidate


def case_to_toml(case: Case, names: dict[str, str]) -> dict[str, Any]:
    """The case.toml document for ``case``; ``names`` maps a file's sha256 to its path in the folder."""

    def path_of(f: EvidenceFile) -> str:
        return names[f.sha256 + "|" + f.original_name]

    c = case.complainant
    comp: dict[str, Any] = {"name": c.name, "role": str(c.role)}
    if c.email:
        comp["email"] = c.email
    if c.contact_name:
        comp["contact_name"] = c.contact_name
    if c.authorization:
        comp["authorization"] = path_of(c.authorization)
    doc: dict[str, Any] = {"format_version": FORMAT_VERSION}
    if case.title:
        doc["title"] = case.title
    doc["filing_date"] = case.filing_date
    doc["complainant"] = comp
    if case.genuine_photos:
        doc["genuine_photos"] = [path_of(f) for f in case.genuine_photos]
    if case.other_files:
        doc["other_files"] = [path_of(f) for f in case.other_files]
    rights = []
    for r in case.rights:
        rt: dict[str, Any] = {
            "type": r.type,
            "office": r.office,
            "registration_number": r.registration_number,
            "mark": r.mark,
            "owner": r.owner,
            "classes": list(r.classes),
        }
        if r.certificate:
            rt["certificate"] = path_of(r.certificate)
        rights.append(rt)
    if rights:
        doc["rights"] = rights
    listings = []
    for listing in case.listings:
        lt: dict[str, Any] = {"url": listing.url}
        for key in ("marketplace", "listing_id", "title", "seller"):
            if getattr(listing, key):
                lt[key] = getattr(listing, key)
        lt["screenshots"] = [path_of(f) for f in listing.screenshots]
        listings.append(lt)
    if listings:
        doc["listings"] = listings
    return doc


def export_case_folder(
    store: Store,
    case_id: int | str,
    out_dir: str | Path,
    *,
    progress: ProgressFn = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> Path:
    """Write the case as a folder (case.toml + files/); the folder appears complete or not at all."""
    import tomli_w

    case = store.cases.get(case_id)
    out_dir = Path(out_dir)
    if out_dir.exists() and (not out_dir.is_dir() or any(out_dir.iterdir())):
        raise CaseFolderError(out_dir, msg("case_folder.target_not_empty"))
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=out_dir.parent))
    try:
        (tmp / "files").mkdir()
        names: dict[str, str] = {}
        used: set[str] = set()
        files = case.evidence_files()
        for n, (_kind, f) in enumerate(files):
            cancel.raise_if_cancelled()
            key = f.sha256 + "|" + f.original_name
            if key in names:
                continue
            progress(n / max(1, len(files)), said("progress.writing", name=f.original_name))
            name = _unique_name(f.original_name, used)
            names[key] = f"files/{name}"
            shutil.copyfile(store.files.path(f), tmp / "files" / name)
        (tmp / CASE_FILE).write_bytes(tomli_w.dumps(case_to_toml(case, names)).encode("utf-8"))
        if out_dir.exists():
            out_dir.rmdir()
        os.replace(tmp, out_dir)
    except BaseException:
        with contextlib.suppress(OSError):
            shutil.rmtree(tmp)
        raise
    store.audit.record("case.export_folder", case_id=case.id, folder=str(out_dir.resolve()))
    progress(1.0, said("progress.written"))
    return out_dir
