"""Case folders: round trip, and every kind of bad input refused with nothing stored."""

from __future__ import annotations

import datetime as dt
import os
import textwrap
from pathlib import Path

import pytest

from desktop_app.core.case_folder import export_case_folder, import_case_folder
from desktop_app.core.errors import Cancelled, UserError
from desktop_app.core.progress import CancelToken
from desktop_app.core.store import Store
from tests.core.files import png_bomb_bytes, write_encrypted_pdf, write_jpeg, write_pdf, write_png

TOML = """
title = "Counterfeit KESTRELINE jackets on AliExpress"
filing_date = 2026-11-20

[complainant]
name = "Brand Shield Legal LLP"
role = "agent"
authorization = "files/poa.pdf"
email = "ip@brandshield.example"

[[rights]]
type = "trademark"
office = "USPTO"
registration_number = "6123456"
mark = "KESTRELINE"
owner = "Kestreline Apparel Inc."
classes = [25, 18]
certificate = "files/certificate.pdf"

[[rights]]
office = "cnipa"
registration_number = "第 12345678 号"
mark = "KESTRELINE"
owner = "Kestreline Apparel Inc."
classes = [25]
certificate = "files/商标注册证.pdf"

[[listings]]
url = "https://www.aliexpress.com/item/1005006123456789.html"
title = "Men's waterproof jacket"
seller = "Best Outdoor Store"
screenshots = ["files/listing.png", "files/listing-2.jpg"]

[[listings]]
url = "https://item.taobao.com/item.htm?id=654321987654"
screenshots = ["files/listing.png"]
"""


def make_folder(root: Path, toml: str = TOML) -> Path:
    folder = root / "case"
    files = folder / "files"
    files.mkdir(parents=True)
    write_pdf(files / "poa.pdf", "Letter of authorization")
    write_pdf(files / "certificate.pdf")
    write_pdf(files / "商标注册证.pdf", "No. 12345678")
    write_png(files / "listing.png")
    write_jpeg(files / "listing-2.jpg")
    (folder / "case.toml").write_text(textwrap.dedent(toml), encoding="utf-8")
    return folder


def snapshot(store: Store) -> tuple[list[str], list[str]]:
    return list(store.db.conn.iterdump()), sorted(store.vault.all_hashes())


