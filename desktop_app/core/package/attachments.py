"""Evidence files to upload with a marketplace's complaint form: one PDF per batch (split into parts
when it would pass the form's size limit), named for the case, form and batch.

A marketplace form takes evidence as uploads of a few file types, each up to a size, and a few files
per complaint; the signed package (a ZIP) is what the complainant keeps and hands over on request.
Each attachment shows what the reviewer must see to accept the complaint, drawn from what the checks
established, exactly as in the signed summary:

* a cover page: the case, the form, the batch and part, the registered right's facts as established
  (the filing sheet's own fields, so a fact the checks did not establish is not stated here either),
  and the signed package these pages come from (name and SHA-256) when the last export holds the case
  as it is now;
* the registration certificate's pages;
* each listing of the part: its address and its screenshots with the mark and the listing id
  outlined where they were found.

Sizes: the previews are made smaller step by step (pixels and JPEG quality) until every part fits, and
a batch is split into as many parts as it needs; one listing that cannot fit even at the smallest step
is reported, not dropped. Limits come from the form's data (``resources/marketplaces/forms/*.json``,
``attachments``); where a marketplace does not publish them, the data says so and the limit is a
conservative assumption, which the sheet repeats.

Files are written whole or not at all (``atomic_write``) and never replace an existing file.
"""

from __future__ import annotations

import dataclasses
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image

from desktop_app.core.atomic import atomic_write
from desktop_app.core.checks.findings import ESTABLISHED, CheckReport
from desktop_app.core.errors import UserError
from desktop_app.core.filing import FilingSheet, build_sheets
from desktop_app.core.messages import said
from desktop_app.core.model import Case, EvidenceFile
from desktop_app.core.package.images import Preview, PreviewCache
from desktop_app.core.package.summary_pdf import (
    ReportPdf,
    fixed_date,
    listing_section,
    needs_cjk,
    pages_to_show,
)
from desktop_app.core.progress import NEVER_CANCELLED, CancelToken, ProgressFn, SubProgress, no_progress
from desktop_app.core.resources import load_json

# (pixel factor, JPEG quality) applied to the previews, tried in order until every part fits
STEPS: tuple[tuple[float, int], ...] = ((1.0, 80), (0.75, 70), (0.55, 60), (0.4, 50))
DEFAULT_LIMITS = {"per": "batch", "max_bytes": 5 * 1024 * 1024, "max_files": None, "types": ["pdf"]}
MAX_NAME = 100  # characters: within every upload form's and file system's name limit


@dataclass(frozen=True)
class UploadLimits:
    max_bytes: int
    max_files: int | None  # per complaint (batch), None when the form sets none
    types: tuple[str, ...]
    published: bool  # False: the marketplace publishes no limit; ``max_bytes`` is a safe assumption
    source: str

    def describe(self) -> str:
        size = f"{self.max_bytes / (1024 * 1024):g} MB per file"
        count = f", up to {self.max_files} files" if self.max_files else ""
        how = "" if self.published else " (not published by the marketplace: a conservative limit)"
        return f"{', '.join(t.upper() for t in self.types)}; {size}{count}{how}"


def limits_sentence(form_key: str, limits: UploadLimits, language: str = "en") -> str:
    """'Evidence files for alibaba_ipp: up to 5 MB each (…assumption…)' in ``language``."""
    from desktop_app.core.messages import render

    key = "attachments.limit.published" if limits.published else "attachments.limit.assumed"
    return render(key, {"form": form_key, "mb": f"{limits.max_bytes / 1024**2:.3g}"}, language)


def upload_limits(form_key: str) -> UploadLimits:
    """The upload limits of a form, from its data."""
    data = {
        **DEFAULT_LIMITS,
        **(load_json("marketplaces", "forms", f"{form_key}.json").get("attachments") or {}),
    }
    return UploadLimits(
        max_bytes=int(data["max_bytes"]),
        max_files=data.get("max_files"),
        types=tuple(data.get("types") or ("pdf",)),
        published=bool(data.get("published", False)),
        source=str(data.get("source", "")),
    )


@dataclass
class Attachment:
    path: Path
    size: int
    marketplace: str
    form: str
    batch: int
    batches: int
    part: int
    parts: int
    listing_ids: list[str]
    step: int  # 0: full-size previews; higher: made smaller to fit


@dataclass
class AttachmentsResult:
    files: list[Attachment] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # before uploading (messages.Said: say with text_in)
    limits: dict[str, UploadLimits] = field(default_factory=dict)  # form key -> the limits applied


def attachment_name(case_ref: str, form: str, batch: int, batches: int, part: int, parts: int) -> str:
    """``ED-2026-00001_alibaba_ipp_batch1of2_evidence_part1of3.pdf``: ASCII, no spaces, bounded."""
    stem = f"{case_ref}_{form}_batch{batch}of{batches}_evidence"
    if parts > 1:
        stem += f"_part{part}of{parts}"
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip("-.") or "evidence"
    return stem[: MAX_NAME - 4] + ".pdf"


