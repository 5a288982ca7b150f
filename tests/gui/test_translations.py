"""The Chinese interface is complete: every GUI string is in the .ts, translated, with the same placeholders,
and the shipped .qm is the one compiled from it."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "evidence_desk_zh_CN.ts"
PLACEHOLDER = re.compile(r"%(?:\d+|n|p%?)")


def messages(path: Path):
    """(context, source, translation forms, unfinished, numerus) for every message of a .ts file."""
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name")
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            numerus = msg.get("numerus") == "yes"
            forms = [f.text or "" for f in tr.findall("numerusform")] if numerus else [tr.text or ""]
            yield (
                name,
                msg.findtext("source"),
                forms,
                tr.get("type") in ("unfinished", "vanished", "obsolete"),
                numerus,
            )


def test_no_unfinished_or_empty_translation():
    left = [
        f"{ctx}: {src!r}"
        for ctx, src, forms, unfinished, _ in messages(TS)
        if unfinished or not all(f.strip() for f in forms)
    ]
    assert not left, f"{len(left)} untranslated in {TS.name}:\n" + "\n".join(left)


def test_translations_keep_the_placeholders_of_their_source():
    wrong = []
    for ctx, src, forms, unfinished, numerus in messages(TS):
        if unfinished:  # reported by the test above
            continue
        want = sorted(PLACEHOLDER.findall(src))
        for form in forms:
            got = sorted(PLACEHOLDER.findall(form))
            if got != want:
                wrong.append(f"{ctx}: {src!r} has {want}, translation {form!r} has {got}")
        if numerus:
            assert "%n" in src, f"{ctx}: numerus message without %n: {src!r}"
    assert not wrong, "\n".join(wrong)


def test_placeholder_check_catches_a_dropped_and_an_added_placeholder(tmp_path):
    """The check above is not vacuous: a broken copy of the file fails it."""
    text = TS.read_text(encoding="utf-8")
    broken = text.replace("<translation>尚未保存：%1</translation>", "<translation>尚未保存</translation>", 1)
    broken = broken.replace(
        "<translation>正在检查…</translation>", "<translation>正在检查 %2…</translation>", 1
    )
    assert broken.count("尚未保存") and broken != text
    path = tmp_path / "broken.ts"
    path.write_text(broken, encoding="utf-8")
    bad = [
        src
        for _, src, forms, unfinished, _ in messages(path)
        for f in forms
        if not unfinished
        if sorted(PLACEHOLDER.findall(f)) != sorted(PLACEHOLDER.findall(src))
    ]
    assert sorted(bad) == ["Checking…", "Not saved yet: %1"]


def _qt_tool(name: str) -> str | None:
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else shutil.which(name)


def test_every_gui_string_is_in_the_ts_file(tmp_path):
    """lupdate over the GUI sources finds nothing new: the .ts was updated after the last string change."""
    lupdate = _qt_tool("pyside6-lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "desktop_app" / "gui").glob("*.py"))
    run = subprocess.run(
        [lupdate, "-no-obsolete", *sources, "-ts", str(copy)], capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr
    known = {(c, s) for c, s, *_ in messages(TS)}
    new = [f"{c}: {s!r}" for c, s, *_ in messages(copy) if (c, s) not in known]
    assert not new, "GUI strings missing from the .ts (run lupdate, then translate):\n" + "\n".join(new)
    assert {(c, s) for c, s, *_ in messages(copy)} == known, (
        "the .ts holds strings the GUI no longer has (run lupdate -no-obsolete)"
    )


def test_shipped_qm_matches_the_ts(qapp):
    """The .qm the app loads gives every translation of the .ts (it was compiled after the last edit)."""
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load("evidence_desk_zh_CN", str(TS.parent))
    stale = []
    for ctx, src, forms, _, numerus in messages(TS):
        if numerus:
            got, want = translator.translate(ctx, src, None, 1), forms[0]  # %n is filled in by tr(), not here
        else:
            got, want = translator.translate(ctx, src), forms[0]
        if got != want:
            stale.append(f"{ctx}: {src!r}: .qm has {got!r}, .ts has {want!r}")
    assert not stale, "run pyside6-lrelease:\n" + "\n".join(stale[:20])


def test_records_panel_in_chinese_shows_no_stored_ids(qtbot, window, store, tmp_path):
    """Column titles, the moment a revision was frozen, the decision and its reason are shown translated,
    not as the ids the store keeps ("export", "declined", "other")."""
    from desktop_app.core.outcomes import record_decision, record_submission
    from tests.gui.test_case_records import _exported_case

    case_id = _exported_case(store, tmp_path)
    record_submission(store, case_id, "IPP-42", export_version=2)
    record_decision(store, case_id, False, "other")
    window.set_language("zh_CN")
    window.case_list.refresh()
    window.editor.load(case_id)
    records = window.editor.records
    headers = [records.exports.horizontalHeaderItem(c).text() for c in range(records.exports.columnCount())]
    assert headers == ["版本", "导出时间", "签名者", "修订版", "SHA-256", "文件"]
    frozen = [records.revisions.item(i).text() for i in range(records.revisions.count())]
    assert len(frozen) == 2 and all(t.endswith("导出时冻结") for t in frozen), frozen
    text = records.submission.text()
    assert "处理结果：已驳回" in text and "— 其他原因" in text, text
    assert not re.search(r"\b(declined|other|export|submission)\b", text)
