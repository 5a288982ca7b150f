"""The message catalogue: every sentence core shows a person, by key, with named parameters, per language.

Templates live in ``resources/i18n/messages.<language>.json`` (English is the source; every other
catalogue has the same keys and the same placeholders). A template is ``str.format`` text with named
fields and three extensions, all in the field's format spec:

* ``{marks:or}`` (also ``and``, ``comma``, ``semi``): a list joined the language's way;
* ``{place:@place}``: the value is itself a key under a prefix (``place.address bar``), or a
  display name (``@marketplace``, ``@office``, ``@status``) when the catalogue has no such key, or
  a Nice class's heading (``@nice``); both combine: ``{markets:comma@marketplace}``;
* a value that is ``{"key": ..., "params": {...}}`` (made by :func:`msg`) is rendered in the same
  language first, so sentences are built from translated parts.

Qt-free: the CLI, the window and the reports use the same catalogue. A finding stores its key and its
params (JSON-safe) and its English text, so old readers keep working.
"""

from __future__ import annotations

import os
import string
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from desktop_app.core.resources import load_json

SOURCE_LANGUAGE = "en"
LANGUAGES = ("en", "zh_CN")
JOINS = ("and", "or", "comma", "semi")
DISPLAY_KINDS = ("marketplace", "office", "status", "severity")


@lru_cache(maxsize=8)
def catalogue(language: str) -> dict[str, str]:
    """The templates of ``language`` (key -> template); English for an unknown language."""
    language = language if language in LANGUAGES else SOURCE_LANGUAGE
    data = load_json("i18n", f"messages.{language}.json")
    return {k: v for k, v in data.items() if not k.startswith("_")}


def msg(key: str, **params: Any) -> dict[str, Any]:
    """A message as a parameter of another (rendered in the outer message's language)."""
    return {"key": key, "params": params}


def normalize_language(name: str | None) -> str:
    """'zh_CN', 'zh_CN.UTF-8', 'zh-Hans', 'zh' -> 'zh_CN'; anything else (or nothing) -> 'en'."""
    if not name:
        return SOURCE_LANGUAGE
    base = name.split(".")[0].split("@")[0].replace("-", "_")
    if base in LANGUAGES:
        return base
    return "zh_CN" if base.lower().startswith("zh") else SOURCE_LANGUAGE


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The language of the POSIX locale variables (LC_ALL, then LC_MESSAGES, then LANG)."""
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if value and value not in ("C", "POSIX"):
            return normalize_language(value)
        if value:
            return SOURCE_LANGUAGE
    return SOURCE_LANGUAGE


class _Formatter(string.Formatter):
    def __init__(self, language: str) -> None:
        self.language = language

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, dict) and "key" in value:
            value = render(value["key"], value.get("params") or {}, self.language)
        how, _at, kind = format_spec.partition("@")
        if how in JOINS:
            items = value if isinstance(value, (list, tuple)) else [value]
            parts = [self.format_field(v, f"@{kind}" if kind else "") for v in items]
            return join(parts, how, self.language)
        if not how and kind:
            return self._named(kind, value)
        if isinstance(value, (list, tuple)):
            return join([self.format_field(v, "") for v in value], "comma", self.language)
        return super().format_field(value, format_spec)

    def _named(self, kind: str, value: Any) -> str:
        text = str(value)
        found = catalogue(self.language).get(f"{kind}.{text}")
        if found is not None:
            return found
        if kind == "nice":  # a Nice class's short heading
            from desktop_app.core.goods_classes import class_heading

            try:
                if self.language == "zh_CN":
                    return class_heading(int(text), "zh")
                short = class_heading(int(text)).split(";")[0]
            except ValueError:
                return text
            return short[0].lower() + short[1:]
        if kind in DISPLAY_KINDS:
            from desktop_app.core.display_names import display_name

            return display_name(kind, text, self.language)
        return text


def join(parts: list[str], how: str, language: str = SOURCE_LANGUAGE) -> str:
    """Items joined the language's way: 'a, b or c' / 'a、b或c'."""
    data = load_json("i18n", f"messages.{language if language in LANGUAGES else SOURCE_LANGUAGE}.json")
    source = load_json("i18n", f"messages.{SOURCE_LANGUAGE}.json")
    sep = data.get(f"_join.{how}.sep", source[f"_join.{how}.sep"])
    last = data.get(f"_join.{how}.last", source[f"_join.{how}.last"])
    if len(parts) <= 1:
        return "".join(parts)
    return sep.join(parts[:-1]) + last + parts[-1]


def render(key: str, params: Mapping[str, Any] | None = None, language: str = SOURCE_LANGUAGE) -> str:
    """The message ``key`` with ``params`` in ``language`` (English where the catalogue lacks it).

    Raises KeyError for a key no catalogue has, or a parameter the template needs and was not given:
    both are bugs in the caller, and the tests render every finding they produce.
    """
    params = dict(params or {})
    template = catalogue(language).get(key)
    if template is None:
        language = SOURCE_LANGUAGE
        template = catalogue(SOURCE_LANGUAGE)[key]
    return _Formatter(language).vformat(template, (), params)


def render_safe(key: str, params: Mapping[str, Any] | None, language: str, fallback: str) -> str:
    """``render``, or ``fallback`` (the English text stored with it) when the key or a param is missing."""
    try:
        return render(key, params, language)
    except (KeyError, IndexError, ValueError, TypeError):
        return fallback


class Said(str):
    """A sentence in English that keeps its catalogue key and params, so that any language can say it.

    For text that travels through interfaces typed ``str`` (progress labels): whoever only prints it
    prints English; whoever knows the reader's language calls :func:`text_in`.
    """

    key: str = ""
    params: dict[str, Any]


def said(key: str, **params: Any) -> Said:
    """Catalogue message ``key`` as a :class:`Said`: English text that remembers how it was made."""
    text = Said(render(key, params))
    text.key, text.params = key, params
    return text


def text_in(text: str, language: str = SOURCE_LANGUAGE) -> str:
    """``text`` in ``language`` when it is a :class:`Said`, else as it is."""
    return _said(getattr(text, "key", ""), getattr(text, "params", {}), language, str(text))


def _said(key: str, params: Mapping[str, Any] | None, language: str, english: str) -> str:
    """What was said in English (``english``), in ``language`` when its catalogue key is known."""
    if not key or language == SOURCE_LANGUAGE:
        return english
    return render_safe(key, params, language, english)


def placeholders(template: str) -> list[tuple[str, str]]:
    """The (field name, format spec) pairs of a template, sorted: what each translation must keep."""
    fields = string.Formatter().parse(template)
    return sorted({(name, spec or "") for _lit, name, spec, _conv in fields if name is not None})


def finding_text(finding: Any, language: str = SOURCE_LANGUAGE) -> str:
    """A Finding's message in ``language``: rendered from its key and params, else its stored text."""
    return _said(getattr(finding, "message_key", ""), finding.params, language, finding.message)


def error_text(exc: BaseException, language: str = SOURCE_LANGUAGE) -> str:
    """A UserError's sentence in ``language`` (its English text when it carries no catalogue key)."""
    return _said(getattr(exc, "key", ""), getattr(exc, "params", {}), language, str(exc))
