"""The user guide shipped in resources/guide/: both languages exist, are substantial, share one structure,
explain every finding code, and render offline in the Help window."""

from __future__ import annotations

import re

import pytest

from desktop_app.core.checks.findings import CODES
from desktop_app.core.resources import resources_dir

LANGUAGES = ("en", "zh_CN")
_FENCE = re.compile(r"^(```|~~~)")
_HEADING = re.compile(r"^(#{1,6})\s+\S")
_TABLE_RULE = re.compile(r"^\|(\s*:?-{3,}:?\s*\|)+\s*$")


def _text(language: str) -> str:
    return (resources_dir() / "guide" / f"user-guide.{language}.md").read_text(encoding="utf-8")


def structure(markdown: str) -> dict[str, list]:
    """Heading levels in order, table column counts and code blocks, outside fenced code only."""
    headings: list[int] = []
    tables: list[int] = []
    code_blocks = 0
    in_code = False
    for line in markdown.splitlines():
        if _FENCE.match(line):
            in_code = not in_code
            code_blocks += not in_code
            continue
        if in_code:
            continue
        m = _HEADING.match(line)
        if m:
            headings.append(len(m.group(1)))
        elif _TABLE_RULE.match(line.strip()):
            tables.append(line.strip().count("|") - 1)
    assert not in_code, "an unclosed code fence"
    return {"headings": headings, "tables": tables, "code_blocks": [code_blocks]}


def test_structure_counts_headings_outside_code_only() -> None:
    md = "# A\n\n```sh\n# a shell comment\n```\n\n## B\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    assert structure(md) == {"headings": [1, 2], "tables": [2], "code_blocks": [1]}


@pytest.mark.parametrize("language", LANGUAGES)
def test_guide_is_written_and_substantial(language: str) -> None:
    text = _text(language)
    assert len(text) > 6000, f"the {language} guide holds only {len(text)} characters"
    assert "being written" not in text.lower() and "正在编写" not in text
    levels = structure(text)["headings"]
    assert levels.count(1) == 1 and levels[0] == 1, "one title, first"
    assert levels.count(2) >= 4 and levels.count(3) >= 15


def test_both_languages_have_the_same_structure() -> None:
    en, zh = structure(_text("en")), structure(_text("zh_CN"))
    for level in range(1, 4):
        assert en["headings"].count(level) == zh["headings"].count(level), f"level-{level} headings differ"
    assert en == zh


@pytest.mark.parametrize("language", LANGUAGES)
def test_guide_explains_every_finding_code(language: str) -> None:
    text = _text(language)
    missing = [code for code in CODES if f"`{code}`" not in text]
    assert not missing, f"the {language} guide does not mention {missing}"
    # every code the guide names in backquotes is a real one (no invented codes)
    named = set(re.findall(r"`((?:case|listing|mark|right|complainant|evidence)\.[a-z_]+)`", text))
    named.discard("case.toml")  # the case folder's file, not a code
    assert named <= set(CODES), f"unknown codes in the {language} guide: {sorted(named - set(CODES))}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_guide_needs_no_network(language: str) -> None:
    text = _text(language)
    assert "![" not in text, "no images: the guide is read offline"
    assert not re.search(r"\]\((?:https?:)?//", text), "no remote links"


def test_chinese_guide_is_a_translation_in_the_professions_terms() -> None:
    text = _text("zh_CN")
    for term in ("商标", "注册号", "文件包", "阻断项", "权利人", "授权书", "投诉", "权利库", "人工确认"):
        assert term in text, term
    prose = "\n".join(
        line for line in re.sub(r"```.*?```", "", text, flags=re.S).splitlines() if not line.startswith("|")
    )
    cjk = len(re.findall(r"[\u4e00-\u9fff]", prose))
    latin = len(re.findall(r"[A-Za-z]", prose))
    assert cjk > latin, f"mostly English prose: {cjk} CJK against {latin} Latin letters"


@pytest.mark.parametrize("language", LANGUAGES)
def test_guide_renders_in_the_help_window(qtbot, language: str) -> None:
    from PySide6.QtGui import QTextTable

    from desktop_app.gui.guide import GuideDialog, guide_path

    assert guide_path(language).name == f"user-guide.{language}.md"
    dialog = GuideDialog(language)
    qtbot.addWidget(dialog)
    document = dialog.browser.document()
    levels = []
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel():
            levels.append(block.blockFormat().headingLevel())
        block = block.next()
    expected = structure(_text(language))
    assert levels == expected["headings"], "Qt's Markdown reader sees other headings than the file has"
    # (the frames, not QTextCursor.currentTable(): that returns None unowned, and the interpreter dies)
    tables = [f for f in document.rootFrame().childFrames() if isinstance(f, QTextTable)]
    assert len(tables) == len(expected["tables"]), "a table did not render as a table"
    plain = dialog.browser.toPlainText()
    assert "listing.id_not_shown" in plain and "**" not in plain
