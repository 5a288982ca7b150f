"""Trademark registration certificates and filing receipts, laid out like the real documents.

Five offices: USPTO, EUIPO, UKIPO, CNIPA and WIPO (Madrid). Each layout prints what that office
prints, in its own date format and with its own labels (INID codes for EUIPO and WIPO).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from tests.factories.layout import (  # noqa: F401 - re-exported for callers
    A4,
    PT_MM,
    Ellipse,
    Page,
    Rule,
    Text,
    degrade,
    image_pdf,
    render_image,
    render_pdf,
    save_image,
)

_US_MONTHS = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sep.", "Oct.", "Nov.", "Dec."]


@dataclass
class CertificateSpec:
    office: str = "USPTO"  # USPTO | EUIPO | UKIPO | CNIPA | WIPO
    registration_number: str = "6,123,456"  # as the office prints it
    mark: str = "KESTRELINE"
    owner: str = "Kestreline Apparel Inc."
    owner_address: str = "100 Main Street, Portland, OREGON 97201"
    classes: list[int] = field(default_factory=lambda: [25])
    goods: dict[int, str] = field(default_factory=lambda: {25: "Jackets; coats"})
    registration_date: dt.date = dt.date(2021, 3, 14)
    expiry_date: dt.date | None = None
    is_application: bool = False
    filing_date: dt.date = dt.date(2020, 6, 1)
    owner_entity: str = "DELAWARE CORPORATION"  # USPTO prints "(DELAWARE CORPORATION)" after the owner
    owner_country: str = "United States"
    representative: str = "Harrow & Pike LLP, 2 Fleet Place, London EC4M 7ET, United Kingdom"
    serial_number: str = ""  # USPTO serial / application number; derived when empty
    designations: list[str] = field(default_factory=lambda: ["CN", "EM", "GB", "JP"])  # WIPO (832)
    first_use: dt.date | None = None
    # Layouts of offices no reader knows (office is then only a name): "table" (two-column word labels),
    # "colon" ("Label: value"), "above" (labels over their values), "running" (prose), "inid" (ST.60
    # codes with captions). ``lang`` picks the labels' language (en de fr es it pt zh); ``ocr_labels``
    # prints them as OCR misreads them (spaces lost, l/1, O/0, m/rn, accents dropped).
    layout: str = ""
    lang: str = "en"
    office_name: str = ""
    ocr_labels: bool = False
    # word-label layouts: labels printed instead of the language's own ({"number": "Mark No."}), fields
    # not printed at all (["registration_date"]), goods of all classes in one run ("9: ...  25: ...")
    labels: dict[str, str] = field(default_factory=dict)
    omit: list[str] = field(default_factory=list)
    goods_inline: bool = False

    @property
    def digits(self) -> str:
        return "".join(ch for ch in self.registration_number if ch.isdigit())


def _us(d: dt.date) -> str:
    return f"{_US_MONTHS[d.month - 1]} {d.day:02d}, {d.year}"


def _us_serial(spec: CertificateSpec) -> str:
    if spec.serial_number:
        return spec.serial_number
    six = (spec.digits[-6:] or "0").rjust(6, "0")
    return f"88-{six[:3]},{six[3:]}"


def _classes(spec: CertificateSpec) -> list[int]:
    return sorted(set(spec.classes) | set(spec.goods))


def _goods(spec: CertificateSpec, cls: int) -> str:
    return spec.goods.get(cls, "")


def _uspto(spec: CertificateSpec) -> Page:
    p = Page()
    if spec.is_application:
        p.text(105, 22, "UNITED STATES PATENT AND TRADEMARK OFFICE", 14, bold=True, align="C")
        p.text(105, 30, "Trademark Status & Document Retrieval (TSDR)", 10, align="C")
        p.cursor = 42
        p.flow(20, "Trademark/Service Mark Application, Principal Register", 12, bold=True)
        p.rule(20, 190)
        serial = spec.serial_number or spec.registration_number
        for label, value in [
            ("Serial Number:", serial),
            ("Filing Date:", spec.filing_date.strftime("%m/%d/%Y")),
            ("Mark:", spec.mark),
            ("Register:", "Principal"),
            ("Mark Type:", "Trademark"),
            ("Status:", "New application has been received and is pending examination."),
            ("Owner Name:", spec.owner),
            ("Owner Address:", spec.owner_address),
            ("Legal Entity Type:", spec.owner_entity.title()),
        ]:
            p.cursor += 6.5
            p.text(20, p.cursor, label, 10.5, bold=True)
            p.cursor -= 10.5 * PT_MM * 1.25
            p.flow(70, value, 10.5, width=120, gap=0)
        p.rule(20, 190)
        p.flow(20, "Goods and Services", 11, bold=True)
        for cls in _classes(spec):
            p.flow(20, f"International Class: {cls:03d}", 10.5)
            p.flow(20, f"For: {_goods(spec, cls)}", 10.5, width=170)
        p.skip(4)
        p.flow(
            20, "This filing receipt confirms that the application was received; it is not a registration.", 9
        )
        return p
    p.text(105, 24, "United States of America", 22, bold=True, align="C")
    p.text(105, 33, "United States Patent and Trademark Office", 13, align="C")
    p.cursor = 52
    p.flow(105, spec.mark, 34, bold=True, align="C", width=400)
    p.rule(20, 190, width=0.5)
    top = p.cursor + 6
    left = [
        f"Reg. No. {spec.registration_number}",
        f"Registered {_us(spec.registration_date)}",
        f"Int. Cl.: {', '.join(str(c) for c in _classes(spec))}",
        "Trademark",
        "Principal Register",
    ]
    for i, line in enumerate(left):
        p.text(20, top + i * 6.5, line, 11, bold=(i == 0))
    p.cursor = top - 5
    owner = f"{spec.owner} ({spec.owner_entity})" if spec.owner_entity else spec.owner
    p.flow(78, f"{owner} {spec.owner_address}", 10.5, width=108, gap=4)
    first = spec.first_use or (spec.filing_date - dt.timedelta(days=500))
    for cls in _classes(spec):
        p.flow(78, f"CLASS {cls}: {_goods(spec, cls)}", 10.5, width=108, gap=2)
        p.flow(
            78,
            f"FIRST USE {first.month}-{first.day}-{first.year}; IN COMMERCE "
            f"{first.month}-{first.day}-{first.year}",
            10.5,
            width=108,
            gap=4,
        )
    p.flow(
        78,
        "THE MARK CONSISTS OF STANDARD CHARACTERS WITHOUT CLAIM TO ANY PARTICULAR FONT STYLE, SIZE OR COLOR",
        10.5,
        width=108,
        gap=4,
    )
    p.flow(78, f"SER. NO. {_us_serial(spec)}, FILED {spec.filing_date.strftime('%m-%d-%Y')}", 10.5, width=108)
    p.cursor = max(p.cursor, 230)
    p.items.append(Rule(115, p.cursor, 190, p.cursor, 0.3))
    p.text(152.5, p.cursor + 5, "Director of the United States", 9.5, align="C")
    p.text(152.5, p.cursor + 9.5, "Patent and Trademark Office", 9.5, align="C")
    return p


def _inid(p: Page, code: str, value: str, *, size: float = 10.5, width: float = 140) -> None:
    p.cursor += 7
    p.text(22, p.cursor, f"({code})", size)
    p.cursor -= size * PT_MM * 1.25
    p.flow(42, value, size, width=width, gap=0)


def _euipo(spec: CertificateSpec) -> Page:
    p = Page()
    p.text(105, 22, "EUROPEAN UNION INTELLECTUAL PROPERTY OFFICE", 13, bold=True, align="C")
    fmt = "%d/%m/%Y"
    if spec.is_application:
        p.text(105, 34, "Filing receipt", 18, bold=True, align="C")
        p.text(105, 42, "European Union Trade Mark application", 12, align="C")
        p.cursor = 52
        _inid(p, "210", f"Application number: {spec.registration_number}")
        _inid(p, "220", f"Filing date: {spec.filing_date.strftime(fmt)}")
        _inid(p, "540", spec.mark, size=16)
        _inid(p, "731", f"{spec.owner}, {spec.owner_address}, {spec.owner_country}")
        for cls in _classes(spec):
            _inid(p, "511", f"{cls} {_goods(spec, cls)}")
        p.skip(6)
        p.flow(22, "Status: Application under examination", 11, bold=True)
        return p
    p.text(105, 34, "Certificate of registration", 18, bold=True, align="C")
    p.text(105, 42, "European Union Trade Mark", 12, align="C")
    p.cursor = 50
    p.flow(
        22,
        "This certificate of registration is issued for the European Union trade mark identified below. "
        "The corresponding entries have been recorded in the Register of European Union trade marks.",
        9.5,
        width=166,
    )
    _inid(p, "111", spec.registration_number)
    _inid(p, "151", spec.registration_date.strftime(fmt))
    if spec.expiry_date:
        _inid(p, "180", spec.expiry_date.strftime(fmt))
    _inid(p, "210", spec.registration_number)
    _inid(p, "220", spec.filing_date.strftime(fmt))
    _inid(p, "400", (spec.filing_date + dt.timedelta(days=35)).strftime(fmt))
    _inid(p, "450", (spec.registration_date - dt.timedelta(days=3)).strftime(fmt))
    _inid(p, "540", spec.mark, size=18)
    _inid(p, "546", "Word")
    _inid(p, "732", f"{spec.owner}; {spec.owner_address}; {spec.owner_country}")
    if spec.representative:
        _inid(p, "740", spec.representative)
    _inid(p, "270", "EN  FR")
    for cls in _classes(spec):
        _inid(p, "511", f"NCL {cls}: {_goods(spec, cls)}")
    p.cursor = max(p.cursor + 10, 250)
    p.text(150, p.cursor, "The Executive Director", 10, align="C")
    return p


def _long_uk(d: dt.date) -> str:
    return f"{d.day:02d} {d.strftime('%B')} {d.year}"


def _ukipo(spec: CertificateSpec) -> Page:
    p = Page()
    p.text(20, 22, "Intellectual Property Office", 15, bold=True)
    p.text(20, 28, "Concept House, Cardiff Road, Newport, NP10 8QQ", 8.5)
    rows: list[tuple[str, str]]
    if spec.is_application:
        p.text(105, 46, "Trade mark application filing receipt", 16, bold=True, align="C")
        rows = [
            ("Application number:", spec.registration_number),
            ("Filing date:", _long_uk(spec.filing_date)),
            ("Mark:", spec.mark),
            ("Classes:", ", ".join(str(c) for c in _classes(spec))),
            ("Applicant:", f"{spec.owner}, {spec.owner_address}, {spec.owner_country}"),
            ("Status:", "Examination pending"),
        ]
    else:
        p.text(105, 46, "Certificate of Registration of Trade Mark", 16, bold=True, align="C")
        p.text(105, 53, "Trade Marks Act 1994", 10.5, align="C")
        rows = [
            ("Trade Mark Number:", spec.registration_number),
            ("Date of entry in register:", _long_uk(spec.registration_date)),
            ("Filing date:", _long_uk(spec.filing_date)),
        ]
        if spec.expiry_date:
            rows.append(("Renewal date:", _long_uk(spec.expiry_date)))
        rows += [
            ("Mark:", spec.mark),
            ("Classes:", ", ".join(str(c) for c in _classes(spec))),
            ("Owner:", f"{spec.owner}, {spec.owner_address}, {spec.owner_country}"),
        ]
    p.cursor = 62
    for label, value in rows:
        p.cursor += 7
        p.text(20, p.cursor, label, 10.5, bold=True)
        size = 13 if label == "Mark:" else 10.5
        p.cursor -= size * PT_MM * 1.25
        p.flow(75, value, size, width=115, gap=0)
    p.skip(5)
    p.flow(20, "Goods and services", 11, bold=True)
    for cls in _classes(spec):
        p.flow(20, f"Class {cls}: {_goods(spec, cls)}", 10.5, width=170)
    if not spec.is_application:
        p.cursor = max(p.cursor + 12, 240)
        p.flow(
            20, "This is to certify that the trade mark shown above has been entered in the register.", 9.5
        )
        p.flow(20, "Adam Williams", 10.5)
        p.flow(20, "Comptroller-General", 9.5)
    return p


def _cn(d: dt.date) -> str:
    return f"{d.year}年{d.month:02d}月{d.day:02d}日"


def _cnipa(spec: CertificateSpec) -> Page:
    p = Page()
    red = (170, 20, 20)
    if spec.is_application:
        p.text(105, 28, "国家知识产权局", 16, align="C")
        p.text(105, 40, "商标注册申请受理通知书", 20, align="C")
        p.cursor = 52
        for label, value in [
            ("申请号：", spec.registration_number),
            ("申请日期：", _cn(spec.filing_date)),
            ("商标：", spec.mark),
            ("申请人：", spec.owner),
            ("申请人地址：", spec.owner_address),
            ("类别：", "、".join(f"第{c}类" for c in _classes(spec))),
            ("状态：", "审查中"),
        ]:
            p.flow(25, f"{label}{value}", 12, width=160, gap=2)
        return p
    p.items.append(Rule(15, 15, 195, 15, 1.2, red))
    p.items.append(Rule(15, 282, 195, 282, 1.2, red))
    p.text(105, 34, "商标注册证", 26, align="C", color=red)
    p.text(105, 48, f"第 {spec.registration_number} 号", 14, align="C")
    p.cursor = 62
    p.flow(105, spec.mark, 30, bold=True, align="C", width=400)
    p.skip(6)
    for cls in _classes(spec):
        p.flow(25, f"核定使用商品（第{cls}类）", 12, gap=1)
        p.flow(25, _goods(spec, cls), 12, width=160, gap=4)
    p.skip(4)
    p.flow(25, f"注册人 {spec.owner}", 12, width=160, gap=2)
    p.flow(25, f"注册地址 {spec.owner_address}", 12, width=160, gap=2)
    expiry = spec.expiry_date or (
        spec.registration_date.replace(year=spec.registration_date.year + 10) - dt.timedelta(days=1)
    )
    p.flow(25, f"注册有效期限 自{_cn(spec.registration_date)}至{_cn(expiry)}", 12, width=170, gap=2)
    p.skip(12)
    p.flow(25, "本商标业经核准注册，特发此证。", 12)
    p.items.append(Ellipse(125, 225, 40, 40, 1.0, red))
    p.text(145, 247, "国家知识产权局", 11, align="C", color=red)
    p.text(60, 262, "局长", 12, align="C")
    p.text(145, 272, "国家知识产权局", 12, align="C")
    return p


def _wipo(spec: CertificateSpec) -> Page:
    p = Page()
    p.text(105, 20, "WORLD INTELLECTUAL PROPERTY ORGANIZATION", 13, bold=True, align="C")
    p.text(105, 26, "Madrid System for the International Registration of Marks", 9.5, align="C")
    fmt = "%d.%m.%Y"
    if spec.is_application:
        p.text(105, 38, "ACKNOWLEDGEMENT OF RECEIPT", 16, bold=True, align="C")
        p.text(105, 45, "International Application", 11, align="C")
        p.cursor = 52
        _inid(p, "210", spec.registration_number)
        _inid(p, "220", spec.filing_date.strftime(fmt))
        _inid(p, "540", spec.mark, size=16)
        _inid(p, "731", f"{spec.owner}, {spec.owner_address}")
        p.skip(6)
        p.flow(22, "Status: pending examination by the International Bureau", 11)
        return p
    p.text(105, 38, "CERTIFICATE OF REGISTRATION", 16, bold=True, align="C")
    p.text(105, 45, "International Registration", 11, align="C")
    p.cursor = 50
    p.flow(
        22,
        "The International Bureau of WIPO certifies that the data contained in this certificate "
        "conform to the entries in the International Register kept under the Madrid Protocol.",
        9.5,
        width=166,
    )
    _inid(p, "111", spec.registration_number)
    _inid(p, "151", spec.registration_date.strftime(fmt))
    if spec.expiry_date:
        _inid(p, "180", spec.expiry_date.strftime(fmt))
    _inid(p, "732", f"{spec.owner}, {spec.owner_address}, {spec.owner_country}")
    _inid(p, "540", spec.mark, size=18)
    for cls in _classes(spec):
        _inid(p, "511", f"NCL (12-2023) {cls} {_goods(spec, cls)}")
    _inid(p, "822", f"{spec.owner_country}, {spec.filing_date.strftime(fmt)}")
    _inid(p, "832", " - ".join(spec.designations))
    _inid(p, "270", "English")
    p.cursor = max(p.cursor + 12, 250)
    p.text(150, p.cursor, "For the Director General of WIPO", 9.5, align="C")
    return p


_LAYOUTS = {"USPTO": _uspto, "EUIPO": _euipo, "UKIPO": _ukipo, "CNIPA": _cnipa, "WIPO": _wipo}


def certificate_pages(spec: CertificateSpec) -> list[Page]:
    """Every page of the certificate: the office's own layout, or (``spec.layout``) a word-label one."""
    if spec.layout:
        from tests.factories.word_certificates import word_certificate_pages

        return word_certificate_pages(spec)
    try:
        return [_LAYOUTS[spec.office](spec)]
    except KeyError:
        raise ValueError(f"no certificate layout for office {spec.office!r}") from None


