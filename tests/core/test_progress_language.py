"""Progress labels are said in the reader's language: every label core reports while a case folder is
imported, checked (with OCR), exported and verified is a catalogue message, and reads in Chinese."""

from __future__ import annotations

import os
import pty
import re
import sys
from pathlib import Path

from desktop_app.core.case_folder import import_case_folder
from desktop_app.core.checks.engine import check_case
from desktop_app.core.messages import Said, text_in
from desktop_app.core.package import signing
from desktop_app.core.package.export import export_case
from desktop_app.core.package.verify import verify_package
from desktop_app.core.resources import demo_case_dir

CJK = re.compile(r"[\u4e00-\u9fff]")
PASSPHRASE = "progress passphrase"


def test_every_progress_label_of_the_workflow_reads_in_chinese(store, data_dir: Path, tmp_path: Path) -> None:
    labels: list[str] = []

    def record(_fraction: float, label: str) -> None:
        labels.append(label)

    case_id = import_case_folder(store, demo_case_dir(), progress=record)
    report = check_case(store, case_id, progress=record)
    signing.create_identity(data_dir, "Li Wei", "Acme Brand Ltd.", PASSPHRASE)
    identity = signing.load_identity(data_dir, None, PASSPHRASE)
    result = export_case(store, case_id, tmp_path / "out.zip", identity, report=report, progress=record)
    verify_package(result.path, progress=record)

    assert len(labels) > 10
    plain = sorted({label for label in labels if not isinstance(label, Said)})
    assert plain == [], f"progress labels with no catalogue key: {plain}"
    for label in set(labels):
        chinese = text_in(label, "zh_CN")
        assert CJK.search(chinese), (label, chinese)
        assert text_in(label, "en") == label


def test_cli_prints_progress_in_the_language_asked(tmp_path: Path) -> None:
    """The CLI's progress line (shown only on a terminal) follows --lang: run under a pseudo-terminal."""
    command = [sys.executable, "-m", "desktop_app", "--data-dir", str(tmp_path / "data"), "--lang", "zh_CN"]
    command += ["check", str(demo_case_dir())]
    pid, fd = pty.fork()
    if pid == 0:  # the child: its stdout and stderr are the terminal
        os.execv(sys.executable, command)
    out = bytearray()
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the terminal closes when the child ends
            break
        if not chunk:
            break
        out += chunk
    _pid, status = os.waitpid(pid, 0)
    text = out.decode("utf-8", "replace")
    assert os.waitstatus_to_exitcode(status) == 0, text[-800:]
    shown = [m.strip() for m in re.findall(r"\d+\.\d% ([^\r\n]*)", text)]
    assert len(shown) > 5 and "检查完成" in shown, text[-800:]
    assert [label for label in shown if not CJK.search(label)] == []
