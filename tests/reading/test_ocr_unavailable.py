"""A broken OCR installation stops the checks with one sentence and caches nothing as unreadable."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desktop_app.core.resources import demo_case_dir


# Runs the real CLI where the OCR package cannot be imported (as on a damaged install): a package of that
# name that fails on import comes first on the path of the CLI and of its reader worker processes.
def test_check_refuses_clearly_and_caches_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    broken = tmp_path / "broken" / "rapidocr_onnxruntime"
    broken.mkdir(parents=True)
    (broken / "__init__.py").write_text("raise ImportError('damaged installation')\n", encoding="utf-8")
    path = os.pathsep.join([str(broken.parent), os.environ.get("PYTHONPATH", "")])
    r = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--data-dir", str(data), "check", str(demo_case_dir())],
        capture_output=True,
        text=True,
        timeout=300,
        env=dict(os.environ, PYTHONPATH=path),
    )
    assert r.returncode == 2, r.stdout + r.stderr
    assert "OCR engine cannot be loaded" in r.stderr and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1

    from desktop_app.core.store import Store

    with Store(data) as store:
        cached = [row["result"] for row in store.db.query("SELECT result FROM reading_cache")]
        assert all('"unreadable"' not in text for text in cached)
        assert store.last_check(1) is None  # no verdict was recorded from half-read evidence
