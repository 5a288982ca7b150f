"""Fill the unfinished entries of a Qt .ts file from a JSON map {source: translation}.

    python scripts/fill_ts.py resources/translations/evidence_desk_zh_CN.ts MAP.json

The key is the exact source text (XML-unescaped, newlines as in the source). A key of the form
"Context|source" applies to that context only and wins over a bare key. A value may be a list for a
numerus message (one string per plural form; Chinese has one). A translation whose %N placeholders differ
from its source's is refused and left unfinished. Prints what was filled and what is still unfinished.
"""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

_PLACEHOLDER = re.compile(r"%(?:\d+|n|p%?)")
_MESSAGE = re.compile(r"<context>\s*<name>(?P<ctx>.*?)</name>|(?P<msg><message\b.*?</message>)", re.S)
_SOURCE = re.compile(r"<source>(.*?)</source>", re.S)
_UNFINISHED = re.compile(r'<translation type="unfinished">(?P<body>.*?)</translation>', re.S)
_NUMERUS = re.compile(r"<numerusform>.*?</numerusform>", re.S)


def placeholders(text: str) -> list[str]:
    return sorted(_PLACEHOLDER.findall(text))


def fill(ts_text: str, mapping: dict[str, str | list[str]]) -> tuple[str, int, list[str]]:
    filled, problems, context = 0, [], ""

    def one(match: re.Match[str]) -> str:
        nonlocal filled, context
        if match.group("ctx") is not None:
            context = html.unescape(match.group("ctx"))
            return match.group(0)
        msg = match.group("msg")
        unfinished = _UNFINISHED.search(msg)
        if unfinished is None:
            return msg
        source = html.unescape(_SOURCE.search(msg).group(1))
        value = mapping.get(f"{context}|{source}", mapping.get(source))
        if value is None:
            return msg
        forms = value if isinstance(value, list) else [value]
        for form in forms:
            if placeholders(form) != placeholders(source):
                problems.append(f"{context}: placeholders differ: {source!r} -> {form!r}")
                return msg
        body = unfinished.group("body")
        if "<numerusform>" in body:
            slots = _NUMERUS.findall(body)
            texts = iter(forms + [forms[-1]] * (len(slots) - len(forms)))
            new_body = _NUMERUS.sub(
                lambda _m: f"<numerusform>{html.escape(next(texts), quote=False)}</numerusform>", body
            )
        else:
            new_body = html.escape(forms[0], quote=False)
        filled += 1
        return msg[: unfinished.start()] + f"<translation>{new_body}</translation>" + msg[unfinished.end() :]

    return _MESSAGE.sub(one, ts_text), filled, problems


def main(argv: list[str]) -> int:
    ts_path, map_path = Path(argv[1]), Path(argv[2])
    mapping = json.loads(map_path.read_text(encoding="utf-8"))
    text, filled, problems = fill(ts_path.read_text(encoding="utf-8"), mapping)
    ts_path.write_text(text, encoding="utf-8")
    for p in problems:
        print(p)
    left = text.count('type="unfinished"')
    print(f"filled {filled}, unfinished left {left}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
