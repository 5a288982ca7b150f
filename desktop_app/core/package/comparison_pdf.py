"""``data/comparison.pdf``: genuine product photos beside the listing's images, page by page.

Marketplaces that accept a "counterfeit features" reason (Alibaba IPP among them) ask for exactly
this: the genuine article and the listed one side by side.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from fpdf.enums import XPos, YPos

from desktop_app.core.collector import collector_paused
from desktop_app.core.model import Case, EvidenceFile
from desktop_app.core.package.images import Preview, PreviewCache
from desktop_app.core.package.summary_pdf import ReportPdf, fixed_date, needs_cjk
from desktop_app.core.progress import NEVER_CANCELLED, CancelToken


def _place(
    pdf: ReportPdf, pv: Preview | None, f: EvidenceFile, x: float, y: float, w: float, h: float
) -> None:
    if pv is None:
        pdf.set_xy(x, y)
        pdf.multi_cell(w, 5, f"{f.original_name} cannot be shown; it is in the package unchanged.")
        return
    scale = min(w / pv.width, h / pv.height)
    iw, ih = pv.width * scale, pv.height * scale
    pdf.image(io.BytesIO(pv.jpeg), x=x + (w - iw) / 2, y=y, w=iw, h=ih)


@collector_paused()  # its allocations would stall the window's thread (see core.collector)
def render_comparison(
    case: Case,
    file_path: Callable[[EvidenceFile], Path],
    *,
    previews: PreviewCache | None = None,
    cancel: CancelToken = NEVER_CANCELLED,
) -> bytes | None:
    """None when the user supplied no genuine photos (or there are no listing images to compare)."""
    shots = [(i, f) for i, listing in enumerate(case.listings) for f in listing.screenshots]
    genuine = case.genuine_photos
    if not genuine or not shots:
        return None
    previews = previews or PreviewCache()
    names = [
        case.reference,
        *(f.original_name for f in genuine),
        *(f.original_name for _i, f in shots),
        *(f"{li.marketplace} {li.listing_id}" for li in case.listings),
    ]
    pdf = ReportPdf(
        f"{case.reference} · genuine product and listing side by side",
        fixed_date(case),
        "L",
        cjk=needs_cjk(*names),
    )
    pdf.set_title(f"Comparison {case.reference}")
    col_w = (pdf.w - pdf.l_margin - pdf.r_margin - 10) / 2
    for k in range(max(len(genuine), len(shots))):
        cancel.raise_if_cancelled()
        g = genuine[k % len(genuine)]
        li, s = shots[k % len(shots)]
        listing = case.listings[li]
        pdf.add_page()
        top = pdf.get_y()
        pdf.set_font("dejavu", "B", 11)
        pdf.set_xy(pdf.l_margin, top)
        pdf.multi_cell(col_w, 6, "Genuine product", new_x=XPos.RIGHT, new_y=YPos.TOP)
        pdf.set_xy(pdf.l_margin + col_w + 10, top)
        pdf.multi_cell(col_w, 6, f"Listing {li + 1}: {listing.marketplace} {listing.listing_id}".strip())
        pdf.set_font("dejavu", "", 8)
        pdf.set_xy(pdf.l_margin, top + 7)
        pdf.multi_cell(col_w, 4, g.original_name)
        pdf.set_xy(pdf.l_margin + col_w + 10, top + 7)
        pdf.multi_cell(col_w, 4, s.original_name)
        img_top = top + 13
        img_h = pdf.h - img_top - 18
        _place(pdf, previews.get(file_path(g), g), g, pdf.l_margin, img_top, col_w, img_h)
        _place(pdf, previews.get(file_path(s), s), s, pdf.l_margin + col_w + 10, img_top, col_w, img_h)
    return bytes(pdf.output())
