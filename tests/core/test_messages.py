"""The message catalogue: complete in every language, same placeholders, renders nested parts."""

from __future__ import annotations

import json
import re

import pytest

from desktop_app.core.checks.findings import CODES, Finding
from desktop_app.core.messages import (
    LANGUAGES,
    finding_text,
    language_from_environment,
    msg,
    placeholders,
    render,
)
from desktop_app.core.resources import resource_path

# Words a Chinese message may keep: names of formats, tools and protocols, and the product's name.
KEPT_IN_LATIN = {
    "UTF",
    "data",
    "CMS",
    "PAdES",
    "ZIP",
    "SHA",
    "BagIt",
    "Payload",
    "Oxum",
    "CERT",
    "SHA256",
    "PDF",
    "OCR",
    "WARC",
    "WACZ",
    "SingleFile",
    "https",
    "http",
    "punycode",
    "ASCII",
    "WIPO",
    "Evidence",
    "Desk",
    "x",
    "TOML",
    "YYYY",
    "MM",
    "DD",
    "FIFO",
    "NUL",
    "Unicode",
    "GB",
    "KB",
    "MB",
    "HTML",
    "MHTML",
    "PKCS",
    "RSA",
    "EC",
}


def _raw(language: str) -> dict[str, str]:
    data = json.loads(resource_path("i18n", f"messages.{language}.json").read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if k != "_about"}


def test_every_catalogue_has_the_same_keys_and_placeholders() -> None:
    source = _raw("en")
    assert len(source) > 150
    for language in LANGUAGES:
        other = _raw(language)
        assert set(other) == set(source), language
        for key, template in source.items():
            assert placeholders(other[key]) == placeholders(template), (language, key)


def test_every_finding_code_has_a_message() -> None:
    keys = set(_raw("en"))
    for code in CODES:
        assert code in keys or any(k.startswith(code + ".") for k in keys), code


def _dummy(spec: str) -> object:
    how = spec.partition("@")[0]
    if spec == "@nice":
        return 25
    if how in ("and", "or", "comma", "semi"):
        return ["A1", "B2"]
    if spec.endswith("%"):
        return 0.5
    return "A1"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_template_renders(language: str) -> None:
    for key, template in _raw("en").items():
        if key.startswith("_"):
            continue
        params = {name: _dummy(spec) for name, spec in placeholders(template)}
        text = render(key, params, language)
        assert "{" not in text.replace("{}", ""), (key, text)


def test_chinese_templates_carry_no_english_words() -> None:
    for key, template in _raw("zh_CN").items():
        if key.startswith("_"):
            continue
        stripped = re.sub(r"\{[^}]*\}", "", template)
        # quoted commands, schemes, file names (bagit.txt, data/summary.pdf) and options (--trust)
        stripped = re.sub(
            r"'[^']*'|https?://|[\w./-]+\.(?:txt|pdf|pem|toml)\b|\.zip\b|--[\w-]+", "", stripped
        )
        words = set(re.findall(r"[A-Za-z]{2,}", stripped)) - KEPT_IN_LATIN
        assert not words, (key, words)


def test_nested_messages_and_joins_follow_the_language() -> None:
    params = {
        "right": msg("label.right_mark", n=1, mark="KESTRELINE"),
        "marketplaces": ["amazon", "aliexpress"],
    }
    assert render("case.incomplete.no_owner", params) == (
        "Right 1 (KESTRELINE) has no owner, and none could be read from a certificate; "
        "Amazon, AliExpress asks for it."
    )
    zh = render("case.incomplete.no_owner", params, "zh_CN")
    assert "权利 1（KESTRELINE）" in zh and "亚马逊、全球速卖通" in zh


def test_a_keyed_finding_keeps_english_and_renders_chinese() -> None:
    f = Finding.keyed("case.incomplete", {"n": 2}, key="case.incomplete.no_url", field="listings[1].url")
    assert f.message == "Listing 2 has no URL; paste the listing's address."
    again = Finding.from_json(json.loads(json.dumps(f.to_json())))
    assert again.message_key == "case.incomplete.no_url" and again.params == {"n": 2}
    assert finding_text(again, "zh_CN") == "商品链接 2 没有网址；请粘贴该商品页面的地址。"
    assert finding_text(again, "en") == f.message
    # a finding written before the catalogue (no key) keeps its English text in every language
    old = Finding("case.incomplete", "Listing 2 has no URL.")
    assert finding_text(old, "zh_CN") == "Listing 2 has no URL."


def test_language_from_the_environment() -> None:
    assert language_from_environment({"LANG": "zh_CN.UTF-8"}) == "zh_CN"
    assert language_from_environment({"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}) == "en"
    assert language_from_environment({"LC_MESSAGES": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}) == "zh_CN"
    assert language_from_environment({"LANG": "de_DE.UTF-8"}) == "en"
    assert language_from_environment({}) == "en"


def test_common_refusals_are_said_in_chinese(tmp_path) -> None:  # noqa: ANN001
    from desktop_app.core.errors import EvidenceError
    from desktop_app.core.intake import inspect_file
    from desktop_app.core.messages import error_text
    from desktop_app.core.package import signing

    signing.create_identity(tmp_path, "Li Wei", "Kestreline Apparel Inc.", "correct horse battery")
    with pytest.raises(signing.WrongPassphraseError) as wrong:
        signing.load_identity(tmp_path, None, "not the passphrase")
    assert "wrong passphrase for identity 'Li Wei'" in str(wrong.value)  # English, as before
    assert "签名身份“Li Wei”的口令不正确" in error_text(wrong.value, "zh_CN")
    empty = tmp_path / "shot.png"
    empty.write_bytes(b"")
    with pytest.raises(EvidenceError) as refused:
        inspect_file(empty)
    assert str(refused.value).endswith("shot.png: the file is empty")
    assert error_text(refused.value, "zh_CN").endswith("shot.png：文件为空")
