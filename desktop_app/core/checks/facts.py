"""Facts about a case's files, gathered once and cached, so that checks never read a file themselves.

Per file: the text read from it (through the reading service, which caches by content), and for
certificates and letters of authorization the fields extracted from that text, cached in the store
by (sha256, extractor name, extractor version). A second check of an unchanged file reads nothing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import importlib
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.core.clean_text import clean_evidence_text, hidden_in_text
from desktop_app.core.messages import said
from desktop_app.core.model import Case, EvidenceFile, EvidenceKind
from desktop_app.core.progress import NEVER_CANCELLED, CancelToken, ProgressFn, SubProgress, no_progress
from desktop_app.core.reading.text import DocumentText, TextLine

CERTIFICATE_EXTRACTOR = "certificate_fields"
AUTHORIZATION_EXTRACTOR = "authorization_fields"


@dataclass
class FileFacts:
    """What is known about one evidence file."""

    file: EvidenceFile
    kinds: list[EvidenceKind]  # the roles it plays in the case (twice attached: twice listed)
    doc: DocumentText
    certificate: Any | None = None  # certificates.CertificateFields
    authorization: Any | None = None  # authorization.AuthorizationFields
    sharpness: float | None = None  # images: strength of the sharpest edges (0-255); blurred captures are low
    # control characters and bidirectional overrides removed from the text read (clean_text), as labels
    hidden_characters: list[str] = field(default_factory=list)

    @property
    def capture(self) -> dict[str, Any] | None:
        """What a web capture records (url, captured_at, their sources, signature…), else None."""
        return self.doc.meta.get("capture") if self.doc.ok else None

    @property
    def name(self) -> str:
        return self.file.original_name

    def lines(self) -> list[TextLine]:
        return list(self.doc.lines())


@dataclass
class CaseFacts:
    """The case as entered plus the facts of every file it rests on, keyed by SHA-256."""

    case: Case
    files: dict[str, FileFacts] = field(default_factory=dict)
    # right id -> its latest confirmation by hand (core.confirmation.Confirmation; stale ones included)
    confirmations: dict[int, Any] = field(default_factory=dict)
    # what one run of the checks derived and several families share; emptied when a run starts
    scratch: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def of(self, f: EvidenceFile | None) -> FileFacts | None:
        return self.files.get(f.sha256) if f is not None else None

    @property
    def filing_date(self) -> dt.date:
        return self.case.filing_date


# -------------------------------------------------------------------------------------------------
# Serialising extractor results for the cache (they are plain dataclasses of str/int/date/lists).
# -------------------------------------------------------------------------------------------------


def to_jsonable(obj: Any) -> Any:
    if hasattr(obj, "to_json"):
        return obj.to_json()
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_jsonable(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (dt.date, dt.datetime)):
        return {"__date__": obj.isoformat()}
    if isinstance(obj, (list, tuple)):
        return [to_jsonable(x) for x in obj]
    if isinstance(obj, dict):
        return {str(k): to_jsonable(v) for k, v in obj.items()}
    return obj


def from_jsonable(tp: Any, data: Any) -> Any:
    """Rebuild a value of type ``tp`` (a dataclass, a list of them, a date...) from ``to_jsonable``."""
    if data is None:
        return None
    if isinstance(data, dict) and "__date__" in data:
        return dt.date.fromisoformat(data["__date__"][:10])
    if isinstance(tp, type) and hasattr(tp, "from_json"):
        return tp.from_json(data)
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is typing.Union or str(origin) == "<class 'types.UnionType'>":
        inner = [a for a in args if a is not type(None)]
        return from_jsonable(inner[0], data) if len(inner) == 1 else data
    if origin in (list, tuple) and isinstance(data, list):
        item = args[0] if args else Any
        out = [from_jsonable(item, x) for x in data]
        return tuple(out) if origin is tuple else out
    if isinstance(tp, type) and dataclasses.is_dataclass(tp) and isinstance(data, dict):
        hints = typing.get_type_hints(tp)
        kwargs = {
            f.name: from_jsonable(hints.get(f.name, Any), data[f.name])
            for f in dataclasses.fields(tp)
            if f.init and f.name in data
        }
        return tp(**kwargs)
    if tp is tuple and isinstance(data, list):
        return tuple(data)
    return data


def _cached_extract(
    store: Any, sha: str, name: str, version: str, tp: type, extract: Any, doc: DocumentText
) -> Any:
    hit = store.cache.get(sha, name, version) if store is not None else None
    if hit is not None:
        try:
            return from_jsonable(tp, hit)
        except (TypeError, ValueError, KeyError):
            pass  # a stale shape: extract again
    result = extract(doc)
    if store is not None:
        store.cache.put(sha, name, version, to_jsonable(result))
    return result


@functools.lru_cache(maxsize=8)
def extractor_version(module_name: str) -> str:
    """The extractor's declared version plus a digest of its source, so any change re-extracts.

    In a frozen build the source may be absent; the declared version (or "1") then stands alone.
    """
    mod = importlib.import_module(module_name)
    declared = str(getattr(mod, "EXTRACTOR_VERSION", getattr(mod, "VERSION", "1")))
    path = Path(getattr(mod, "__file__", "") or "")
    files = sorted(path.parent.glob("*.py")) if path.name == "__init__.py" else [path]
    digest = hashlib.sha256()
    for f in files:
        try:
            digest.update(f.read_bytes())
        except OSError:
            return declared
    return f"{declared}-{digest.hexdigest()[:12]}"


def extract_certificate_fields(store: Any, sha: str, doc: DocumentText) -> Any:
    from desktop_app.core.reading import certificates as cert_mod

    version = extractor_version(cert_mod.__name__)
    return _cached_extract(
        store,
        sha,
        CERTIFICATE_EXTRACTOR,
        version,
        cert_mod.CertificateFields,
        cert_mod.extract_certificate,
        doc,
    )


def extract_authorization_fields(store: Any, sha: str, doc: DocumentText) -> Any:
    from desktop_app.core.reading import authorization as auth_mod

    version = extractor_version(auth_mod.__name__)
    return _cached_extract(
        store,
        sha,
        AUTHORIZATION_EXTRACTOR,
        version,
        auth_mod.AuthorizationFields,
        auth_mod.extract_authorization,
        doc,
    )


SHARPNESS = "image_sharpness"
SHARPNESS_VERSION = "1"
_SHARPNESS_WIDTH = 1200


def measure_sharpness(path: Path) -> float | None:
    """The 99.9th percentile of neighbouring-pixel differences at a fixed width.

    Text in a sharp capture has edges near full contrast (well above 100); a blurred one stays far
    lower (below ~40), however confident the OCR of what little it still reads.
    """
    import numpy as np
    from PIL import Image, ImageOps

    try:
        with Image.open(path) as im:
            im = ImageOps.exif_transpose(im).convert("L")
            if im.width > _SHARPNESS_WIDTH:
                im = im.resize((_SHARPNESS_WIDTH, max(1, round(im.height * _SHARPNESS_WIDTH / im.width))))
            a = np.asarray(im, dtype=np.int16)
    except Exception:  # noqa: BLE001 - an image the reader already reported on
        return None
    if a.size < 4:
        return None
    counts = np.bincount(np.abs(np.diff(a, axis=1)).ravel(), minlength=256)
    counts += np.bincount(np.abs(np.diff(a, axis=0)).ravel(), minlength=256)
    cumulative = np.cumsum(counts)
    return float(np.searchsorted(cumulative, 0.999 * cumulative[-1]))


def image_sharpness(store: Any, f: EvidenceFile) -> float | None:
    hit = store.cache.get(f.sha256, SHARPNESS, SHARPNESS_VERSION)
    if hit is not None:
        return hit.get("sharpness")
    value = measure_sharpness(store.files.path(f))
    store.cache.put(f.sha256, SHARPNESS, SHARPNESS_VERSION, {"sharpness": value})
    return value


@functools.lru_cache(maxsize=1)
def reader_versions() -> dict[str, str]:
    """The versions of everything facts depend on; part of the check input digest."""
    from desktop_app.core.reading import service

    return {
        "reader": service.cache_version(),
        "certificate": extractor_version("desktop_app.core.reading.certificates"),
        "authorization": extractor_version("desktop_app.core.reading.authorization"),
        "sharpness": SHARPNESS_VERSION,
        "captures": extractor_version("desktop_app.core.reading.captures"),
    }


def gather_facts(
    store: Any, case: Case, *, progress: ProgressFn = no_progress, cancel: CancelToken = NEVER_CANCELLED
) -> CaseFacts:
    """Read (or take from the cache) every file of ``case`` and extract certificate/authorization fields."""
    from desktop_app.core.reading.service import read_documents

    facts = CaseFacts(case=case)
    entries = case.evidence_files()
    unique: dict[str, tuple[EvidenceFile, list[EvidenceKind]]] = {}
    for kind, f in entries:
        unique.setdefault(f.sha256, (f, []))[1].append(kind)
    # every file read first, side by side on the pool's workers; then the facts, file by file
    docs = read_documents(
        store, [f for f, _kinds in unique.values()], progress=SubProgress(progress, 0.0, 0.9), cancel=cancel
    )
    after = SubProgress(progress, 0.9, 1.0)
    total = max(len(unique), 1)
    for i, (sha, (f, kinds)) in enumerate(unique.items()):
        cancel.raise_if_cancelled()
        sub = SubProgress(after, i / total, (i + 1) / total)
        sub(0.0, said("progress.reading_file", name=f.original_name))
        doc, hidden = clean_document(docs[sha])
        ff = FileFacts(file=f, kinds=kinds, doc=doc, hidden_characters=hidden)
        if EvidenceKind.CERTIFICATE in kinds and doc.ok:
            ff.certificate = extract_certificate_fields(store, sha, doc)
        if EvidenceKind.AUTHORIZATION in kinds and doc.ok:
            ff.authorization = extract_authorization_fields(store, sha, doc)
        if (
            kinds
            and {EvidenceKind.SCREENSHOT, EvidenceKind.CERTIFICATE} & set(kinds)
            and f.is_image
            and doc.ok
        ):
            ff.sharpness = image_sharpness(store, f)
        facts.files[sha] = ff
        sub(1.0, said("progress.read_file", name=f.original_name))
    facts.confirmations = case_confirmations(store, case)
    return facts


def clean_document(doc: DocumentText) -> tuple[DocumentText, list[str]]:
    """The document with control characters and bidirectional overrides removed from every line (so
    nothing read from a counterfeiter's page reaches a finding, the summary or the complaint raw), and
    the labels of what was removed."""
    found: list[str] = []
    for line in doc.lines():
        for lab in hidden_in_text(line.text):
            if lab not in found:
                found.append(lab)
    if not found:
        return doc, []
    pages = [
        dataclasses.replace(
            p, lines=[dataclasses.replace(ln, text=clean_evidence_text(ln.text)) for ln in p.lines]
        )
        for p in doc.pages
    ]
    return dataclasses.replace(doc, pages=pages), found


def case_confirmations(store: Any, case: Case) -> dict[int, Any]:
    """The latest confirmation by hand of each of the case's rights, with why it is stale if it is."""
    if store is None or not hasattr(store, "confirmations"):
        return {}
    from desktop_app.core.confirmation import confirmations_for

    return confirmations_for(store, case.rights)


def file_ref(
    ff: FileFacts,
    line: TextLine | None = None,
    *,
    box: Any = None,
    text: str | None = None,
    page: int | None = None,
) -> Any:
    """An EvidenceRef to a file, or to one line (or part of a line) of it.

    Boxes are read on the page upright; the reference holds them in the file's own frame (a page
    scanned sideways is outlined where it lies in the stored file), which is where they are drawn."""
    from desktop_app.core.checks.findings import EvidenceRef

    if line is None:
        stored = tuple(ff.doc.stored_box(page, tuple(box))) if box is not None else None
        return EvidenceRef(file=ff.name, sha256=ff.file.sha256, page=page, box=stored, text=text or "")
    if line.source == "capture":  # a web capture's own text: no page or box, a locator instead
        return EvidenceRef(
            file=ff.name,
            sha256=ff.file.sha256,
            text=text if text is not None else line.text,
            locator=line.locator,
        )
    return EvidenceRef(
        file=ff.name,
        sha256=ff.file.sha256,
        page=line.page,
        box=tuple(ff.doc.stored_box(line.page, tuple(box if box is not None else line.box))),
        text=text if text is not None else line.text,
        locator=line.locator,
    )


def where(ff: FileFacts, page: int | None) -> str:
    """'certificate.pdf, page 1' (the page only for multi-page documents or when it helps)."""
    if page is None or (ff.capture is not None and page == 1):
        return ff.name
    if ff.capture is not None:  # a web capture's pages after the first are the pictures inside it
        return f"{ff.name}, picture {page - 1}"
    if page == 1 and not ff.file.is_pdf:  # an image has no pages: "listing.png", never "page 1"
        return ff.name
    return f"{ff.name}, page {page}"


def where_msg(ff: FileFacts, page: int | None) -> dict[str, Any]:
    """``where`` as a catalogue message (core/messages.py), for a finding's params."""
    from desktop_app.core.messages import msg

    if page is None or (ff.capture is not None and page == 1):
        return msg("where.file", file=ff.name)
    if ff.capture is not None:
        return msg("where.picture", file=ff.name, picture=page - 1)
    return msg("where.page", file=ff.name, page=page)
