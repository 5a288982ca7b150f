"""Findings in the window's language: in Chinese, the checks panel (list, detail, summary) and the
listing dialog's refusal carry no English finding text; the codes stay as they are."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop_app.core.resources import demo_case_dir
from tests.checks.builders import untranslated_words

CJK = re.compile(r"[\u4e00-\u9fff]")
ItemRole = Qt.ItemDataRole.UserRole + 10


def _defect_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "defect_case"
    shutil.copytree(demo_case_dir(), folder)
    toml = (folder / "case.toml").read_text(encoding="utf-8")
    toml = toml.replace('registration_number = "6123456"', 'registration_number = "6123457"')
    toml = toml.replace("1005006123456789", "1005009999999999")  # the screenshot shows another listing
    toml = toml.replace("classes = [25]", "classes = [25, 9]")
    (folder / "case.toml").write_text(toml, encoding="utf-8")
    return folder


def _findings(panel) -> list:  # noqa: ANN001 - the ChecksPanel
    out = []
    for g in range(panel.model.rowCount()):
        group = panel.model.item(g)
        for r in range(group.rowCount()):
            item = group.child(r, 0)
            value = item.data(ItemRole)
            if value is not None and hasattr(value, "code"):
                assert item.toolTip() == item.text()  # shown whole in the tooltip, in the same language
                out.append((item.text(), group.child(r, 1).text(), value))
    return out


def _run_checks(qtbot, window, case_id: int):  # noqa: ANN001, ANN202
    window.case_list.refresh()
    window.case_list.select_case(case_id)
    panel = window.checks
    with qtbot.waitSignal(panel.report_ready, timeout=120000) as signal:
        qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    return panel, signal.args[0]


@pytest.mark.parametrize("which", ["demo", "defect"])
def test_checks_panel_in_chinese_shows_no_english_finding_text(qtbot, window, store, tmp_path, which) -> None:
    from desktop_app.core.case_folder import import_case_folder

    folder = demo_case_dir() if which == "demo" else _defect_folder(tmp_path)
    case_id = import_case_folder(store, folder)
    window.set_language("zh_CN")
    panel, report = _run_checks(qtbot, window, case_id)
    assert CJK.search(panel.summary.text()), panel.summary.text()
    rows = _findings(panel)
    assert [code for _t, code, _f in rows] == [f.code for f in report.sorted_findings()]
    if which == "demo":
        assert report.verdict == "ready" and rows == []
        return
    codes = {code for _t, code, _f in rows}
    assert {"right.registration_number_mismatch", "listing.id_mismatch"} <= codes
    for text, _code, finding in rows:
        assert CJK.search(text) and text != finding.message, text
        assert not untranslated_words(finding), (finding.code, text)
    # the detail pane of the selected finding says it in Chinese too; the code is shown as it is
    index = panel.finding_index("listing.id_mismatch")
    panel.tree.setCurrentIndex(index)
    detail = panel.detail.toPlainText()
    assert "listing.id_mismatch" in detail and "本案投诉的是商品 1005009999999999" in detail
    # back in English the same findings read in English, codes unchanged
    window.set_language("en")
    qtbot.waitUntil(lambda: bool(_findings(window.checks)), timeout=60000)
    english = _findings(window.checks)
    assert [c for _t, c, _f in english] == [c for _t, c, _f in rows]
    assert all(not CJK.search(t.replace("“", "")) and t == f.message for t, _c, f in english)


def test_listing_dialog_refusal_in_chinese(qtbot, window) -> None:
    from desktop_app.core.model import Listing
    from desktop_app.gui.listing_dialog import ListingDialog

    window.set_language("zh_CN")
    dialog = ListingDialog(Listing("javascript:alert(1)"), window)
    qtbot.addWidget(dialog)
    dialog.url.setText("https://example.com/item/1")
    assert "不是 Evidence Desk 支持的平台" in dialog.parsed.text() and "全球速卖通" in dialog.parsed.text()


def test_progress_labels_from_core_show_in_the_window_language(qtbot, window) -> None:
    from desktop_app.core.messages import said
    from desktop_app.gui.workers import TaskRunner
    from tests.gui.conftest import wait_task

    seen: list[str] = []
    runner = TaskRunner()

    def work(progress, cancel):  # noqa: ANN001, ARG001
        progress(0.5, said("progress.reading_file", name="listing.png"))
        progress(1.0, said("progress.exported"))

    for language, expected in (("zh_CN", ["正在读取 listing.png", "导出完成"]), ("en", ["Exported"])):
        window.set_language(language)
        seen.clear()
        task = runner.start(work, "progress")
        task.signals.progress.connect(lambda _f, label: seen.append(label))
        wait_task(qtbot, task)
        assert all(text in seen for text in expected), seen
