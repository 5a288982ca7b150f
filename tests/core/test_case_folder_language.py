"""A broken case folder is refused in the user's language: every sentence comes from the catalogue."""

from __future__ import annotations

import os
import re
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop_app.core.case_folder import import_case_folder
from desktop_app.core.errors import UserError
from desktop_app.core.messages import error_text
from desktop_app.core.model import OFFICES
from desktop_app.core.store import Store
from tests.core.files import write_png
from tests.core.test_case_folder import TOML, make_folder
from tests.core.test_cli import run

CJK = re.compile(r"[\u4e00-\u9fff]")
# Latin a Chinese sentence may keep: format names and the date pattern; and what case.toml may hold
# (its name, the roles, the offices).
KEPT = {"TOML", "UTF", "YYYY", "MM", "DD", "https", "http"}
KEPT_VALUES = ["case.toml", "rights_holder", "agent", *OFFICES]


def _replace(old: str, new: str) -> Callable[[Path], None]:
    def go(folder: Path) -> None:
        text = textwrap.dedent(TOML)
        assert old in text
        (folder / "case.toml").write_text(text.replace(old, new, 1), encoding="utf-8")

    return go


def _remove_toml(folder: Path) -> None:
    (folder / "case.toml").unlink()


def _symlink_out(folder: Path) -> None:
    outside = write_png(folder.parent / "outside.png")
    (folder / "files" / "listing.png").unlink()
    os.symlink(outside, folder / "files" / "listing.png")


def _jpeg_as_png(folder: Path) -> None:
    (folder / "files" / "listing.png").write_bytes((folder / "files" / "listing-2.jpg").read_bytes())


def _folder_as_file(folder: Path) -> None:
    (folder / "files" / "listing.png").unlink()
    (folder / "files" / "listing.png").mkdir()


def _fifo_as_file(folder: Path) -> None:
    (folder / "files" / "listing.png").unlink()
    os.mkfifo(folder / "files" / "listing.png")


def _not_utf8(folder: Path) -> None:
    (folder / "case.toml").write_bytes('title = "caf\xe9"'.encode("latin-1"))


# kind -> (how to break the folder, the file the sentence must name, what it may quote from the input)
BROKEN: dict[str, tuple[Callable[[Path], None], str, list[str]]] = {
    "bad toml": (_replace('mark = "KESTRELINE"', 'mark = "KESTRELINE'), "case.toml", ["'\\n'"]),
    "bad toml end": (lambda f: (f / "case.toml").write_text("title = ", encoding="utf-8"), "case.toml", []),
    "missing case.toml": (_remove_toml, "case.toml", []),
    "not utf-8": (_not_utf8, "case.toml", []),
    "unknown office": (
        _replace('office = "USPTO"', 'office = "Atlantis TMO"'),
        "case.toml",
        ["rights[1].office", "Atlantis TMO"],
    ),
    "bad class": (_replace("classes = [25, 18]", "classes = [25, 99]"), "case.toml", ["rights[1].classes"]),
    "class not a list": (
        _replace("classes = [25, 18]", 'classes = "25"'),
        "case.toml",
        ["rights[1].classes"],
    ),
    "bad date": (
        _replace("filing_date = 2026-11-20", 'filing_date = "20 Nov"'),
        "case.toml",
        ["filing_date", "20 Nov"],
    ),
    "date of wrong type": (
        _replace("filing_date = 2026-11-20", "filing_date = 5"),
        "case.toml",
        ["filing_date"],
    ),
    "bad role": (_replace('role = "agent"', 'role = "lawyer"'), "case.toml", ["complainant.role", "lawyer"]),
    "missing field": (_replace('mark = "KESTRELINE"\n', ""), "case.toml", ["rights[1]", "mark"]),
    "missing table": (
        _replace('[complainant]\nname = "Brand Shield Legal LLP"', "[plaintiff]\nname = 1"),
        "case.toml",
        ["complainant"],
    ),
    "file outside the folder": (
        _replace("files/poa.pdf", "../../etc/passwd"),
        "case.toml",
        ["complainant.authorization", "../../etc/passwd"],
    ),
    "absolute path": (
        _replace("files/poa.pdf", "/etc/hostname"),
        "case.toml",
        ["complainant.authorization", "/etc/hostname"],
    ),
    "symlink out": (_symlink_out, "case.toml", ["listings[1].screenshots[0]", "files/listing.png"]),
    "missing file": (_replace("files/poa.pdf", "files/nope.pdf"), "nope.pdf", ["complainant.authorization"]),
    "content mismatch": (_jpeg_as_png, "listing.png", ["JPEG", ".png"]),
    "folder instead of a file": (_folder_as_file, "listing.png", []),
    "named pipe instead of a file": (_fifo_as_file, "listing.png", ["FIFO"]),
    "hidden character in an identifier": (
        _replace('registration_number = "6123456"', 'registration_number = "6123\\u200b456"'),
        "case.toml",
        ["rights[1].registration_number"],
    ),
    "unsafe url": (
        _replace("https://www.aliexpress.com/item/1005006123456789.html", "javascript:alert(1)"),
        "case.toml",
        ["listings[1].url", "javascript:alert(1)", "javascript:"],
    ),
}