class _SmallerPreviews:
    """``PreviewCache.get`` with the previews scaled by ``factor`` and re-encoded at ``quality``."""

    def __init__(self, base: PreviewCache, factor: float, quality: int) -> None:
        self.base, self.factor, self.quality = base, factor, quality
        self._done: dict[tuple[str, int], Preview | None] = {}

    def get(self, path: Path, f: EvidenceFile, page: int = 1) -> Preview | None:
        key = (f.sha256, page)
        if key not in self._done:
            self._done[key] = self._shrink(self.base.get(path, f, page))
        return self._done[key]

    def _shrink(self, pv: Preview | None) -> Preview | None:
        if pv is None or (self.factor >= 1.0 and self.quality >= 80):
            return pv
        with Image.open(io.BytesIO(pv.jpeg)) as im:
            size = (max(1, round(pv.width * self.factor)), max(1, round(pv.height * self.factor)))
            small = im.convert("RGB").resize(size, Image.Resampling.LANCZOS)
        buf = io.BytesIO()
        small.save(buf, "JPEG", quality=self.quality)
        factor = size[0] / max(pv.width, 1)
        return Preview(buf.getvalue(), size[0], size[1], pv.scale * factor, pv.page, pv.pages)


def _package_reference(store: Any, case: Case) -> dict[str, Any] | None:
    """The last export, when it holds the case exactly as it is now (else None: nothing is claimed)."""
    last = store.exports.last(case.id)
    if last is None:
        return None
    revision, new = store.revisions.planned(case)
    if new or last["revision"] != revision:
        return None
    return last


def _render(
    sheet: FilingSheet,
    indices: list[int],
    part: int,
    parts: int,
    package: dict[str, Any] | None,
    file_path: Callable[[EvidenceFile], Path],
    previews: Any,
    cancel: CancelToken,
) -> bytes:
    case, report = sheet.source, sheet.report
    listings = [case.listings[i] for i in indices]
    texts = [li.title for li in listings] + [loc.evidence.text for loc in report.located]
    pdf = ReportPdf(
        f"{sheet.case} · {sheet.form.name} · batch {sheet.batch} of {sheet.batches}",
        fixed_date(case),
        cjk=needs_cjk(*texts, *(r.mark for r in case.rights), case.complainant.name),
    )
    pdf.set_title(f"Evidence {sheet.case} batch {sheet.batch} of {sheet.batches}")
    pdf.set_author(case.complainant.name)
    pdf.add_page()
    pdf.h1(f"Evidence — {sheet.case}")
    head = f"{sheet.form.name}: batch {sheet.batch} of {sheet.batches}"
    pdf.para(head + (f", part {part} of {parts}" if parts > 1 else ""), 11)
    pdf.field("Complainant", case.complainant.name)
    pdf.field("Listings", f"{len(listings)} in this file (of {len(sheet.listings)} in the batch)")
    pdf.h2("The registered right, as established")
    fills = {f.key: f.fill for f in sheet.form.fields}
    for f in sheet.fields("en"):  # the sheet's own right fields: only what the checks established
        if fills.get(f.key, "").startswith("right."):
            pdf.field(f.name, f.value if f.established else f.source, label_width=75)
    pdf.h2("Source")
    if package is not None:
        pdf.para(
            f"These pages are drawn from the signed evidence package {Path(package['path']).name} "
            f"(version {package['version']}, SHA-256 {package['package_sha256']}), which holds every "
            "original file with its hash and the complainant's signature; it is available on request.",
            9,
            char_wrap=True,
        )
    else:
        pdf.para(
            "No signed package holds this case as it is now: these pages are drawn from the case's "
            "evidence files as checked; export the case to sign them.",
            9,
        )
    for right in case.rights:
        cert = right.certificate
        if cert is None:
            continue
        cancel.raise_if_cancelled()
        pdf.add_page()
        pdf.h1(f"Registration certificate: {right.registration_number}")
        pdf.para(cert.original_name, 9, True)
        pdf.para(
            "Outlined: where the checks read each fact stated on the first page.", 8, colour=(90, 90, 90)
        )
        read_here = [
            fact
            for fact in report.facts
            if fact.evidence is not None and fact.evidence.sha256 == cert.sha256 and fact.evidence.box
        ]
        for page in pages_to_show(cert, []):
            pv = previews.get(file_path(cert), cert, page)
            if pv is None:
                continue
            boxes = [
                (fact.fact, tuple(v * pv.scale for v in fact.evidence.box))  # type: ignore[union-attr]
                for fact in read_here
                if fact.status == ESTABLISHED and (fact.evidence.page or 1) == page  # type: ignore[union-attr]
            ]
            pdf.image_with_boxes(pv.jpeg, pv.width, pv.height, boxes, max_h=225.0)
    for i, listing in zip(indices, listings, strict=True):
        listing_section(pdf, i, listing, report, file_path, previews, cancel)
    return bytes(pdf.output())