def certificate_page(spec: CertificateSpec) -> Page:
    return certificate_pages(spec)[0]


def render_certificate(
    spec: CertificateSpec,
    *,
    dpi: int = 150,
    rotate_deg: float = 0.0,
    blur: float = 0.0,
    noise: float = 6.0,
    seed: int = 0,
) -> Image.Image:
    return render_certificate_pages(spec, dpi=dpi, rotate_deg=rotate_deg, blur=blur, noise=noise, seed=seed)[
        0
    ]


def render_certificate_pages(
    spec: CertificateSpec,
    *,
    dpi: int = 150,
    rotate_deg: float = 0.0,
    blur: float = 0.0,
    noise: float = 6.0,
    seed: int = 0,
) -> list[Image.Image]:
    return [
        degrade(render_image(page, dpi), rotate_deg=rotate_deg, blur=blur, noise=noise, seed=seed + i)
        for i, page in enumerate(certificate_pages(spec))
    ]


def make_certificate_pdf(
    spec: CertificateSpec,
    path: str | Path,
    *,
    scanned: bool = False,
    rotate_deg: float = 0.0,
    blur: float = 0.0,
    dpi: int = 150,
    noise: float = 6.0,
    seed: int = 0,
    stamp: str = "",
    turn: int = 0,
) -> Path:
    """A text PDF of the certificate, or (``scanned``) an image-only PDF of a scan of it; ``stamp`` puts
    one line of real text over a scan (e.g. "Downloaded from TSDR on ..."); ``turn`` (90, 180, 270)
    scans the sheet turned that many degrees clockwise (a landscape PDF page for 90 and 270)."""
    path = Path(path)
    if scanned:
        imgs = render_certificate_pages(
            spec, dpi=dpi, rotate_deg=rotate_deg, blur=blur, noise=noise, seed=seed
        )
        if turn % 360:
            imgs = [img.rotate(-(turn % 360), expand=True) for img in imgs]
        page_mm = (A4[1], A4[0]) if turn % 180 == 90 else A4
        image_pdf(imgs, path, page_mm=page_mm, stamp=stamp)
    else:
        render_pdf(certificate_pages(spec), path, title=f"{spec.office} {spec.registration_number}")
    return path