def _english_words(text: str, path: str, quoted: list[str]) -> set[str]:
    text = re.sub(r"U\+[0-9A-F]{4,6}(?: [A-Z][A-Z -]*[A-Z])?", "", text)  # a character's Unicode name
    for part in sorted([path, *quoted, *KEPT_VALUES], key=len, reverse=True):
        text = text.replace(part, "")
    return set(re.findall(r"[A-Za-z]{2,}", text)) - KEPT


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_broken_case_folder_is_refused_in_chinese(store: Store, tmp_path: Path, kind: str) -> None:
    folder = make_folder(tmp_path)
    spoil, names, quoted = BROKEN[kind]
    spoil(folder)
    with pytest.raises(UserError) as info:
        import_case_folder(store, folder)
    exc = info.value
    english = error_text(exc, "en")
    assert english == str(exc) and names in english
    zh = error_text(exc, "zh_CN")
    assert CJK.search(zh), zh
    assert names in zh and "\n" not in zh, zh
    path = getattr(exc, "path", "")
    assert path and path in zh, zh
    assert not _english_words(zh, path, quoted), (zh, _english_words(zh, path, quoted))
    assert zh != english


def test_english_sentences_are_unchanged(store: Store, tmp_path: Path) -> None:
    """The catalogue says exactly what the English code said before it."""
    folder = make_folder(tmp_path)
    _replace('office = "USPTO"', 'office = "Atlantis TMO"')(folder)
    with pytest.raises(UserError) as info:
        import_case_folder(store, folder)
    assert str(info.value) == (
        f"{folder / 'case.toml'}: rights[1].office: unknown office 'Atlantis TMO' "
        f"(known: {', '.join(OFFICES)})"
    )
    _replace('mark = "KESTRELINE"', 'mark = "KESTRELINE')(folder)
    with pytest.raises(UserError) as info:
        import_case_folder(store, folder)
    assert str(info.value) == (
        f"{folder / 'case.toml'}: TOML syntax error: Illegal character '\\n' (at line 15, column 19)"
    )
    assert error_text(info.value, "zh_CN") == (
        f"{folder / 'case.toml'}：TOML 语法错误（第 15 行第 19 列）：非法字符 '\\n'"
    )


def test_unknown_keys_warn_in_chinese(tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    _replace('seller = "Best Outdoor Store"', 'sellr = "Best Outdoor Store"')(folder)
    r = run("--lang", "zh_CN", "import", str(folder), data_dir=tmp_path / "data")
    assert r.returncode == 0, r.stderr
    assert "listings[1]：未知的键“sellr”，已忽略" in r.stderr, r.stderr


def test_cli_import_refuses_in_the_chosen_language(tmp_path: Path) -> None:
    good = make_folder(tmp_path / "good")
    bad = make_folder(tmp_path / "bad")
    _replace("classes = [25, 18]", "classes = [25, 99]")(bad)
    data = tmp_path / "data"
    zh = run("--lang", "zh_CN", "import", str(bad), str(good), data_dir=data)
    assert zh.returncode == 2
    assert zh.stdout.strip().isdigit()  # the good folder is imported, the bad one is not
    line = zh.stderr.strip().splitlines()[-1]
    assert (
        line == f"evidence-desk: {bad / 'case.toml'}：rights[1].classes：99 不是尼斯分类号（应为 1 至 45）"
        or (CJK.search(line) and str(bad / "case.toml") in line and "99" in line)
    ), zh.stderr
    en = run("--lang", "en", "import", str(bad), data_dir=data)
    assert en.returncode == 2
    assert en.stderr.strip().endswith("rights[1].classes: 99 is not a Nice class (1 to 45)"), en.stderr
    # `check FOLDER` imports the folder first: its refusal is said in the same language
    check = run("--lang", "zh_CN", "check", str(bad), data_dir=data)
    assert check.returncode == 2 and "不是尼斯分类号" in check.stderr, check.stderr
