"""Real evidence files and a real stored case for the package tests (Pillow PNGs, fpdf2 PDFs)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFont

from desktop_app.core.checks.findings import CheckReport, EvidenceRef, Finding, Located
from desktop_app.core.model import Case, Complainant, Listing, Right, Role
from desktop_app.core.resources import cjk_font_path, resource_path

PASSPHRASE = "correct horse battery"
MARK_BOX = (40.0, 30.0, 260.0, 80.0)
ID_BOX = (40.0, 120.0, 420.0, 150.0)


def screenshot_png(
    path: Path, listing_id: str, mark: str = "ACME", size: tuple[int, int] = (640, 400), noise: bytes = b""
) -> Path:
    img = Image.new("RGB", size, (250, 250, 250))
    draw = ImageDraw.Draw(img)
    latin = str(resource_path("fonts", "DejaVuSans.ttf"))
    draw.text((MARK_BOX[0], MARK_BOX[1]), mark, fill=(20, 20, 20), font=ImageFont.truetype(latin, 40))
    draw.text(
        (MARK_BOX[2] + 20, MARK_BOX[1]),
        "运动鞋",
        fill=(20, 20, 20),
        font=ImageFont.truetype(str(cjk_font_path()), 36),
    )
    draw.text(
        (ID_BOX[0], ID_BOX[1]), f"id={listing_id}", fill=(20, 20, 20), font=ImageFont.truetype(latin, 24)
    )
    if noise:  # make files of a chosen size / distinct content
        img.info["noise"] = noise
    img.save(path, "PNG")
    return path


def photo_png(path: Path, colour: tuple[int, int, int]) -> Path:
    img = Image.new("RGB", (500, 500), colour)
    ImageDraw.Draw(img).ellipse((100, 100, 400, 400), fill=(255, 255, 255))
    img.save(path, "PNG")
    return path


def certificate_pdf(path: Path, number: str, mark: str) -> Path:
    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("dejavu", "", str(resource_path("fonts", "DejaVuSans.ttf")))
    pdf.add_font("cjk", "", str(cjk_font_path()))
    pdf.set_fallback_fonts(["cjk"])
    pdf.set_font("dejavu", size=14)
    pdf.cell(0, 10, "商标注册证 Certificate of Trademark Registration", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 10, f"Registration No. {number}", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 10, f"Mark: {mark}    Owner: Acme Brand Ltd.", new_x="LMARGIN", new_y="NEXT")
    pdf.set_creation_date(dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc))
    path.write_bytes(bytes(pdf.output()))
    return path


def make_case(store, tmp: Path, *, genuine: bool = True, cjk: bool = True) -> Case:
    """A stored case with real files; ``cjk=False`` keeps every shown text Latin (faster PDFs)."""
    tmp.mkdir(parents=True, exist_ok=True)
    title = "Counterfeit ACME shoes 假冒运动鞋" if cjk else "Counterfeit ACME shoes"
    cert = store.add_file(
        certificate_pdf(tmp / ("certificate 商标.pdf" if cjk else "certificate.pdf"), "12345678", "ACME")
    )
    shot1 = store.add_file(screenshot_png(tmp / "taobao listing.png", "610012345678"))
    shot2 = store.add_file(screenshot_png(tmp / "taobao-detail.png", "610012345678", "ACME®"))
    case = Case(
        complainant=Complainant(
            name="Acme Brand Ltd.", role=Role.RIGHTS_HOLDER, email="legal@acme.test", contact_name="Li Wei"
        ),
        title=title,
        filing_date=dt.date(2026, 11, 20),
        rights=[
            Right(
                office="CNIPA",
                registration_number="12345678",
                mark="ACME",
                owner="Acme Brand Ltd.",
                classes=[25],
                certificate=cert,
            )
        ],
        listings=[
            Listing(
                url="https://item.taobao.com/item.htm?id=610012345678",
                marketplace="Taobao",
                listing_id="610012345678",
                title="ACME 运动鞋" if cjk else "ACME shoes",
                seller="shop123",
                screenshots=[shot1, shot2],
            )
        ],
    )
    if genuine:
        case.genuine_photos = [store.add_file(photo_png(tmp / "genuine.png", (200, 30, 30)))]
    store.save_case(case)
    return case


def report_for(case: Case, *, blocker: bool = False) -> CheckReport:
    shot = case.listings[0].screenshots[0]
    report = CheckReport(case=case.reference)
    report.located = [
        Located("mark", "ACME", EvidenceRef(shot.original_name, shot.sha256, 1, MARK_BOX, "ACME")),
        Located(
            "listing_id",
            "610012345678",
            EvidenceRef(shot.original_name, shot.sha256, 1, ID_BOX, "id=610012345678"),
        ),
    ]
    report.findings.append(
        Finding(
            "mark.variant_found",
            "The mark appears as 'ACME®' in taobao-detail.png.",
            evidence=(EvidenceRef("taobao-detail.png", case.listings[0].screenshots[1].sha256),),
        )
    )
    if blocker:
        report.findings.append(Finding("right.expired", "The registration 12345678 expired on 2025-01-01."))
    return report
