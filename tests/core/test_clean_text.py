"""Clean text: control characters and bidirectional overrides never reach a record.

Identifiers are refused with one sentence naming the field; free text keeps a visible mark (U+FFFD)
where each was and the checks say so; text read from evidence is cleaned and reported.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.core.case_folder import import_case_folder
from desktop_app.core.checks.engine import check_case
from desktop_app.core.clean_text import HiddenTextError, clean_case, clean_free_text, printable
from desktop_app.core.errors import UserError
from desktop_app.core.model import Case, Complainant, Listing, Right
from desktop_app.core.store import Store
from tests.core.test_case_folder import make_folder, snapshot
from tests.core.test_cli import run
from tests.hostile.rawpdf import line_pdf

ESC_TITLE = "Jackets \x1b]0;owned\x07\x1b[2J on sale"
RLO = "\u202e"


def _case(**listing: str) -> Case:
    return Case(
        complainant=Complainant(name="Kestreline\x00 Apparel"),
        title=ESC_TITLE,
        rights=[Right(office="USPTO", registration_number="6123456", mark="KESTRELINE", owner="K Inc.")],
        listings=[Listing(**{"url": "https://www.aliexpress.com/item/1005006123456789.html", **listing})],
    )


def test_free_text_marked_tab_newline_kept() -> None:
    assert clean_free_text("a\tb\nc") == "a\tb\nc"
    assert clean_free_text("exe.\u202egpj") == "exe.\ufffdgpj"
    assert clean_free_text("x\r\ny\x85z\u2066") == "x\ny\ufffdz\ufffd"
    assert "\x1b" not in clean_free_text(ESC_TITLE)
    assert printable("a\x1b[2Jb\u200b") == "a\\u001b[2Jb\\u200b"


def test_clean_case_marks_free_text_and_refuses_identifiers() -> None:
    case = _case(seller="Best" + RLO + "Store", title="ok")
    changed = clean_case(case)
    assert changed == ["title", "complainant.name", "listings[1].seller"]
    assert case.title == "Jackets \ufffd]0;owned\ufffd\ufffd[2J on sale"
    assert case.listings[0].seller == "Best\ufffdStore"
    assert clean_case(case) == []  # idempotent

    for field, value, where in (
        ("listing_id", "10050061234\u200b56789", "listings[1].listing_id"),
        ("url", "https://www.aliexpress.com/item/1\u202e.html", "listings[1].url"),
    ):
        with pytest.raises(HiddenTextError) as info:
            clean_case(_case(**{field: value}))
        msg = str(info.value)
        assert where in msg and "U+" in msg and "\n" not in msg
    bad = _case()
    bad.rights[0].registration_number = "612\x003456"
    with pytest.raises(HiddenTextError, match=r"registration number \(rights\[1\]\.registration_number\)"):
        clean_case(bad)


def test_store_refuses_hidden_identifier_and_keeps_nothing(store: Store) -> None:
    before = snapshot(store)
    with pytest.raises(UserError, match="listing id"):
        store.cases.save(_case(listing_id="1005006123456789\u2066"))
    assert snapshot(store) == before
    case_id = store.cases.save(_case(title="t", seller="S\x1b[31m"))
    stored = store.cases.get(case_id)
    assert stored.title == "Jackets \ufffd]0;owned\ufffd\ufffd[2J on sale"
    assert stored.listings[0].seller == "S\ufffd[31m"


def test_case_folder_refuses_hidden_identifier_naming_toml(store: Store, tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    toml = (folder / "case.toml").read_text(encoding="utf-8")
    (folder / "case.toml").write_text(
        toml.replace('registration_number = "6123456"', 'registration_number = "612\\u200B3456"'),
        encoding="utf-8",
    )
    before = snapshot(store)
    with pytest.raises(UserError) as info:
        import_case_folder(store, folder)
    msg = str(info.value)
    assert "case.toml" in msg and "rights[1].registration_number" in msg and "U+200B ZERO WIDTH SPACE" in msg
    assert snapshot(store) == before


def test_cli_never_prints_escapes_and_check_reports_them(tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    toml = (folder / "case.toml").read_text(encoding="utf-8")
    toml = toml.replace(
        'title = "Counterfeit KESTRELINE jackets on AliExpress"',
        'title = "Counterfeit \\u001B]0;owned\\u0007\\u001B[2J jackets"',
    ).replace('seller = "Best Outdoor Store"', 'seller = "Best \\u202Eerots"')
    (folder / "case.toml").write_text(toml, encoding="utf-8")
    data = tmp_path / "data"
    r = run("import", str(folder), data_dir=data)
    assert r.returncode == 0, r.stderr
    assert "replaced" in r.stderr and "\x1b" not in r.stderr
    case_id = r.stdout.strip()
    for args in (("cases",), ("show", case_id), ("show", case_id, "--format", "json")):
        out = run(*args, data_dir=data)
        assert out.returncode == 0, out.stderr
        assert "\x1b" not in out.stdout and "\x07" not in out.stdout and RLO not in out.stdout
    shown = json.loads(run("show", case_id, "--format", "json", data_dir=data).stdout)
    assert shown["title"] == "Counterfeit \ufffd]0;owned\ufffd\ufffd[2J jackets"
    r = run("check", case_id, "--format", "json", data_dir=data)
    codes = {(f["code"], f["field"]) for f in json.loads(r.stdout)["findings"]}
    assert ("case.hidden_characters", "title") in codes
    assert ("case.hidden_characters", "listings[0].seller") in codes


def test_text_read_from_evidence_is_cleaned_and_reported(store: Store, tmp_path: Path) -> None:
    pdf = tmp_path / "listing-notes.pdf"
    pdf.write_bytes(line_pdf(b"KESTRELINE \x1b]0;pwned\x07 jacket \xe2\x80\xae"))
    case = _case(title="notes")
    case.complainant.name = "Kestreline Apparel"
    case.other_files = [store.files.add(pdf)]
    case_id = store.cases.save(case)
    report = check_case(store, case_id)
    found = [f for f in report.findings if f.code == "evidence.hidden_characters"]
    assert len(found) == 1 and "listing-notes.pdf" in found[0].message
    assert "U+001B" in found[0].message
    dumped = json.dumps(report.to_json(), ensure_ascii=False)
    assert "\x1b" not in dumped and "\x07" not in dumped
