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


def _chinese_only(text: str) -> None:
    """Every line says its words in Chinese: what stays in Latin letters are ids, numbers, marketplace keys
    and file names the line quotes."""
    for line in text.strip().splitlines():
        assert CJK.search(line), line
        words = set(
            re.findall(r"[A-Za-z]{3,}", re.sub(r"'[^']*'|--[\w-]+|\S+\.(?:png|zip)\b|https?://\S+", "", line))
        )
        assert words <= {"IPP", "taobao", "evidence", "desk", "check"}, (line, words)


def test_batches_filed_and_decided_listing_by_listing_in_chinese(tmp_path: Path) -> None:
    from desktop_app.core.store import Store
    from tests.core.test_batches import IDS, _case

    data = tmp_path / "data"
    with Store(data) as store:
        case_id = str(_case(store))
    zh = ("--lang", "zh_CN")
    batch = ("--marketplace", "taobao", "--batch")
    r = run(*zh, "submit", case_id, "--number", "IPP-1", *batch, "1", data_dir=data)
    assert r.returncode == 0, r.stderr
    assert (
        "第 1 批（300 个商品链接）已作为投诉 IPP-1 提交到 taobao" in r.stdout and "案件现为只读" in r.stdout
    )
    _chinese_only(r.stdout)
    r = run(*zh, "submit", case_id, "--number", "IPP-3", *batch, "1", data_dir=data)
    assert r.returncode == 2 and "taobao的第 1 批已经提交过" in r.stderr and "Traceback" not in r.stderr
    r = run(*zh, "submit", case_id, "--number", "IPP-3", *batch, "3", data_dir=data)
    assert r.returncode == 2 and "没有第 3 批（共 2 批）" in r.stderr
    assert run(*zh, "submit", case_id, "--number", "IPP-2", *batch, "2", data_dir=data).returncode == 0

    r = run(
        *zh, "decide", case_id, "--declined", "--reason", "No proof", "--listing", IDS[300], data_dir=data
    )
    assert r.returncode == 2 and "--listing 需要 --number" in r.stderr
    r = run(*zh, "decide", case_id, "--accepted", "--number", "IPP-2", "--listing", IDS[0], data_dir=data)
    assert r.returncode == 2 and f"商品链接 {IDS[0]} 不在投诉 IPP-2 中" in r.stderr
    r = run(*zh, "decide", case_id, "--declined", "--number", "IPP-2", "--listing", IDS[300], data_dir=data)
    assert r.returncode == 2 and f"请填写平台驳回 {IDS[300]} 的理由" in r.stderr
    declined = ("--declined", "--reason", "insufficient_rights_proof", "--number", "IPP-2")
    r = run(*zh, "decide", case_id, *declined, "--listing", IDS[300], data_dir=data)
    assert r.returncode == 0, r.stderr
    assert "投诉 IPP-2 中的 1 个商品链接已驳回" in r.stdout
    assert "投诉 IPP-2：共 1 个商品链接，0 个已受理，1 个已驳回，0 个待处理" in r.stdout
    _chinese_only(r.stdout)
    listings = [a for lid in IDS[:300] for a in ("--listing", lid)]
    r = run(*zh, "decide", case_id, "--accepted", "--number", "IPP-1", *listings, data_dir=data)
    assert r.returncode == 0, r.stderr
    assert "投诉 IPP-1：共 300 个商品链接，300 个已受理，0 个已驳回，0 个待处理" in r.stdout
    assert "所有已提交的商品链接均已有处理结果；案件已驳回" in r.stdout
    _chinese_only(r.stdout)
    # the same records in English, the ids and numbers unchanged
    r = run(
        "--lang",
        "en",
        "decide",
        case_id,
        "--accepted",
        "--number",
        "IPP-1",
        "--listing",
        IDS[0],
        data_dir=data,
    )
    assert r.returncode == 2 and f"listing {IDS[0]} was already decided" in r.stderr
    r = run(*zh, "reopen", case_id, "--reason", "the marketplace asked for more", data_dir=data)
    assert r.returncode == 0 and "已重新开启" in r.stdout
    _chinese_only(r.stdout)


def test_filing_sheet_chrome_in_chinese(tmp_path: Path) -> None:
    data = tmp_path / "data"
    r = run("--lang", "zh_CN", "import", str(demo_case_dir()), data_dir=data)
    assert r.returncode == 0, r.stderr
    r = run("--lang", "zh_CN", "filing-sheet", "1", "--marketplace", "ebay", data_dir=data)
    assert r.returncode == 2 and "案件 ED-2026-00001 在 ebay 上没有商品链接（其平台：aliexpress）" in r.stderr
    r = run("--lang", "en", "filing-sheet", "1", "--marketplace", "ebay", data_dir=data)
    assert r.returncode == 2 and "has no listing on ebay (its marketplaces: aliexpress)" in r.stderr
    folder = _defect_case(tmp_path)
    r = run("--lang", "zh_CN", "import", str(folder), data_dir=data)
    ref_id = r.stdout.strip()
    r = run("--lang", "zh_CN", "filing-sheet", ref_id, data_dir=data)
    assert r.returncode == 1 and r.stdout == ""
    assert "尚不可提交" in r.stderr and "只为可提交的案件生成投诉表单" in r.stderr
    assert "evidence-desk check ED-2026-00002" in r.stderr


