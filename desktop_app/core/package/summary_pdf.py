"""``data/summary.pdf``: the complaint a reviewer can read in one go.

Parties, rights, each listing with its screenshots (regions where the mark and the listing id were
found outlined), the findings, and an index of every file with its SHA-256. DejaVu Sans for Latin
text with Droid Sans Fallback for CJK. The creation date is the case's filing date and the file ID
derives from the content, so the same inputs give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fpdf import FPDF
from fpdf.enums import WrapMode, XPos, YPos

from desktop_app import __version__
from desktop_app.core.checks.findings import CheckReport, Located
from desktop_app.core.collector import collector_paused
from desktop_app.core.display_names import display_name
from desktop_app.core.model import Case, EvidenceFile, Listing
from desktop_app.core.package.capture_summary import render_capture
from desktop_app.core.package.complaint_json import PackagedFile
from desktop_app.core.package.images import PreviewCache
from desktop_app.core.progress import NEVER_CANCELLED, CancelToken
from desktop_app.core.reading.captures import MEDIA_TYPES as CAPTURE_TYPES
from desktop_app.core.resources import cjk_font_path, resource_path

COLOURS = {"mark": (230, 110, 0), "listing_id": (0, 90, 220)}
LABELS = {"mark": "mark", "listing_id": "listing id", "capture_time": "capture time"}
SEVERITY_COLOURS = {"blocker": (180, 0, 0), "warning": (170, 110, 0), "info": (90, 90, 90)}


def needs_cjk(*texts: str) -> bool:
    """Whether any text falls outside what DejaVu Sans covers well (CJK and beyond)."""
    return any(ord(ch) >= 0x2E80 for text in texts for ch in text)


def fixed_date(case: Case) -> dt.datetime:
    return dt.datetime.combine(case.filing_date, dt.time(0, 0), tzinfo=dt.timezone.utc)


class ReportPdf(FPDF):
    """A4 with the app's fonts, a running header and page numbers."""

    def __init__(
        self, header_text: str, created: dt.datetime, orientation: str = "P", *, cjk: bool = True
    ) -> None:
        super().__init__(orientation=orientation, unit="mm", format="A4")
        self.header_text = header_text
        self.add_font("dejavu", "", str(resource_path("fonts", "DejaVuSans.ttf")))
        self.add_font("dejavu", "B", str(resource_path("fonts", "DejaVuSans-Bold.ttf")))
        if cjk:  # parsing the 4 MB CJK font costs seconds: only when the text needs it
            self.add_font("cjk", "", str(cjk_font_path()))
            self.set_fallback_fonts(["cjk"], exact_match=False)
        self.set_creation_date(created)
        self.set_creator(f"Evidence Desk {__version__}")
        self.set_producer(f"Evidence Desk {__version__}")
        self.set_auto_page_break(True, margin=15)
        self.set_margins(15, 15, 15)
        self.alias_nb_pages()

    def header(self) -> None:
        self.set_font("dejavu", "", 8)
        self.set_text_color(110, 110, 110)
        self.cell(0, 5, self.header_text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_text_color(0, 0, 0)
        self.ln(2)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("dejavu", "", 8)
        self.set_text_color(110, 110, 110)
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="C")
        self.set_text_color(0, 0, 0)

    def h1(self, text: str) -> None:
        self.set_font("dejavu", "B", 16)
        self.multi_cell(0, 8, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1)

    def h2(self, text: str) -> None:
        if self.get_y() > self.h - 40:
            self.add_page()
        self.ln(3)
        self.set_font("dejavu", "B", 12)
        self.multi_cell(0, 6, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_draw_color(180, 180, 180)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(1.5)

    def para(
        self,
        text: str,
        size: float = 9.5,
        bold: bool = False,
        colour: tuple[int, int, int] = (0, 0, 0),
        char_wrap: bool = False,
    ) -> None:
        self.set_font("dejavu", "B" if bold else "", size)
        self.set_text_color(*colour)
        self.multi_cell(
            0,
            size * 0.5,
            text,
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
            wrapmode=WrapMode.CHAR if char_wrap else WrapMode.WORD,
        )
        self.set_text_color(0, 0, 0)

    def field(self, label: str, value: str, label_width: float = 42) -> None:
        if not value:
            return
        self.set_font("dejavu", "B", 9.5)
        self.cell(label_width, 4.75, label)
        self.set_font("dejavu", "", 9.5)
        self.multi_cell(0, 4.75, value, new_x=XPos.LMARGIN, new_y=YPos.NEXT, wrapmode=WrapMode.CHAR)

    def image_with_boxes(
        self,
        jpeg: bytes,
        px_w: int,
        px_h: int,
        boxes: list[tuple[str, tuple[float, ...]]],
        max_h: float = 190.0,
    ) -> None:
        """Place a preview, scaled to the text width, and outline ``boxes`` (in preview pixels)."""
        avail_w = self.w - self.l_margin - self.r_margin
        width = avail_w
        height = width * px_h / px_w
        if height > max_h:
            height, width = max_h, max_h * px_w / px_h
        if self.get_y() + height > self.h - 18:
            self.add_page()
        x, y = self.l_margin, self.get_y()
        self.image(io.BytesIO(jpeg), x=x, y=y, w=width, h=height)
        k = width / px_w
        self.set_line_width(0.6)
        for what, (x0, y0, x1, y1) in boxes:
            colour = COLOURS.get(what, (200, 0, 0))
            self.set_draw_color(*colour)
            self.set_fill_color(*colour)
            rect = (x + x0 * k - 0.8, y + y0 * k - 0.8, (x1 - x0) * k + 1.6, (y1 - y0) * k + 1.6)
            with self.local_context(fill_opacity=0.18):
                self.rect(*rect, style="F")
            self.rect(*rect, style="D")
        self.set_line_width(0.2)
        self.set_draw_color(0, 0, 0)
        self.set_y(y + height + 2)


def _size(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return str(n)


def describe_read_field(field: Any) -> str:
    """One line for a field read from a certificate: the value, then where it was read or how computed."""
    if not isinstance(field, dict) or "value" not in field:
        return ""  # flags such as ``recognised`` and free notes are not fields
    value = field["value"]
    if value in (None, "", [], {}):
        return ""
    if isinstance(value, dict):
        shown = "; ".join(f"class {k}: {v}" for k, v in value.items())
    elif isinstance(value, list):
        shown = ", ".join(map(str, value))
    else:
        shown = str(value)
    if field.get("computed"):
        return f"{shown}  (computed by the office's rule, not printed)"
    source = " ".join(str(field.get("source_text") or "").split())
    if field.get("page") and source:
        if len(source) > 70:
            source = source[:67] + "..."
        return f"{shown}  (page {field['page']}: \u201c{source}\u201d)"
    return shown


_FACT_STATE = {
    "established": "established",
    "contradicted": "contradicted",
    "not_established": "NOT established",
}


def located_for(report: CheckReport, sha256: str) -> list[Located]:
    return [loc for loc in report.located if loc.evidence.sha256 == sha256 and loc.evidence.box]


def pages_to_show(f: EvidenceFile, located: list[Located]) -> list[int]:
    pages = sorted({loc.evidence.page or 1 for loc in located}) if f.is_pdf else [1]
    return (pages or [1])[:4]


@collector_paused()  # its allocations would stall the window's thread (see core.collector)
def render_summary(
    case: Case,
    report: CheckReport,
    files: list[PackagedFile],
    file_path: Callable[[EvidenceFile], Path],
    *,
    certificate_fields: dict[int, dict[str, Any] | None],
    signer: dict[str, str],
    allow_blockers: bool,
    cjk_text: str = "",
    previews: PreviewCache | None = None,
    cancel: CancelToken = NEVER_CANCELLED,
    custody: list[dict[str, Any]] | None = None,
    custody_head: tuple[int | None, str] | None = None,
    filing: list[dict[str, Any]] | None = None,
) -> bytes:
    """``cjk_text``: all the text the summary will show (e.g. complaint.json), to decide on the CJK font."""
    previews = previews or PreviewCache()
    pdf = ReportPdf(
        f"{case.reference} · complaint summary · Evidence Desk",
        fixed_date(case),
        cjk=needs_cjk(
            cjk_text or str(case),
            *(loc.evidence.text for loc in report.located),
            *(f"{e['actor']} {e['detail']}" for e in custody or []),
        ),
    )
    pdf.set_title(f"Complaint summary {case.reference}")
    pdf.set_author(signer.get("name", ""))
    pdf.add_page()
    pdf.h1(f"Complaint summary — {case.reference}")
    if case.title:
        pdf.para(case.title, 11)
    pdf.field("Filing date", case.filing_date.isoformat())
    pdf.field("Marketplaces", ", ".join(case.marketplaces))
    pdf.field("Signed by", f"{signer.get('name', '')} ({signer.get('organisation', '')})")
    pdf.field("Signer SHA-256", signer.get("fingerprint", ""))

    verdict = report.verdict
    pdf.h2("Check result")
    colour = (0, 120, 0) if verdict == "ready" else (180, 0, 0)
    pdf.para(
        f"{'Ready' if verdict == 'ready' else 'Not ready'}: {len(report.blockers)} blocker(s), "
        f"{len(report.warnings)} warning(s).",
        10.5,
        True,
        colour,
    )
    if allow_blockers and report.blockers:
        pdf.para(
            "The signer exported this package despite the blockers below (explicit override).",
            9.5,
            True,
            (180, 0, 0),
        )

    c = case.complainant
    pdf.h2("Complainant")
    pdf.field("Name", c.name)
    pdf.field("Role", "Rights holder" if str(c.role) == "rights_holder" else "Agent of the rights holder")
    pdf.field("Contact", c.contact_name)
    pdf.field("Email", c.email)
    if c.authorization:
        pdf.field("Authorization", c.authorization.original_name)

    pdf.h2("Rights")
    for i, r in enumerate(case.rights):
        pdf.para(f"{i + 1}. {r.mark} — {r.office} {r.registration_number}", 10, True)
        pdf.field("Owner", r.owner)
        pdf.field("Classes", ", ".join(str(n) for n in sorted(r.classes)))
        if r.certificate:
            pdf.field("Certificate", r.certificate.original_name)
        read = [(key, describe_read_field(value)) for key, value in (certificate_fields.get(i) or {}).items()]
        read = [(key, text) for key, text in read if text]
        if read:
            pdf.para("Read from the certificate (where each value was found):", 9, True)
        for key, text in read:
            pdf.field(f"  {key.replace('_', ' ')}", text[:300])
        established = [x for x in report.facts if x.subject == f"rights[{i}]"]
        if established:
            pdf.para("What the checks established (read from the evidence, or confirmed by hand):", 9, True)
        for x in established:
            shown = x.statement + (f" — {x.source}" if x.source else "")
            pdf.field(f"  {_FACT_STATE.get(x.status, x.status)}", shown[:300])
        pdf.ln(1)

    pdf.h2("Findings")
    if not report.findings:
        pdf.para("No findings.")
    for fnd in report.sorted_findings():
        pdf.para(
            f"[{fnd.severity}] {fnd.message}", 9.5, False, SEVERITY_COLOURS.get(str(fnd.severity), (0, 0, 0))
        )
        for ev in fnd.evidence:
            where = (
                f"{ev.file}"
                + (f", page {ev.page}" if ev.page else "")
                + (f" ({ev.locator})" if ev.locator else "")
                + (f": “{ev.text}”" if ev.text else "")
            )
            pdf.para(f"    {where}", 8, colour=(90, 90, 90))
    if report.located:
        pdf.ln(1)
        pdf.para("Found in the evidence:", 9.5, True)
        for loc in report.located:
            pdf.para(
                f"    {LABELS.get(loc.what, loc.what)} “{loc.value}” in {loc.evidence.file}"
                + (f", page {loc.evidence.page}" if loc.evidence.page else ""),
                8.5,
            )

    if filing:
        pdf.h2("Infringement statement")
        pdf.para(
            "Written from the facts the checks established (never from what was only typed), per complaint "
            "as the marketplace's form takes it, unless the user edited it: an edited statement is said so "
            "below, and the generated one is in complaint.json (filing[].statement_generated).",
            8,
            colour=(90, 90, 90),
        )
        for entry in filing:
            pdf.para(
                f"{display_name('marketplace', entry['marketplace'])}: {entry['form_name']} — batch "
                f"{entry['batch']} of {entry['batches']} ({len(entry['listing_ids'])} listings)",
                9.5,
                True,
            )
            for lang in ("en", "zh_CN"):
                for line in (entry["statement"].get(lang) or "").splitlines():
                    pdf.para(line, 9)
                edited = (entry.get("edited") or {}).get(lang)
                if edited:
                    name = "English" if lang == "en" else "Chinese"
                    pdf.para(
                        f"The {name} statement above was edited by the user ({edited['by']}, "
                        f"{edited['at']}): it is the user's text, not established by the checks. The "
                        "generated statement is in complaint.json (filing[].statement_generated).",
                        8,
                        colour=(90, 90, 90),
                    )
                    if (entry.get("stale") or {}).get(lang):
                        pdf.para(
                            f"Stale: the {name} statement generated from the evidence at export differs from "
                            "the one the user edited from (the evidence or the case changed after the edit).",
                            8,
                            colour=(198, 40, 40),
                        )
                pdf.ln(1)

    for i, listing in enumerate(case.listings):
        listing_section(pdf, i, listing, report, file_path, previews, cancel)

    pdf.add_page()
    pdf.h1("Index of files")
    pdf.para(
        "Every file in this package under data/, with its SHA-256 as recorded at import. "
        "manifest-sha256.txt lists the same hashes; the signature covers them all.",
        8.5,
    )
    for p in files:
        pdf.ln(1)
        pdf.para(f"data/{p.path}", 8.5, True, char_wrap=True)
        pdf.para(
            f"original name: {p.file.original_name} · imported {p.file.imported_at} · {_size(p.file.size)}", 8
        )
        pdf.para(f"SHA-256 {p.file.sha256}", 7.5, char_wrap=True)
    if custody is not None:
        _custody_page(pdf, files, custody, custody_head)
    return bytes(pdf.output())


def _custody_page(
    pdf: ReportPdf,
    files: list[PackagedFile],
    custody: list[dict[str, Any]],
    head: tuple[int | None, str] | None,
) -> None:
    from desktop_app.core.package.custody import describe

    pdf.add_page()
    pdf.h1("Chain of custody")
    pdf.para(
        "What happened to this case and its evidence, from Evidence Desk's audit log. Each entry "
        "carries the hash of the entry before it in the log, so an entry cannot be changed, removed or "
        "reordered without breaking the chain; data/custody.jsonl holds these entries in full.",
        8.5,
    )
    if head is not None:
        pdf.field("Log head at export", f"entry {head[0]} · {head[1]}")
    imports: dict[str, dict[str, Any]] = {}
    for e in custody:
        if e["action"] == "file.import" and e.get("sha256"):
            imports.setdefault(e["sha256"], e)
    pdf.h2("Evidence files: import time and hash")
    for p in files:
        first = imports.get(p.file.sha256)
        by = f" by {first['actor']}" if first else ""
        pdf.para(f"{p.file.original_name}: imported {p.file.imported_at}{by}", 8.5, True, char_wrap=True)
        pdf.para(f"SHA-256 {p.file.sha256}", 7.5, char_wrap=True)
    groups = [
        ("Confirmations by hand", lambda a: "confirm" in a),
        ("Checks run", lambda a: a == "case.check"),
        ("Exports", lambda a: a == "case.export"),
    ]
    for title, wanted in groups:
        pdf.h2(title)
        chosen = [e for e in custody if wanted(e["action"])]
        if not chosen:
            pdf.para("None recorded.", 8.5, colour=(90, 90, 90))
        for e in chosen:
            pdf.para(f"{e['at']} · {e['actor']} · {describe(e)}", 8.5, char_wrap=True)
    pdf.h2("Every entry")
    for e in custody:
        pdf.para(f"#{e['id']} {e['at']} · {e['actor']} · {describe(e)}", 8, char_wrap=True)
        pdf.para(f"hash {e['hash']}  prev {e['prev']}", 6.5, colour=(90, 90, 90), char_wrap=True)


def listing_section(
    pdf: ReportPdf,
    index: int,
    listing: Listing,
    report: CheckReport,
    file_path: Callable[[EvidenceFile], Path],
    previews: PreviewCache | Any,
    cancel: CancelToken = NEVER_CANCELLED,
) -> None:
    """A listing's pages: its address, title and seller, and each screenshot (or web capture) with the
    mark and the listing id outlined where the checks found them. ``previews``: anything with
    ``PreviewCache.get``'s signature (the filing attachments pass smaller previews)."""
    pdf.add_page()
    from desktop_app.core.filing import effective_listing  # as entered, else as read from the URL

    market, listing_id = effective_listing(listing)
    pdf.h1(f"Listing {index + 1}: {display_name('marketplace', market, 'en')} {listing_id}".rstrip())
    pdf.field("URL", listing.url)
    pdf.field("Title", listing.title)
    pdf.field("Seller", listing.seller)
    pdf.para(
        "Outlined: orange = the mark, blue = the listing id, where the checks found them.",
        8,
        colour=(90, 90, 90),
    )
    for f in listing.screenshots:
        cancel.raise_if_cancelled()
        located = located_for(report, f.sha256)
        pdf.ln(2)
        if pdf.get_y() > pdf.h - 90:  # keep the file name with its image
            pdf.add_page()
        if f.media_type in CAPTURE_TYPES:  # a web capture: what it records, not a picture of it
            render_capture(pdf, f, file_path(f), [x for x in report.located if x.evidence.sha256 == f.sha256])
            continue
        pdf.para(f.original_name, 9, True)
        for page in pages_to_show(f, located):
            pv = previews.get(file_path(f), f, page)
            if pv is None:
                pdf.para("(this file cannot be shown; it is in the package unchanged)", 8.5)
                continue
            boxes = [
                (loc.what, tuple(v * pv.scale for v in loc.evidence.box))  # type: ignore[union-attr]
                for loc in located
                if (loc.evidence.page or 1) == page
            ]
            if pv.pages > 1:
                pdf.para(f"page {page} of {pv.pages}", 8, colour=(90, 90, 90))
            pdf.image_with_boxes(pv.jpeg, pv.width, pv.height, boxes)