def make_certificate_image(
    spec: CertificateSpec,
    path: str | Path,
    *,
    rotate_deg: float = 0.0,
    blur: float = 0.0,
    dpi: int = 150,
    noise: float = 6.0,
    photo: bool = False,
    exif_orientation: int | None = None,
    quality: int = 85,
    seed: int = 0,
    turn: int = 0,
    brightness: float = 1.0,
) -> Path:
    """A scan (or, with ``photo``, a phone photo on a desk) of the certificate, as PNG/JPEG/WebP/TIFF.

    ``turn`` (90, 180, 270) stores the page turned that many degrees clockwise, with no EXIF tag to
    undo it: a scan fed in sideways or a photo taken upside down. ``brightness`` below 1 darkens the
    picture as an under-exposed photo is (0.2: nearly black)."""
    path = Path(path)
    img = render_certificate(spec, dpi=dpi, rotate_deg=rotate_deg, blur=blur, noise=noise, seed=seed)
    if photo:
        w, h = img.size
        desk = Image.new("RGB", (round(w * 1.15), round(h * 1.1)), (92, 74, 58))
        desk.paste(img, (round(w * 0.07), round(h * 0.05)))
        img = degrade(desk, rotate_deg=1.5, blur=0.6, noise=4, seed=seed + 1, background=(92, 74, 58))
    if turn % 360:
        img = img.rotate(-(turn % 360), expand=True)
    if brightness != 1.0:
        from PIL import ImageEnhance

        img = ImageEnhance.Brightness(img).enhance(brightness)
    save_image(img, path, quality=quality, exif_orientation=exif_orientation)
    return path


def make_noise_scan_pdf(path: str | Path, *, seed: int = 0, level: float = 60.0) -> Path:
    """An image-only PDF of a page that shows nothing legible: paper tone and scanner noise, as a
    scan of the wrong side of the sheet or a scanner with its lid open comes out."""
    import numpy as np

    rng = np.random.default_rng(seed)
    arr = np.clip(rng.normal(200, level, (1754, 1240, 3)), 0, 255).astype("uint8")
    path = Path(path)
    image_pdf([Image.fromarray(arr, "RGB")], path, page_mm=A4)
    return path


def certificate_lines(spec: CertificateSpec) -> list[str]:
    """The text lines of the layout, in drawing order (what a perfect reader returns)."""
    return [item.text for page in certificate_pages(spec) for item in page.items if isinstance(item, Text)]