def test_attach_screenshots_in_chinese(tmp_path: Path) -> None:
    from desktop_app.core.store import Store
    from tests.checks.test_screenshot_assignment import IDS, _case, _shots

    data = tmp_path / "data"
    with Store(data) as store:
        case_id = _case(store)
    shots = _shots(tmp_path)
    out = run(
        "--lang",
        "zh_CN",
        "attach-screenshots",
        str(case_id),
        *map(str, shots),
        str(tmp_path / "missing.png"),
        data_dir=data,
    )
    assert out.returncode == 1, out.stderr
    assert f"shot-0.png -> 商品链接 3（{IDS[2]}）" in out.stdout
    assert "shot-2.png：未关联：未显示本案任何商品链接的编号（显示的是 1005001111222233）" in out.stdout
    assert "已关联 2 个，1 个待指定，1 个被拒收" in out.stdout
    _chinese_only(out.stdout)
    assert "missing.png" in out.stderr and CJK.search(out.stderr)


def test_identity_export_records_and_audit_in_chinese(tmp_path: Path) -> None:
    from desktop_app.core.store import Store
    from tests.package.builders import PASSPHRASE, make_case

    data = tmp_path / "data"
    with Store(data) as store:
        case = make_case(store, tmp_path / "src", cjk=False)
    ref = case.reference
    zh = ("--lang", "zh_CN")
    pw = tmp_path / "pass.txt"
    pw.write_text(PASSPHRASE + "\n")
    r = run(
        *zh,
        "identity",
        "create",
        "--name",
        "Li Wei",
        "--org",
        "Acme",
        "--passphrase-file",
        str(pw),
        data_dir=data,
    )
    assert r.returncode == 0, r.stderr
    assert "已创建签名身份“Li Wei”" in r.stdout and "SHA-256 指纹：" in r.stdout
    r = run(*zh, "identity", "list", data_dir=data)
    assert "自签名" in r.stdout and "有效期至 " in r.stdout and "self-signed" not in r.stdout
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    (tmp_path / "out").mkdir()
    r = run(
        *zh, "export", ref, "--out", str(tmp_path / "out"), "--passphrase-file", str(empty), data_dir=data
    )
    assert r.returncode == 2 and "口令文件为空" in r.stderr

    r = run(
        *zh,
        "export",
        ref,
        "--out",
        str(tmp_path / "out"),
        "--allow-blockers",
        "--passphrase-file",
        str(pw),
        data_dir=data,
    )
    assert r.returncode == 0, r.stderr
    assert "提交包第 1 版，案件修订版 1" in r.stdout and "由 Li Wei 于" in r.stdout
    package = r.stdout.splitlines()[0]
    assert package.endswith(f"{ref}-v1.zip")  # file names and ids never change with the language
    r = run(*zh, "timestamp", "request", package, "--out", str(tmp_path / "r.tsq"), data_dir=data)
    assert r.returncode == 0 and "请求针对提交包签名的 SHA-256" in r.stdout, r.stderr

    assert run(*zh, "submit", ref, "--number", "IPP-7", data_dir=data).returncode == 0
    r = run(*zh, "show", ref, data_dir=data)
    assert r.returncode == 0, r.stderr
    assert f"案件 {case.id}  {ref}  [已提交]  只读（已提交）" in r.stdout
    assert "提交包第 1 版：" in r.stdout and "投诉 IPP-7" in r.stdout and "  标题：" in r.stdout
    for english in ("Package v", "Revisions:", "Submitted:", "Listing 1", "Title:", "Last check"):
        assert english not in r.stdout, english
    en = run("--lang", "en", "show", ref, data_dir=data)
    assert "[submitted]  read-only (submitted)" in en.stdout and "Package v1:" in en.stdout
    r = run(*zh, "cases", data_dir=data)
    assert r.stdout.startswith(f"{case.id}\t{ref}\tsubmitted\t")  # the columns stay machine-readable
    r = run(*zh, "audit", "verify", data_dir=data)
    assert r.returncode == 0 and r.stdout.startswith("完好：")
    r = run(*zh, "reopen", ref, "--reason", "typo", data_dir=data)
    r = run(*zh, "delete", ref, data_dir=data)
    assert r.returncode == 2 and "没有 --yes 时拒绝删除" in r.stderr
    r = run(*zh, "delete", ref, "--yes", data_dir=data)
    assert r.returncode == 0 and f"已删除案件 {case.id}" in r.stdout


def test_filing_statement_speaks_the_language_asked(tmp_path: Path) -> None:
    r = run("--lang", "zh_CN", "filing-statement", str(demo_case_dir()), "--show", data_dir=tmp_path / "data")
    assert r.returncode == 0, r.stderr
    assert "采用的英文侵权说明 — 根据检查所确认的事实自动生成：" in r.stdout
    assert "采用的中文侵权说明" in r.stdout and "第 1/1 批" in r.stdout
    assert "statement as filed" not in r.stdout
    r = run("filing-statement", "ED-2026-00001", "--set-file", str(tmp_path / "none.txt"), "--lang", "en",
            data_dir=tmp_path / "data", env={"LANG": "zh_CN.UTF-8"})  # fmt: skip
    assert r.returncode == 2 and "无法读取" in r.stderr and "none.txt" in r.stderr
