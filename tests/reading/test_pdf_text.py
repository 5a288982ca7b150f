"""PDF text layers: exact lines and boxes, rotated pages, and every kind of bad PDF (no OCR here)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pypdf
import pytest

from desktop_app.core.reading import ocr
from desktop_app.core.reading.pdf_text import read_pdf
from desktop_app.core.reading.text import NO_TEXT, OK, PASSWORD_PROTECTED, UNREADABLE
from tests.factories import (
    AuthorizationSpec,
    CertificateSpec,
    make_authorization_pdf,
    make_blank_pdf,
    make_certificate_pdf,
    make_corrupt_pdf,
    make_encrypted_pdf,
    make_text_pdf,
    make_truncated_pdf,
)
from tests.factories.layout import PT_MM, text_width_mm

MM = 1 / PT_MM  # points per millimetre

USPTO_LINES = [
    "United States of America",
    "United States Patent and Trademark Office",
    "KESTRELINE",
    "Reg. No. 6,123,456",
    "Kestreline Apparel Inc. (DELAWARE CORPORATION) 100",
    "Main Street, Portland, OREGON 97201",
    "Registered Mar. 14, 2021",
    "Int. Cl.: 25",
    "CLASS 25: Jackets; coats",
    "Trademark",
    "FIRST USE 1-18-2019; IN COMMERCE 1-18-2019",
    "Principal Register",
    "THE MARK CONSISTS OF STANDARD CHARACTERS",
    "WITHOUT CLAIM TO ANY PARTICULAR FONT STYLE, SIZE",
    "OR COLOR",
    "SER. NO. 88-123,456, FILED 06-01-2020",
    "Director of the United States",
    "Patent and Trademark Office",
]


@pytest.fixture(scope="module")
def uspto_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_certificate_pdf(CertificateSpec(), tmp_path_factory.mktemp("pdf") / "uspto.pdf")


def test_text_layer_lines_come_back_exactly_in_reading_order(uspto_pdf: Path) -> None:
    doc = read_pdf(uspto_pdf, sha256="abc")
    assert (doc.status, doc.message, doc.sha256) == (OK, "", "abc")
    assert [ln.text for ln in doc.lines()] == USPTO_LINES
    page = doc.pages[0]
    assert (round(page.width, 2), round(page.height, 2), page.source) == (595.28, 841.89, "text")
    assert all(ln.source == "text" and ln.confidence == 1.0 and ln.page == 1 for ln in doc.lines())


def test_boxes_are_in_points_from_the_top_left(uspto_pdf: Path) -> None:
    doc = read_pdf(uspto_pdf)
    reg = next(ln for ln in doc.lines() if ln.text == "Reg. No. 6,123,456")
    x0, y0, x1, y1 = reg.box
    assert x0 == pytest.approx(20 * MM, abs=0.5)  # drawn at x = 20 mm
    # the real glyph advance widths of the embedded bold font, not an estimate
    assert x1 - x0 == pytest.approx(text_width_mm(reg.text, 11, bold=True) * MM, rel=0.02)
    # baseline at the layout's y, measured from the top; the box spans ascent and descent around it
    baseline = next(it.y for it in _layout_items() if getattr(it, "text", "") == reg.text) * MM
    assert y0 < baseline < y1 and y1 - y0 == pytest.approx(11 * 1.14, rel=0.05)
    # the right-hand column is a separate line even though it sits on (almost) the same baseline
    owner = next(ln for ln in doc.lines() if ln.text.startswith("Kestreline Apparel"))
    assert owner.box[0] == pytest.approx(78 * MM, abs=0.5)


def _layout_items() -> list[object]:
    from tests.factories.certificates import certificate_page

    return certificate_page(CertificateSpec()).items


def test_chinese_text_layer(tmp_path: Path) -> None:
    spec = CertificateSpec(
        office="CNIPA",
        registration_number="12345678",
        owner="凯斯特琳服饰（上海）有限公司",
        owner_address="上海市浦东新区世纪大道100号",
        goods={25: "夹克；大衣"},
        registration_date=dt.date(2021, 3, 14),
    )
    doc = read_pdf(make_certificate_pdf(spec, tmp_path / "cn.pdf"))
    assert [ln.text for ln in doc.lines()] == [
        "商标注册证",
        "第 12345678 号",
        "KESTRELINE",
        "核定使用商品（第25类）",
        "夹克；大衣",
        "注册人 凯斯特琳服饰（上海）有限公司",
        "注册地址 上海市浦东新区世纪大道100号",
        "注册有效期限 自2021年03月14日至2031年03月13日",
        "本商标业经核准注册，特发此证。",
        "国家知识产权局",
        "局长",
        "国家知识产权局",
    ]


def test_mixed_script_runs_join_into_one_line(tmp_path: Path) -> None:
    doc = read_pdf(make_authorization_pdf(AuthorizationSpec(), tmp_path / "poa.pdf", lang="zh"))
    texts = [ln.text for ln in doc.lines()]
    assert "被授权人（受托人）：Harrow & Pike LLP" in texts
    assert "本授权有效期至2027年12月31日。" in texts


def test_rotated_page_boxes_follow_the_displayed_page(uspto_pdf: Path, tmp_path: Path) -> None:
    writer = pypdf.PdfWriter(clone_from=uspto_pdf)
    writer.pages[0].rotate(90)
    rotated = tmp_path / "rotated.pdf"
    writer.write(rotated)
    upright, turned = read_pdf(uspto_pdf), read_pdf(rotated)
    assert [ln.text for ln in turned.lines()] == USPTO_LINES  # lines and reading order survive the turn
    page = turned.pages[0]
    assert (round(page.width, 2), round(page.height, 2)) == (841.89, 595.28)
    a = next(ln for ln in upright.lines() if ln.text == "United States of America").box
    b = next(ln for ln in turned.lines() if ln.text == "United States of America").box
    # turned 90 degrees clockwise: the top of the page is now on the right
    assert b[0] == pytest.approx(841.89 - a[3], abs=0.5) and b[1] == pytest.approx(a[0], abs=0.5)
    assert b[2] - b[0] == pytest.approx(a[3] - a[1], abs=0.5)


def test_password_protected_pdf(tmp_path: Path) -> None:
    doc = read_pdf(make_encrypted_pdf(tmp_path / "locked.pdf", user_password="s3cret"))
    assert doc.status == PASSWORD_PROTECTED and not doc.pages
    assert doc.message.startswith("locked.pdf: ") and "password" in doc.message


def test_pdf_encrypted_with_an_empty_password_is_read(tmp_path: Path) -> None:
    doc = read_pdf(make_encrypted_pdf(tmp_path / "restricted.pdf", user_password="", text="REGISTERED MARK"))
    assert doc.status == OK
    assert [ln.text for ln in doc.lines()] == ["REGISTERED MARK"]


@pytest.mark.parametrize(
    ("maker", "fragment"),
    [
        (lambda p: make_corrupt_pdf(p), "corrupt"),
        (lambda p: make_truncated_pdf(p), "truncated"),
        (lambda p: p.write_bytes(b"") and p, "empty"),
        (lambda p: p.write_text("just some words, not a PDF\n") and p, "not a PDF"),
    ],
    ids=["corrupt", "truncated", "empty", "not-a-pdf"],
)
def test_bad_pdfs_give_a_clear_status_not_an_exception(maker, fragment: str, tmp_path: Path) -> None:
    path = tmp_path / "bad.pdf"
    maker(path)
    doc = read_pdf(path)
    assert doc.status == UNREADABLE and not doc.pages
    assert doc.message.startswith("bad.pdf: ") and fragment in doc.message


def test_blank_pdf_has_no_text_and_is_not_sent_to_ocr(tmp_path: Path) -> None:
    before = ocr.get_engine().calls
    doc = read_pdf(make_blank_pdf(tmp_path / "blank.pdf", pages=2))
    assert doc.status == NO_TEXT and "no legible text" in doc.message
    assert [len(p.lines) for p in doc.pages] == [0, 0]
    assert ocr.get_engine().calls == before


def test_multi_page_text_pdf_and_progress(tmp_path: Path) -> None:
    from tests.factories.layout import Page, render_pdf

    pages = []
    for n in range(3):
        p = Page()
        p.text(20, 30, f"Page {n + 1} of the evidence bundle", 12)
        pages.append(p)
    render_pdf(pages, tmp_path / "three.pdf")
    seen: list[float] = []
    doc = read_pdf(tmp_path / "three.pdf", progress=lambda f, _label: seen.append(f))
    expected = [(n, f"Page {n} of the evidence bundle") for n in (1, 2, 3)]
    assert [(ln.page, ln.text) for ln in doc.lines()] == expected
    assert seen == sorted(seen) and seen[-1] == 1.0


def test_damaged_pdfs_never_raise(tmp_path: Path, uspto_pdf: Path) -> None:
    data = uspto_pdf.read_bytes()
    for i, cut in enumerate((200, 900, 4000, len(data) // 2, len(data) - 300)):
        broken = bytearray(data)
        broken[cut : cut + 64] = b"\x00" * 64
        path = tmp_path / f"damaged{i}.pdf"
        path.write_bytes(bytes(broken))
        doc = read_pdf(path, use_ocr=False)
        assert doc.status in (OK, NO_TEXT, UNREADABLE)
        assert doc.status == OK or doc.message.startswith(f"damaged{i}.pdf: ")


def test_short_clean_text_page_is_kept(tmp_path: Path) -> None:
    doc = read_pdf(make_text_pdf(tmp_path / "short.pdf", ["OK"]), use_ocr=False)
    assert [ln.text for ln in doc.lines()] == ["OK"] and doc.pages[0].source == "text"