def _split(items: list[int], parts: int) -> list[list[int]]:
    size = -(-len(items) // parts)
    return [items[k : k + size] for k in range(0, len(items), size)]


def _parts_at(
    sheet: FilingSheet,
    limits: UploadLimits,
    render: Callable[[list[int], int, int], bytes],
) -> tuple[list[tuple[list[int], bytes]], bool]:
    """The batch split into as few parts as fit ``limits.max_bytes`` at one preview size; False when a
    part of a single listing is still too big."""
    indices = [li.index for li in sheet.listings]
    parts = 1
    while True:
        chunks = _split(indices, parts) or [[]]
        out = [(chunk, render(chunk, n, len(chunks))) for n, chunk in enumerate(chunks, 1)]
        biggest = max(len(pdf) for _chunk, pdf in out)
        if biggest <= limits.max_bytes:
            return out, True
        if not any(len(pdf) > limits.max_bytes and len(chunk) > 1 for chunk, pdf in out):
            return out, False
        per_listing = biggest * 1.1 / max(len(c) for c in chunks)  # bytes, with room for the pages
        parts = min(len(indices), max(parts + 1, int(len(indices) * per_listing // limits.max_bytes) + 1))


def _fit(
    sheet: FilingSheet,
    limits: UploadLimits,
    package: dict[str, Any] | None,
    file_path: Callable[[EvidenceFile], Path],
    base: PreviewCache,
    cancel: CancelToken,
) -> tuple[list[tuple[list[int], bytes]], int, list[str]]:
    """The batch's parts as (listing indices, PDF bytes), the preview step used, and notes.

    The largest previews that fit in the fewest files: a smaller step is tried only while a part does
    not fit or there are more parts than the form takes."""
    best: tuple[list[tuple[list[int], bytes]], int] | None = None
    fits = False
    for step, (factor, quality) in enumerate(STEPS):
        previews = _SmallerPreviews(base, factor, quality)

        def render(chunk: list[int], n: int, of: int, previews: Any = previews) -> bytes:
            return _render(sheet, chunk, n, of, package, file_path, previews, cancel)

        out, fits = _parts_at(sheet, limits, render)
        if fits and (best is None or len(out) < len(best[0])):
            best = (out, step)
        if fits and (not limits.max_files or len(out) <= limits.max_files):
            return out, step, []
    if best is not None:  # fits, in more files than the form takes (write_attachments says so)
        return best[0], best[1], []
    lone = ", ".join(sheet.source.listings[c[0]].url for c, pdf in out if c and len(pdf) > limits.max_bytes)
    return (
        out,
        len(STEPS) - 1,
        [said("attachments.too_large", batch=sheet.batch, listings=lone, kb=limits.max_bytes // 1024)],
    )


def write_attachments(
    store: Any,
    case: Case,
    report: CheckReport,
    out_dir: str | Path,
    *,
    marketplace: str = "",
    max_bytes: int | None = None,
    progress: ProgressFn = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> AttachmentsResult:
    """Write each batch's evidence PDF(s) into ``out_dir`` (created if missing; an existing file of the
    same name is an error, nothing is replaced). ``report``: the checks' report on ``case`` as it is
    now; a case that is not ready gets no attachment (``build_sheets`` refuses it). ``max_bytes``: the
    size limit per file the user knows the form to have (default: the form's data)."""
    sheets = build_sheets(case, report, marketplace)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    package = _package_reference(store, case)
    base = PreviewCache()
    result = AttachmentsResult()
    for n, sheet in enumerate(sheets):
        cancel.raise_if_cancelled()
        sub = SubProgress(progress, n / len(sheets), (n + 1) / len(sheets))
        sub(0.0, said("progress.attachments", batch=sheet.batch, batches=sheet.batches, form=sheet.form.key))
        limits = upload_limits(sheet.form.key)
        if max_bytes:
            limits = dataclasses.replace(
                limits, max_bytes=max_bytes, published=True, source="given by the user"
            )
        result.limits[sheet.form.key] = limits
        parts, step, notes = _fit(sheet, limits, package, store.file_path, base, cancel)
        result.notes.extend(notes)
        if limits.max_files and len(parts) > limits.max_files:
            result.notes.append(
                said(
                    "attachments.too_many",
                    batch=sheet.batch,
                    form=sheet.form.key,
                    count=len(parts),
                    limit=limits.max_files,
                )
            )
        ids = {li.index: li.listing_id for li in sheet.listings}
        for k, (chunk, data) in enumerate(parts, 1):
            name = attachment_name(sheet.case, sheet.form.key, sheet.batch, sheet.batches, k, len(parts))
            target = out / name
            try:
                with atomic_write(target, replace=False) as fh:
                    fh.write(data)
            except FileExistsError:
                raise UserError.keyed("attachments.exists", path=str(target)) from None
            result.files.append(
                Attachment(
                    target,
                    len(data),
                    sheet.marketplace,
                    sheet.form.key,
                    sheet.batch,
                    sheet.batches,
                    k,
                    len(parts),
                    [ids[i] for i in chunk],
                    step,
                )
            )
        sub(1.0, said("progress.attachments", batch=sheet.batch, batches=sheet.batches, form=sheet.form.key))
    return result
