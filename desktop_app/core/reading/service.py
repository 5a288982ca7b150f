"""The one entry point for reading an evidence file: PDF or image in, DocumentText out, cached by hash.

Results are cached in the store keyed by (file SHA-256, reader name, reader version), where the
version includes the OCR engine's, so a file is read once per engine and never again.
"""

from __future__ import annotations

import logging
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.core.errors import Cancelled
from desktop_app.core.intake import sniff_bytes
from desktop_app.core.model import EvidenceFile
from desktop_app.core.progress import NEVER_CANCELLED, CancelToken, ProgressFn, no_progress
from desktop_app.core.reading import captures, ocr
from desktop_app.core.reading.pdf_text import read_pdf
from desktop_app.core.reading.text import NO_TEXT, OK, UNREADABLE, DocumentText, PageText
from desktop_app.core.vault import sha256_file

if TYPE_CHECKING:
    from desktop_app.core.store import Store

log = logging.getLogger(__name__)

READER_NAME = "document_text"
READER_VERSION = "3"  # bump when read_path output changes for the same bytes (3: PDF char positions)


def cache_version() -> str:
    """The version string stored with cached reads: ours plus the OCR engine's and the capture reader's."""
    return f"{READER_VERSION}; {ocr.engine_version()}"


def capture_cache_version() -> str:
    """Web captures are cached under their own version, so a capture reader change re-reads only them."""
    from desktop_app.core.checks.facts import extractor_version  # the one source-digest helper

    return f"{cache_version()}; captures {extractor_version(captures.__name__)}"


