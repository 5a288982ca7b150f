"""`--lang` and the locale: findings, verdicts and refusals in the user's language, codes unchanged."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from desktop_app.core.resources import demo_case_dir
from tests.core.test_cli import run

CJK = re.compile(r"[\u4e00-\u9fff]")


def _finding_lines(stdout: str) -> list[tuple[str, str]]:
    """(code, message) of each finding line of `check` text output (the last line is the verdict)."""
    out = []
    for line in stdout.strip().splitlines()[:-1]:
        m = re.match(r"^\S+\s+([a-z_]+\.[a-z_]+)\s+(.*)$", line)
        assert m, line
        out.append((m.group(1), m.group(2)))
    return out


def _defect_case(tmp_path: Path) -> Path:
    folder = tmp_path / "defect_case"
    shutil.copytree(demo_case_dir(), folder)
    toml = (folder / "case.toml").read_text(encoding="utf-8")
    toml = toml.replace('registration_number = "6123456"', 'registration_number = "6123457"')
    toml = toml.replace("1005006123456789", "1005009999999999")  # the screenshot shows another listing
    toml = toml.replace("classes = [25]", "classes = [25, 9]")
    (folder / "case.toml").write_text(toml, encoding="utf-8")
    return folder


def test_demo_case_in_chinese_and_english(tmp_path: Path) -> None:
    data = tmp_path / "data"
    zh = run("--lang", "zh_CN", "check", str(demo_case_dir()), data_dir=data)
    assert zh.returncode == 0, zh.stderr
    assert "可以提交" in zh.stdout and "READY" not in zh.stdout
    en = run("--lang", "en", "check", "ED-2026-00001", data_dir=data)
    assert en.returncode == 0 and "READY - 0 blockers, 0 warnings, 0 info" in en.stdout


def test_defect_case_chinese_messages_same_codes(tmp_path: Path) -> None:
    data = tmp_path / "data"
    folder = _defect_case(tmp_path)
    zh = run("--lang", "zh_CN", "check", str(folder), data_dir=data)
    assert zh.returncode == 1, zh.stderr
    reference = zh.stdout.strip().splitlines()[-1].split("：")[0]
    en = run("--lang", "en", "check", reference, data_dir=data)
    assert en.returncode == 1
    zh_lines, en_lines = _finding_lines(zh.stdout), _finding_lines(en.stdout)
    codes = [code for code, _m in en_lines]
    assert {"right.registration_number_mismatch", "listing.id_mismatch"} <= set(codes)
    assert [code for code, _m in zh_lines] == codes  # codes never change with the language
    for (_code, zh_text), (_c, en_text) in zip(zh_lines, en_lines, strict=True):
        assert CJK.search(zh_text) and not CJK.search(en_text.replace("“", ""))
        assert zh_text != en_text
    assert "尚不可提交" in zh.stdout.splitlines()[-1]
    # JSON stays the public, English shape whatever the language; the params and keys travel with it
    js = json.loads(run("--lang", "zh_CN", "check", reference, "--format", "json", data_dir=data).stdout)
    assert [f["code"] for f in js["findings"]] == codes
    assert all(f["message_key"] and not CJK.search(f["message"]) for f in js["findings"])


def test_locale_decides_without_lang_and_refusals_follow_it(tmp_path: Path) -> None:
    data = tmp_path / "data"
    r = run("show", "999", data_dir=data, env={"LANG": "zh_CN.UTF-8", "LC_ALL": ""})
    assert r.returncode == 2 and "没有案件“999”" in r.stderr
    r = run("--lang", "en", "show", "999", data_dir=data, env={"LANG": "zh_CN.UTF-8"})
    assert r.returncode == 2 and "no case '999'" in r.stderr
    r = run("--lang", "klingon", "show", "999", data_dir=data)
    assert r.returncode == 2 and "unknown language" in r.stderr
    folder = tmp_path / "bad"
    shutil.copytree(demo_case_dir(), folder)
    (folder / "files" / "listing.png").write_bytes(b"")
    r = run("--lang", "zh_CN", "check", str(folder), data_dir=data)
    assert r.returncode == 2 and "listing.png" in r.stderr and "文件为空" in r.stderr
