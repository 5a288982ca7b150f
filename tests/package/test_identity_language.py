"""Refusals of signing identities and of the files they are read from are said in the user's language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop_app.core.errors import NotFoundError
from desktop_app.core.messages import error_text
from desktop_app.core.package import signing
from desktop_app.core.package.trust import TrustStoreError

CJK = re.compile(r"[\u4e00-\u9fff]")


def _latin_words(text: str, *quoted: str) -> set[str]:
    for part in sorted(quoted, key=len, reverse=True):
        text = text.replace(part, "")
    return set(re.findall(r"[A-Za-z]{2,}", text)) - {"PKCS", "SHA", "RSA", "EC"}


def test_unreadable_p12_is_refused_in_chinese(tmp_path: Path) -> None:
    bogus = tmp_path / "company.p12"
    bogus.write_bytes(b"not a PKCS#12 file at all")
    with pytest.raises(signing.IdentityError) as info:
        signing.import_identity(tmp_path / "data", bogus, "passphrase-1234")
    assert str(info.value) == f"{bogus}: not a readable PKCS#12 (.p12/.pfx) file."
    zh = error_text(info.value, "zh_CN")
    assert zh == f"{bogus}：不是可读取的 PKCS#12（'.p12/.pfx'）文件。"


def test_missing_p12_and_folder_are_refused_in_chinese(tmp_path: Path) -> None:
    with pytest.raises(signing.IdentityError) as info:
        signing.import_identity(tmp_path / "data", tmp_path / "nope.p12", "passphrase-1234")
    assert str(info.value) == f"{tmp_path / 'nope.p12'}: the file does not exist."
    assert error_text(info.value, "zh_CN") == f"{tmp_path / 'nope.p12'}：文件不存在。"
    with pytest.raises(signing.IdentityError) as info:
        signing.import_identity(tmp_path / "data", tmp_path, "passphrase-1234")
    assert error_text(info.value, "zh_CN") == f"{tmp_path}：是文件夹，不是文件。"


def test_identity_lookups_in_chinese(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError) as none:
        signing.find_identity(tmp_path)
    assert "evidence-desk identity create" in str(none.value)
    zh = error_text(none.value, "zh_CN")
    assert CJK.search(zh) and not _latin_words(zh, "evidence-desk identity create"), zh
    with pytest.raises(NotFoundError) as named:
        signing.find_identity(tmp_path, "Jane Doe")
    zh = error_text(named.value, "zh_CN")
    assert (
        "“Jane Doe”" in zh
        and CJK.search(zh)
        and not _latin_words(zh, "Jane Doe", str(signing.identities_root(tmp_path)))
    ), zh
    with pytest.raises(signing.IdentityError) as bad:
        signing.normalise_fingerprint("AB:CD")
    assert str(bad.value) == "'AB:CD' is not a SHA-256 fingerprint (64 hexadecimal digits expected)."
    zh = error_text(bad.value, "zh_CN")
    assert CJK.search(zh) and not _latin_words(zh, "AB:CD"), zh


def test_trust_file_refusal_in_chinese(tmp_path: Path) -> None:
    from desktop_app.core.package import trust

    with pytest.raises(TrustStoreError) as info:
        trust.load_certificate_file(tmp_path)
    assert str(info.value) == f"{tmp_path}: a folder, not a file."
    assert error_text(info.value, "zh_CN") == f"{tmp_path}：是文件夹，不是文件。"
