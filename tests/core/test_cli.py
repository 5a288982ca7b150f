"""The command line as a user runs it: a real process, real data directory, exit codes, stderr."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.core.test_case_folder import make_folder


def run(
    *args: str, data_dir: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    full_env = dict(os.environ, **(env or {}))
    cmd = [sys.executable, "-m", "desktop_app"]
    if data_dir is not None:
        cmd += ["--data-dir", str(data_dir)]
    return subprocess.run(cmd + list(args), capture_output=True, text=True, env=full_env, timeout=120)


def test_import_cases_show_export_folder(tmp_path: Path) -> None:
    data = tmp_path / "data"
    folder = make_folder(tmp_path)
    r = run("import", str(folder), data_dir=data)
    assert r.returncode == 0, r.stderr
    case_id = r.stdout.strip()
    assert case_id.isdigit()

    r = run("cases", data_dir=data)
    assert r.returncode == 0 and r.stdout.splitlines()[0].split("\t")[0] == case_id

    r = run("show", case_id, "--format", "json", data_dir=data)
    shown = json.loads(r.stdout)
    assert shown["complainant"]["role"] == "agent"
    assert shown["rights"][0]["registration_number"] == "6123456"

    r = run("show", case_id, data_dir=data)
    assert "KESTRELINE" in r.stdout and "Brand Shield Legal LLP" in r.stdout

    out = tmp_path / "out"
    r = run("export-folder", case_id, str(out), data_dir=data)
    assert r.returncode == 0, r.stderr
    assert (out / "case.toml").is_file() and (out / "files" / "listing.png").is_file()


def test_data_dir_from_environment(tmp_path: Path) -> None:
    data = tmp_path / "env-data"
    r = run("import", str(make_folder(tmp_path)), env={"EVIDENCE_DESK_DATA_DIR": str(data)})
    assert r.returncode == 0, r.stderr
    assert (data / "cases.db").is_file() and (data / "vault").is_dir()


def test_bad_input_exit_2_one_line(tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    (folder / "files" / "certificate.pdf").write_bytes(b"")
    r = run("import", str(folder), data_dir=tmp_path / "data")
    assert r.returncode == 2
    assert r.stdout == ""
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "certificate.pdf" in lines[0] and "empty" in lines[0]
    assert "Traceback" not in r.stderr


def test_unknown_case_and_bad_usage(tmp_path: Path) -> None:
    r = run("show", "999", data_dir=tmp_path / "data")
    assert r.returncode == 2 and "no case '999'" in r.stderr
    r = run("frobnicate", data_dir=tmp_path / "data")
    assert r.returncode == 2
    r = run("--help")
    assert r.returncode == 0 and "import" in r.stdout
    for sub in ("import", "cases", "show", "export-folder"):
        assert run(sub, "--help").returncode == 0


def test_a_bug_is_logged_not_shown(tmp_path: Path) -> None:
    """An unexpected exception: one sentence on stderr naming the log, the traceback only in the log."""
    data = tmp_path / "data"
    code = (
        "import sys, desktop_app.cli.cases as cases\n"
        "def broken(args):\n"
        "    raise RuntimeError('simulated defect')\n"
        "cases.cmd_cases = broken\n"
        "from desktop_app.cli import main\n"
        "raise SystemExit(main(sys.argv[1:]))\n"
    )
    r = subprocess.run(
        [sys.executable, "-c", code, "--data-dir", str(data), "cases"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 70
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1
    log = data / "logs" / "evidence-desk.log"
    assert str(log) in r.stderr and "simulated defect" in r.stderr
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "RuntimeError: simulated defect" in text
