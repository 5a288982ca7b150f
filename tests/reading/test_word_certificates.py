"""Certificates of offices no reader knows, read by their word labels: a two-column table, "Label: value"
lines, labels above values, running text and INID codes, in seven languages, with labels as OCR
misreads them, goods running onto a second page, and goods split per class. Text PDFs from the
factories, read through the real PDF reader."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop_app.core.reading.certificates import extract_certificate
from desktop_app.core.reading.certificates.generic import match_label
from desktop_app.core.reading.matching import SAME_PARTY_THRESHOLD, same_party
from desktop_app.core.reading.normalize import same_registration_number
from desktop_app.core.reading.pdf_text import read_pdf
from tests.factories.certificates import CertificateSpec, make_certificate_pdf

D = dt.date


def spec(**kw: object) -> CertificateSpec:
    base: dict[str, object] = dict(
        office="OTHER",
        registration_number="1234567",
        mark="NORDVIK",
        owner="Nordvik Outdoor AS",
        owner_address="Storgata 12, 0155 Oslo",
        owner_country="Norway",
        classes=[9, 25],
        goods={9: "Computer software; mobile phone cases", 25: "Clothing; footwear; headgear"},
        registration_date=D(2021, 3, 14),
        filing_date=D(2020, 6, 1),
        expiry_date=D(2030, 6, 1),
        layout="table",
    )
    base.update(kw)
    s = CertificateSpec(**base)  # type: ignore[arg-type]
    if s.lang == "zh":
        s.owner = "挪威诺德维克户外有限公司"
        s.goods = {9: "计算机软件；手机壳", 25: "服装；鞋；帽"}
    return s


def read(tmp_path: Path, s: CertificateSpec, name: str = "cert.pdf"):
    doc = read_pdf(make_certificate_pdf(s, tmp_path / name))
    return doc, extract_certificate(doc)


def assert_fully_read(c, s: CertificateSpec) -> None:
    assert c.recognised
    assert c.value("registration_number") == "1234567"
    assert c.value("mark") == "NORDVIK"
    assert c.value("owner") == s.owner
    assert c.value("classes") == [9, 25]
    assert set(c.value("goods")) == {9, 25}
    assert c.value("registration_date") == D(2021, 3, 14)
    assert c.value("filing_date") == D(2020, 6, 1)
    assert c.value("expiry_date") == D(2030, 6, 1)
    for name in ("registration_number", "mark", "owner", "classes", "goods", "registration_date"):
        f = getattr(c, name)
        assert f.page == 1 and f.box is not None, name


def test_word_label_table_of_an_unknown_office_is_read_fully_with_boxes(tmp_path: Path) -> None:
    s = spec()
    doc, c = read(tmp_path, s)
    assert_fully_read(c, s)
    assert c.value("goods")[9] == "Computer software; mobile phone cases"
    assert c.value("goods")[25] == "Clothing; footwear; headgear"
    assert c.value("status") == "registered"
    # the number's box covers the number's cell, right of its label
    label = next(ln for ln in doc.lines() if ln.text == "Trade mark number")
    assert c.registration_number.box[0] > label.box[2]
    assert c.registration_number.source_text == "1234567"


@pytest.mark.parametrize("lang", ["de", "fr", "es", "it", "pt", "zh"])
@pytest.mark.parametrize("layout", ["table", "colon", "above"])
def test_label_sets_of_other_languages(tmp_path: Path, lang: str, layout: str) -> None:
    s = spec(lang=lang, layout=layout)
    _doc, c = read(tmp_path, s)
    assert_fully_read(c, s)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_running_text(tmp_path: Path, lang: str) -> None:
    s = spec(layout="running", lang=lang)
    _doc, c = read(tmp_path, s)
    assert_fully_read(c, s)


def test_inid_codes_of_an_unknown_office(tmp_path: Path) -> None:
    s = spec(layout="inid")
    _doc, c = read(tmp_path, s)
    assert_fully_read(c, s)


@pytest.mark.parametrize("lang", ["en", "de", "fr", "es", "it", "pt"])
def test_labels_as_ocr_misreads_them(tmp_path: Path, lang: str) -> None:
    s = spec(lang=lang, ocr_labels=True)
    doc, c = read(tmp_path, s)
    assert any(" " not in ln.text and len(ln.text) > 12 for ln in doc.lines())  # spaces really lost
    assert_fully_read(c, s)


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("Trademarknumber", "registration_number"),
        ("Registrationdate", "registration_date"),
        ("Reg1stration date: 14.03.2021", "registration_date"),
        ("Trade rnark number 1234567", "registration_number"),
        ("NUMERO D'ENREGISTREMENT", "registration_number"),
        ("Numero de registro", "registration_number"),
        ("Waren und DienstleistungenKlasse 9: Software", "goods"),
        ("注册号：1234567", "registration_number"),
        ("有效期至 2031年03月13日", "expiry_date"),
    ],
)
def test_lenient_label_matching(text: str, field: str) -> None:
    hit = match_label(text)
    assert hit is not None and hit.field == field


@pytest.mark.parametrize(
    "text",
    [
        "Trademark Registration Certificate",
        "Classic Wear Ltd",
        "Marketing Services",
        "商标注册证明",
        "Class 9: Software",
    ],
)
def test_titles_and_values_are_not_labels(text: str) -> None:
    assert match_label(text) is None


def test_goods_continue_on_page_two_and_split_per_class(tmp_path: Path) -> None:
    long9 = "; ".join(f"computer software for purpose number {i}" for i in range(60))
    s = spec(goods={9: long9, 25: "Clothing; footwear; headgear", 35: "Retail services"}, classes=[9, 25, 35])
    doc, c = read(tmp_path, s)
    assert len(doc.pages) >= 2
    goods = c.value("goods")
    assert set(goods) == {9, 25, 35}
    assert goods[9].endswith("purpose number 59")
    assert goods[25] == "Clothing; footwear; headgear" and goods[35] == "Retail services"
    assert c.value("classes") == [9, 25, 35]
    assert c.goods.page == 1


# --- registration numbers as offices print them -------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "typed"),
    [
        ("40 2023 43949 Y", "40202343949Y"),  # IPOS: a check letter after the digits
        ("40202343949Y", "40 2023 43949 Y"),
        ("UK00003456789", "3456789"),
        ("302021123456.7", "3020211234567"),  # DPMA: a check digit after a dot
        ("TMA1,234,567", "TMA1234567"),
        ("VR 2021 01234", "VR202101234"),
        ("No. 1234567", "1234567"),
        ("4-2019-012345", "4-2019-012345"),
    ],
)
@pytest.mark.parametrize("layout", ["table", "colon", "above", "running", "inid"])
def test_registration_numbers_with_letters_spaces_and_separators(
    tmp_path: Path, printed: str, typed: str, layout: str
) -> None:
    s = spec(registration_number=printed, layout=layout)
    _doc, c = read(tmp_path, s)
    assert c.recognised
    assert same_registration_number(typed, c.value("registration_number"))
    assert c.registration_number.raw == printed.removeprefix("No. ")
    if printed[-1].isalpha():  # the letter counts: a number typed without it is another number
        assert not same_registration_number(typed.rstrip("Y ").rstrip(), c.value("registration_number"))


@pytest.mark.parametrize(
    "label",
    ["Mark No.", "Trade Mark Reg. No.", "No. Pendaftaran", "Registro N°", "Brand Register No.", "Marken-Nr."],
)
def test_number_labels_of_offices_no_lexicon_lists(tmp_path: Path, label: str) -> None:
    s = spec(registration_number="TM2022092182", labels={"number": label}, office_name="Harta Intelek Office")
    _doc, c = read(tmp_path, s)
    assert c.recognised and c.value("registration_number") == "2022092182"  # "TM" carries no identity
    assert c.registration_number.raw == "TM2022092182"


@pytest.mark.parametrize(
    "label", ["Application No.", "Serial No.", "Tel. No.", "Our Ref. No.", "Document No.", "Receipt No."]
)
def test_other_numbers_are_not_the_registration_number(label: str) -> None:
    hit = match_label(f"{label} 1234567")
    assert hit is None or hit.field != "registration_number"


@pytest.mark.parametrize(
    ("lang", "label"),
    [
        ("en", "Application date"),
        ("en", "Date of application"),
        ("de", "Anmeldetag"),
        ("fr", "Date de la demande"),
        ("es", "Fecha de solicitud"),
        ("it", "Data della domanda"),
        ("pt", "Data do pedido"),
        ("zh", "申请日期"),
    ],
)
def test_a_filing_date_label_is_not_an_application_status(tmp_path: Path, lang: str, label: str) -> None:
    """A registration certificate that prints no registration date, only when it was applied for: the
    words of that label ("pedido", "application", "申请") do not make it an application."""
    s = spec(lang=lang, layout="colon", labels={"filing_date": label}, omit=["registration_date"])
    doc, c = read(tmp_path, s)
    assert label.replace(" ", "") in "".join(ln.text.replace(" ", "") for ln in list(doc.lines())[:8])
    assert c.value("filing_date") == D(2020, 6, 1)
    assert c.value("status") == "registered"


def test_portuguese_prose_with_data_do_pedido_is_a_registration(tmp_path: Path) -> None:
    s = spec(lang="pt", layout="running")
    _doc, c = read(tmp_path, s)
    assert c.value("status") == "registered"
    assert c.value("filing_date") == D(2020, 6, 1)
    assert c.value("registration_date") == D(2021, 3, 14)
    assert c.value("expiry_date") == D(2030, 6, 1)
    assert c.value("registration_number") == "1234567" and c.value("owner") == s.owner


def test_an_application_record_is_still_an_application(tmp_path: Path) -> None:
    s = spec(
        lang="pt",
        layout="colon",
        labels={"title": "Pedido de registo de marca", "filing_date": "Data do pedido"},
        omit=["registration_date", "expiry_date"],
    )
    _doc, c = read(tmp_path, s)
    assert c.value("status") == "application"


def test_goods_of_several_classes_in_one_cell_are_split_per_class(tmp_path: Path) -> None:
    s = spec(
        classes=[9, 18, 25],
        goods={9: "Computer software", 18: "Bags; backpacks; wallets; umbrellas", 25: "Clothing; headgear"},
        goods_inline=True,
    )
    _doc, c = read(tmp_path, s)
    assert c.value("goods") == {
        9: "Computer software",
        18: "Bags; backpacks; wallets; umbrellas",
        25: "Clothing; headgear",
    }


def test_a_label_wrapped_in_its_cell_is_one_label(tmp_path: Path) -> None:
    s = spec(lang="de", labels={"goods": "Verzeichnis der Waren und Dienstleistungen"})
    doc, c = read(tmp_path, s)
    assert any(ln.text.startswith("Verzeichnis der Waren") and "Dienst" not in ln.text for ln in doc.lines())
    assert set(c.value("goods")) == {9, 25}
    assert c.value("goods")[9] == "Computer software; mobile phone cases"


def test_owner_printed_without_spaces_is_read_and_matches(tmp_path: Path) -> None:
    s = spec(owner="NORDVIKOUTDOORAS", ocr_labels=True)
    _doc, c = read(tmp_path, s)
    assert c.value("owner") == "NORDVIKOUTDOORAS"
    assert same_party(c.value("owner"), "Nordvik Outdoor AS") >= SAME_PARTY_THRESHOLD
    assert same_party(c.value("owner"), "Nordvik Trading AS") < SAME_PARTY_THRESHOLD


def test_a_word_label_table_under_a_known_offices_name_keeps_its_labelled_fields(tmp_path: Path) -> None:
    """The office's own reader leads when the office is named outright; what it misses (a number in the
    cell beside its label, the status, goods of a class on page 2) comes from the labels."""
    s = spec(lang="zh", office_name="国家知识产权局")
    _doc, c = read(tmp_path, s)
    assert c.value("office") == "CNIPA"
    assert_fully_read(c, s)
    assert c.value("status") == "registered"


@pytest.mark.parametrize("lang", ["en", "de", "pt"])
def test_prose_with_the_spaces_ocr_lost(tmp_path: Path, lang: str) -> None:
    s = spec(layout="running", lang=lang, ocr_labels=True)
    doc, c = read(tmp_path, s)
    assert any(len(ln.text) > 60 and " " not in ln.text for ln in doc.lines())
    assert c.value("registration_number") == "1234567"
    assert c.value("owner").replace(" ", "") == "NordvikOutdoorAS"
    assert c.value("classes") == [9, 25]
    assert c.value("registration_date") == D(2021, 3, 14)
    assert c.value("expiry_date") == D(2030, 6, 1)
    assert c.value("status") == "registered"