def test_import_and_round_trip(store: Store, tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    case_id = import_case_folder(store, folder)
    case = store.get_case(case_id)
    assert case.filing_date == dt.date(2026, 11, 20)
    assert case.complainant.authorization and case.complainant.authorization.original_name == "poa.pdf"
    assert [r.office for r in case.rights] == ["USPTO", "CNIPA"]
    assert case.rights[1].certificate.original_name == "商标注册证.pdf"  # type: ignore[union-attr]
    assert [len(li.screenshots) for li in case.listings] == [2, 1]
    # the same listing.png used twice is stored once
    assert len(set(store.vault.all_hashes())) == 5

    out = export_case_folder(store, case_id, tmp_path / "exported")
    again = store.get_case(import_case_folder(store, out))
    for a, b in ((case, again),):
        assert (a.title, a.filing_date, a.complainant.name, a.complainant.role, a.complainant.email) == (
            b.title,
            b.filing_date,
            b.complainant.name,
            b.complainant.role,
            b.complainant.email,
        )
        assert [
            (r.office, r.registration_number, r.mark, r.owner, r.classes, r.certificate.sha256)  # type: ignore[union-attr]
            for r in a.rights
        ] == [
            (r.office, r.registration_number, r.mark, r.owner, r.classes, r.certificate.sha256)
            for r in b.rights
        ]  # type: ignore[union-attr]
        assert [
            (li.url, li.marketplace, li.listing_id, li.title, li.seller, [s.sha256 for s in li.screenshots])
            for li in a.listings
        ] == [
            (li.url, li.marketplace, li.listing_id, li.title, li.seller, [s.sha256 for s in li.screenshots])
            for li in b.listings
        ]
    # the rights library reuses identical rights rather than duplicating them
    assert len(store.list_rights()) == 2


def test_export_refuses_non_empty_target(store: Store, tmp_path: Path) -> None:
    case_id = import_case_folder(store, make_folder(tmp_path))
    target = tmp_path / "busy"
    target.mkdir()
    (target / "keep.txt").write_text("mine")
    with pytest.raises(UserError, match="not an empty folder"):
        export_case_folder(store, case_id, target)
    assert [p.name for p in target.iterdir()] == ["keep.txt"]


def _replace(old: str, new: str):
    return lambda folder: (folder / "case.toml").write_text(
        textwrap.dedent(TOML).replace(old, new, 1), encoding="utf-8"
    )


def _write(rel: str, data: bytes):
    def go(folder: Path) -> None:
        (folder / rel).write_bytes(data)

    return go


def _symlink_out(folder: Path) -> None:
    outside = write_png(folder.parent / "outside.png")
    (folder / "files" / "listing.png").unlink()
    os.symlink(outside, folder / "files" / "listing.png")


def _encrypt(folder: Path) -> None:
    write_encrypted_pdf(folder / "files" / "certificate.pdf", "secret")


def _long_name(folder: Path) -> None:
    name = "L" * 220 + ".png"
    write_png(folder / "files" / name)
    _replace('"files/listing-2.jpg"', f'"files/{name}"')(folder)


BAD_INPUTS = {
    "missing file": (_replace("files/poa.pdf", "files/nope.pdf"), "nope.pdf", "does not exist"),
    "parent escape": (_replace("files/poa.pdf", "../../etc/passwd"), "case.toml", "outside the case folder"),
    "absolute path": (_replace("files/poa.pdf", "/etc/hostname"), "case.toml", "absolute path"),
    "symlink out": (_symlink_out, "case.toml", "symbolic link"),
    "toml syntax": (_replace('mark = "KESTRELINE"', 'mark = "KESTRELINE'), "case.toml", "line 15, column 19"),
    "wrong type": (_replace("classes = [25, 18]", 'classes = "25"'), "case.toml", "rights[1].classes"),
    "unknown office": (
        _replace('office = "USPTO"', 'office = "Atlantis TMO"'),
        "case.toml",
        "unknown office",
    ),
    "missing field": (_replace('mark = "KESTRELINE"\n', ""), "case.toml", "missing required field 'mark'"),
    "empty pdf": (_write("files/certificate.pdf", b""), "certificate.pdf", "empty"),
    "truncated pdf": (
        lambda f: _write("files/certificate.pdf", (f / "files/certificate.pdf").read_bytes()[:300])(f),
        "certificate.pdf",
        "truncated",
    ),
    "encrypted pdf": (_encrypt, "certificate.pdf", "password-protected"),
    "corrupt pdf": (
        _write("files/certificate.pdf", b"%PDF-1.4\n1 0 obj <</Type /Catalog>>\n%%EOF"),
        "certificate.pdf",
        "corrupt",
    ),
    "corrupt image": (
        _write("files/listing-2.jpg", b"\xff\xd8\xff\xe0" + b"\x13" * 500),
        "listing-2.jpg",
        "corrupt",
    ),
    "content mismatch": (
        lambda f: _write("files/listing.png", (f / "files/listing-2.jpg").read_bytes())(f),
        "listing.png",
        "does not match",
    ),
    "decompression bomb": (
        _write("files/listing.png", png_bomb_bytes()),
        "listing.png",
        "decompression bomb",
    ),
    "long name": (_long_name, "LLLL", "characters long"),
    "not utf-8 toml": (_write("case.toml", 'title = "caf\xe9"'.encode("latin-1")), "case.toml", "UTF-8"),
}


@pytest.mark.parametrize("kind", sorted(BAD_INPUTS))
def test_bad_input_is_refused_and_nothing_changes(store: Store, tmp_path: Path, kind: str) -> None:
    # a case already in the store must be left exactly as it was
    import_case_folder(store, make_folder(tmp_path / "good"))
    before = snapshot(store)
    folder = make_folder(tmp_path)
    spoil, names, reason = BAD_INPUTS[kind]
    spoil(folder)
    with pytest.raises(UserError) as info:
        import_case_folder(store, folder)
    message = str(info.value)
    assert names in message, message
    assert reason in message, message
    assert "\n" not in message
    assert snapshot(store) == before


def test_cancel_mid_import_rolls_everything_back(store: Store, tmp_path: Path) -> None:
    before = snapshot(store)
    token = CancelToken()
    seen: list[str] = []

    def progress(fraction: float, label: str) -> None:
        seen.append(label)
        if len(seen) == 4:  # after a few files were copied into the vault
            token.cancel()

    with pytest.raises(Cancelled):
        import_case_folder(store, make_folder(tmp_path), progress=progress, cancel=token)
    assert snapshot(store) == before
    assert list((store.vault.root / "tmp").iterdir()) == []


def test_role_spelling_and_classes_as_strings_are_accepted(store: Store, tmp_path: Path) -> None:
    """Another tool's case.toml may write role = "Agent" or "Rights holder" and classes = ["25"]."""
    toml = TOML.replace('role = "agent"', 'role = "Agent"').replace(
        "classes = [25, 18]", 'classes = ["25", "018"]'
    )
    case = store.get_case(import_case_folder(store, make_folder(tmp_path, toml)))
    assert str(case.complainant.role) == "agent"
    assert sorted(case.rights[0].classes) == [18, 25]


def test_office_written_by_name_or_with_a_note_is_recognised() -> None:
    from desktop_app.core.case_folder import canonical_office

    assert canonical_office("United States Patent and Trademark Office") == "USPTO"
    assert canonical_office("WIPO (Madrid)") == "WIPO"
    assert canonical_office("CNIPA (China)") == "CNIPA"
    assert canonical_office("EUIPO (European Union)") == "EUIPO"
    assert canonical_office("Atlantis (Trademark Office)") is None


def test_unknown_keys_are_ignored_with_a_warning(store: Store, tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    _replace("seller =", "sellr =")(folder)
    text = (folder / "case.toml").read_text(encoding="utf-8")
    (folder / "case.toml").write_text(text + '\n[expected]\nfindings = ["none"]\n', encoding="utf-8")
    warnings: list[str] = []
    case = store.get_case(import_case_folder(store, folder, warn=warnings.append))
    assert case.listings[0].seller == ""
    assert any("listings[1]: unknown key 'sellr' ignored" in w for w in warnings)
    assert any("unknown key 'expected' ignored" in w for w in warnings)
    audit = [e for e in store.audit_entries(case.id) if e["action"] == "case.import_folder"]
    assert audit[0]["detail"]["warnings"] == warnings