def read_image(
    path: str | Path,
    *,
    sha256: str = "",
    progress: ProgressFn = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> DocumentText:
    """OCR an image file (every frame of a multi-page TIFF). Never raises for a bad file; a broken OCR
    installation raises OcrUnavailable, so that no file is cached as unreadable for it."""
    path = Path(path)
    try:
        pages = ocr.load_image_pages(path)
    except Exception as exc:  # noqa: BLE001 - Pillow raises many types for corrupt or hostile data
        from PIL import Image

        if isinstance(exc, Image.DecompressionBombError):
            reason = "the image is too large to decode safely (possible decompression bomb)"
        else:
            reason = f"the image is corrupt or truncated and cannot be decoded ({type(exc).__name__})"
        return DocumentText(sha256, UNREADABLE, f"{path.name}: {reason}")
    try:
        per_page = ocr.ocr_images(pages, progress=progress, cancel=cancel)
    except (ocr.OcrUnavailable, Cancelled):
        raise
    except Exception as exc:  # noqa: BLE001 - the engine choking on odd pixels is not the user's fault
        log.warning("OCR failed for %s", path, exc_info=True)
        return DocumentText(
            sha256,
            UNREADABLE,
            f"{path.name}: the text in this image could not be recognised ({type(exc).__name__})",
        )
    doc = DocumentText(
        sha256,
        OK,
        "",
        [
            PageText(i + 1, float(read.width), float(read.height), read.lines, "ocr", read.rotation)
            for i, read in enumerate(per_page)
        ],
    )
    if not any(page.lines for page in doc.pages):
        doc.status, doc.message = NO_TEXT, f"{path.name}: no legible text was found in the image"
    return doc


def read_path(
    path: str | Path,
    *,
    sha256: str | None = None,
    progress: ProgressFn = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> DocumentText:
    """Read a file that is not (necessarily) in the vault. Dispatches on content, not the extension."""
    path = Path(path)
    if not path.is_file():
        return DocumentText(sha256 or "", UNREADABLE, f"{path.name}: the file does not exist")
    try:
        sha = sha256 or sha256_file(path)
        with path.open("rb") as fh:
            head = fh.read(2048)
    except OSError as exc:
        return DocumentText(
            sha256 or "", UNREADABLE, f"{path.name}: the file cannot be opened ({exc.strerror})"
        )
    if not head:
        return DocumentText(sha, UNREADABLE, f"{path.name}: the file is empty")
    kind = sniff_bytes(head)
    if kind in captures.MEDIA_TYPES:
        return read_capture_file(path, kind, sha256=sha, progress=progress, cancel=cancel)
    if kind == "application/pdf":
        return read_pdf(path, sha256=sha, progress=progress, cancel=cancel)
    if kind is not None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return read_image(path, sha256=sha, progress=progress, cancel=cancel)
    return DocumentText(
        sha, UNREADABLE, f"{path.name}: this is neither a PDF nor a supported image or web capture"
    )


def read_capture_file(
    path: Path,
    media_type: str | None = None,
    *,
    sha256: str = "",
    progress: ProgressFn = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> DocumentText:
    """A web capture's own text (exact) plus its pictures read by OCR. Never raises for a bad file."""
    try:
        cap = captures.read_capture(path, media_type)
    except captures.CaptureError as exc:
        return DocumentText(sha256, UNREADABLE, f"{path.name}: {exc.reason}")
    except (OSError, MemoryError, RecursionError) as exc:
        return DocumentText(
            sha256, UNREADABLE, f"{path.name}: the capture cannot be read ({type(exc).__name__})"
        )
    return captures.capture_document(cap, sha256, progress=progress, cancel=cancel)


def _version_for(evidence_file: EvidenceFile) -> str:
    return capture_cache_version() if evidence_file.media_type in captures.MEDIA_TYPES else cache_version()


def read_documents(
    store: Store,
    files: list[EvidenceFile],
    *,
    progress: ProgressFn = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> dict[str, DocumentText]:
    """The text of many files by SHA-256: cached ones from the cache, the others read side by side on
    the isolated pool's workers (as many as the workstation has cores, each with its share of the OCR
    engine's threads), each cached as it finishes. Same results as ``read_document`` one by one."""
    from desktop_app.core.worker_pool import default_pool

    out: dict[str, DocumentText] = {}
    todo: list[EvidenceFile] = []
    for f in {f.sha256: f for f in files}.values():
        cached = store.cache.get(f.sha256, READER_NAME, _version_for(f))
        if cached is not None:
            out[f.sha256] = DocumentText.from_json(cached)
        elif not store.files.path(f).is_file():
            out[f.sha256] = read_document(store, f)  # says the stored copy is missing
        else:
            todo.append(f)
    if len(todo) <= 1:  # nothing to share out: the one-by-one path, with its own progress
        for f in todo:
            out[f.sha256] = read_document(store, f, progress=progress, cancel=cancel)
        return out

    def finished(index: int, outcome) -> None:  # noqa: ANN001 - worker_pool.Outcome; in this thread
        f = todo[index]
        path = store.files.path(f)
        if outcome.ok:
            doc = DocumentText.from_json(outcome.value)
            doc.sha256 = f.sha256
            doc.message = doc.message.replace(path.name, f.original_name, 1)
            store.cache.put(f.sha256, READER_NAME, _version_for(f), doc.to_json())
        else:
            log.warning("isolated read of %s failed: %s (%s)", path, outcome.failure, outcome.message)
            doc = DocumentText(
                f.sha256, UNREADABLE, f"{f.original_name}: {outcome.message}, so it is treated as unreadable"
            )
        out[f.sha256] = doc

    default_pool().map(
        READ_TASK,
        [(str(store.files.path(f)), f.sha256) for f in todo],
        with_progress=True,
        progress=progress,
        cancel=cancel,
        on_result=finished,
    )
    return out


def read_document(
    store: Store,
    evidence_file: EvidenceFile,
    *,
    progress: ProgressFn = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> DocumentText:
    """The text of an imported evidence file, from the cache when it was read before."""
    version = capture_cache_version() if evidence_file.media_type in captures.MEDIA_TYPES else cache_version()
    cached = store.cache.get(evidence_file.sha256, READER_NAME, version)
    if cached is not None:
        return DocumentText.from_json(cached)
    path = store.files.path(evidence_file)
    if not path.is_file():  # not cached: the vault may be restored later
        return DocumentText(
            evidence_file.sha256,
            UNREADABLE,
            f"{evidence_file.original_name}: the stored copy of this file is missing from the vault",
        )
    doc, cacheable = read_isolated(path, sha256=evidence_file.sha256, progress=progress, cancel=cancel)
    doc.sha256 = evidence_file.sha256
    # Messages name the vault file (its hash); the user knows it by its original name.
    doc.message = doc.message.replace(path.name, evidence_file.original_name, 1)
    if cacheable:  # a read cut short by a limit may succeed on a quieter machine: not remembered
        store.cache.put(evidence_file.sha256, READER_NAME, version, doc.to_json())
    return doc


def read_path_json(path: str, sha256: str, *, progress: ProgressFn = no_progress) -> dict:
    """``read_path`` as the worker processes run it: a plain dict crosses the process boundary."""
    return read_path(path, sha256=sha256, progress=progress).to_json()


# What the workers run; a module attribute so tests can substitute a reader that misbehaves.
READ_TASK = read_path_json


def read_isolated(
    path: str | Path,
    *,
    sha256: str,
    progress: ProgressFn = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> tuple[DocumentText, bool]:
    """Read a file in an isolated worker process (time and memory limited). Returns the text and
    whether it may be cached: a reader that timed out, ran out of memory or crashed yields an
    UNREADABLE document naming why, never a hang or the application's memory."""
    from desktop_app.core.worker_pool import default_pool

    path = Path(path)
    outcome = default_pool().run(
        READ_TASK, str(path), sha256, with_progress=True, progress=progress, cancel=cancel
    )
    if outcome.ok:
        return DocumentText.from_json(outcome.value), True
    log.warning("isolated read of %s failed: %s (%s)", path, outcome.failure, outcome.message)
    return (
        DocumentText(sha256, UNREADABLE, f"{path.name}: {outcome.message}, so it is treated as unreadable"),
        False,
    )
