"""Letters of authorization (powers of attorney) that let an agent file complaints for a rights holder.

Reads who authorises whom (English: "Principal"/"Authorizer"/"Rights holder" and "Agent"/"Authorized
party"/"hereby authorize X"; Chinese 授权委托书: 授权人/委托人/授权方 and 被授权人/受托人/代理人), the marks
and registration numbers it covers, its issue date and how long it is valid ("valid until", 有效期至,
有效期限 自…至…).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from desktop_app.core.reading.certificates.common import (
    date_after_label,
    dates_in,
    field_from,
    find_label,
    merge_row_fragments,
    nfkc,
    owner_name,
)
from desktop_app.core.reading.certificates.fields import AuthorizationFields, Field
from desktop_app.core.reading.normalize import find_dates, legal_form, normalize_registration_number
from desktop_app.core.reading.text import DocumentText, TextLine

EXTRACTOR_VERSION = "4"  # bump when extraction changes: cached results are then re-extracted

_TITLE = re.compile(
    r"授权委托书|授权书|委托书|(?i:letter\s*of\s*authori[sz]ation|power\s*of\s*attorney|"
    r"authori[sz]ation\s*letter|letter\s*of\s*authority|certificate\s*of\s*authori[sz]ation)"
)
_PRINCIPAL = re.compile(
    r"^\s*(?:授权人|委托人|授权方|委托方|授权单位|委托单位|商标权利人|权利人|甲方|"
    r"(?i:principal|authori[sz]er|authori[sz]ing\s+party|grantor|rights?\s*holder|right\s+owner|"
    r"trade\s?mark\s+owner|owner|licensor|the\s+company))\s*(?:\(.*?\)|（.*?）)?\s*(?:名称)?\s*[:：]"
)
_AGENT = re.compile(
    r"^\s*(?:被授权人|被授权方|受托人|受托方|代理人|被委托人|被委托方|代理机构|乙方|"
    r"(?i:agent|authori[sz]ed\s+(?:party|agent|representative)|attorney(?:-in-fact)?|grantee|licensee|"
    r"representative))\s*(?:\(.*?\)|（.*?）)?\s*(?:名称)?\s*[:：]"
)
# A table row without a colon ("委托方  深圳市鹰翔科技有限公司"): Chinese labels only
_PRINCIPAL_BARE = re.compile(
    r"^\s*(?:授权人|委托人|授权方|委托方|授权单位|委托单位|商标权利人|权利人|甲方)(?:名称)?"
    r"\s+(?=[\u4e00-\u9fffA-Za-z])"
)
_AGENT_BARE = re.compile(
    r"^\s*(?:被授权人|被授权方|受托人|受托方|代理人|被委托人|被委托方|代理机构|乙方)(?:名称)?"
    r"\s+(?=[\u4e00-\u9fffA-Za-z])"
)
# The same in English ("Principal    Kestreline Apparel Inc."), believed only when a company name follows
_PRINCIPAL_BARE_EN = re.compile(
    r"(?i)^\s*(?:principal|grantor|authori[sz]ing\s+party|rights?\s*holder|right\s+owner|trade\s?mark\s+owner)"
    r"\s+(?=[^\W\d_])"
)
_AGENT_BARE_EN = re.compile(
    r"(?i)^\s*(?:agent|authori[sz]ed\s+(?:party|agent|representative)|attorney-in-fact|grantee)\s+(?=[^\W\d_])"
)


def _bare_company(lines: Sequence[TextLine], label: re.Pattern[str]) -> Field | None:
    for line in lines:
        text = nfkc(line.text)
        m = label.match(text)
        if m:
            name = owner_name(text[m.end() :])
            if name and legal_form(name):
                return field_from(line, name, m.end(), m.end() + len(name), confidence=0.9)
    return None


_HEREBY = re.compile(
    r"(?i)\b(?P<principal>.{3,120}?)\s*(?:\([^)]*\)\s*)?,?\s*(?:hereby\s*)?"
    r"(?:authori[sz]es?|appoints?)(?:\s+|(?-i:(?=[A-Z])))(?P<agent>.{3,120}?)\s*(?:\([^)]*\)\s*)?"
    r"(?:,|\bto\b|\bas\b|\bwith\b|$)"
)
_HEREBY_ZH = re.compile(
    r"(?P<principal>[^，。,:：\s]{2,60}?)(?:现)?(?:特此)?(?:授权|委托)(?P<agent>[^，。,\s]{2,60}?)"
    r"(?:为|作为|代表|全权|办理|就|，|,|$)"
)
_VALID_UNTIL = (
    r"有效期至|有效期限?至|截止日期|(?i:valid\s+(?:until|through|till|to)|expir(?:es|y|ation)(?:\s+date)?|"
    r"in\s+force\s+until|until)"
)
_PERIOD = re.compile(
    r"有效期(?:限|间)?|授权期限|委托期限|授权期间|(?i:term\s*of\s*authori[sz]ation|period\s*of\s*validity|"
    r"valid(?:ity)?\s*period|authori[sz]ation\s*period|valid\s*from|effective\s*from|term\b|"
    r"period\b|from\b.{0,30}\b(?:to|until|through)\b)"
)
_ISSUE = r"签发日期|签署日期|授权日期|日期|(?i:date\s+of\s+issue|issue\s+date|dated|signed\s+on|date)"
_NUM = r"(?:UK|EU)?(?:\d{1,3}(?:[,.]\d{3})+|\d{5,14})(?![\d,.]\d)"
_REG_NUMBER = re.compile(
    r"(?:第\s*([0-9][0-9\s]{5,12})\s*[号號])|(?i:(?:reg(?:istration)?\.?|trade\s?mark|serial|international|eutm|"
    r"eu\s*trade\s*mark|ir)\s*(?:n[o°º]s?\.?|numbers?|#)\s*[:：]?\s*("
    + _NUM
    + r"))|(?:注册号|商标注册号)\s*[:：]?\s*"
    r"([0-9][0-9\s]{5,12})|\b(UK0{3,4}\d{7})\b"
)
_MARK_LABEL = re.compile(r"^\s*(?:商标(?:名称)?|(?i:trade\s?marks?|marks?|brand(?:s)?))\s*[:：]\s*")
_QUOTED_MARK = re.compile(r"[\"“”「『《]([^\"“”」』》]{1,40})[\"“”」』》]")


def _party(lines: Sequence[TextLine], label: re.Pattern[str]) -> Field | None:
    found = find_label(lines, label, skip=re.compile(r"^(?:地址|(?i:address))"))
    if found:
        name = owner_name(found.text)
        if name:
            return field_from(found.line, name, found.start, found.start + len(name), confidence=0.95)
    return None


def _hereby_match(text: str) -> re.Match[str] | None:
    m = _HEREBY.search(text) if re.search(r"(?i)authori[sz]e|appoint", text) else None
    return m or (
        _HEREBY_ZH.search(text) if re.search(r"授权|委托", text) and not _TITLE.search(text) else None
    )


def _where(m: re.Match[str], group: str, value: str, line: TextLine, nxt: TextLine | None) -> Field:
    """Provenance of a group matched in ``line`` or, when the text was joined, in the next line."""
    n = len(line.text)
    start, end = m.start(group), min(m.end(group), n)
    if nxt is not None and start >= n:
        return field_from(nxt, value, confidence=0.7)
    return field_from(line, value, min(start, n), max(min(start, n), end), confidence=0.75)


# "We, Kestreline Apparel Inc., a Delaware corporation, ..." opening the sentence that authorizes
_WE = re.compile(r"(?i)(?:^|[.;]\s+)(?:we|i)\s*,\s*(?P<name>[^\W\d_].{2,160})")
# What a "hereby" match picks up when the principal was named lines earlier ("the owner of Reg. No. ...")
_NOT_A_NAME = re.compile(r"(?i)^(?:the\s+)?(?:owner|proprietor|holder|registrant)\s+of\b|registration\s+n")


# A legal form with the next word glued on by OCR ("BrandshieldLegal LLPtoactonourbehalf")
_GLUED_FORM = re.compile(r"(?:Inc\.|Corp\.|LLC|LLP|Ltd(?!a)\.?|GmbH|S\.p\.A\.|有限公司)(?=,|[a-z])")


def _unglue(name: str) -> str:
    m = _GLUED_FORM.search(name)
    return name[: m.end()] if m else name


def _we_party(lines: Sequence[TextLine], i: int) -> Field | None:
    """The party named by "We, <name>, ..." on the verb's line or up to three lines above it."""
    for line in reversed(lines[max(0, i - 3) : i + 1]):
        m = _WE.search(nfkc(line.text))
        if m:
            name = _unglue(owner_name(m.group("name")))
            if name:
                start = m.start("name")
                return field_from(line, name, start, start + len(name), confidence=0.75)
    for line in reversed(lines[max(0, i - 3) : i]):  # "Kestreline Apparel Inc. (the Company), owner of..."
        name = owner_name(nfkc(line.text))
        if name and legal_form(name) and not _NOT_A_NAME.search(name):
            return field_from(line, name, 0, len(name), confidence=0.7)
    return None


def _hereby(lines: Sequence[TextLine]) -> tuple[Field | None, Field | None]:
    """ "X hereby authorizes Y to ..." / "X 兹授权 Y ...", on one line or running on to the next."""
    for i, line in enumerate(lines):
        text = nfkc(line.text)
        m = _hereby_match(text)
        joined = False
        verb_here = re.search(r"(?i)authori[sz]e|appoint|授权|委托", text) and not _TITLE.search(text)
        verb_next = i + 1 < len(lines) and re.match(
            r"(?i)^\s*(?:hereby\s+)?(?:authori[sz]e|appoint)|^\s*(?:兹|特此)?授权", nfkc(lines[i + 1].text)
        )
        if (
            (m is None or len(m.group("agent").strip()) < 3)
            and i + 1 < len(lines)
            and (verb_here or verb_next)
        ):
            text = text + " " + nfkc(lines[i + 1].text)
            m = _hereby_match(text)
            joined = True
        if not m:
            continue
        principal = _unglue(
            owner_name(re.sub(r"(?i)^(?:we|i|the\s+undersigned)[, ]*", "", m.group("principal")))
        )
        agent = _unglue(owner_name(m.group("agent")))
        if re.fullmatch(r"(?i)\s*hereby\s*", principal or ""):
            principal = ""
        if re.fullmatch(r"(?i)(?:we|i|the\s+undersigned|本公司|我公司|我司)", principal or ""):
            principal = ""
        nxt = lines[i + 1] if joined else None
        if not principal or _NOT_A_NAME.search(principal):
            we = _we_party(lines, i)
            if we is not None:
                return we, (_where(m, "agent", agent, line, nxt) if agent else None)
        return (
            _where(m, "principal", principal, line, nxt) if principal else None,
            _where(m, "agent", agent, line, nxt) if agent else None,
        )
    return None, None


_UNTIL_ONLY = re.compile(r"有效期(?:限)?至|(?i:valid\s+(?:until|through|till|to)\b)")
_OTHER_DATE_LABEL = re.compile(r"^\s*(?:日期|签署日期|签发日期|(?i:date|dated|signed))\b")


def _period(lines: Sequence[TextLine], out: AuthorizationFields) -> None:
    """ "Valid until X", or a period "from X to Y" / "自X至Y" that may run over two or three lines."""
    out.valid_until = date_after_label(lines, _VALID_UNTIL, "dmy", lookahead=1)
    for i, line in enumerate(lines):
        text = nfkc(line.text)
        if not _PERIOD.search(text) or _UNTIL_ONLY.search(text):
            continue
        found: list[tuple[TextLine, object, int, int]] = []
        for k, ln in enumerate(lines[i : i + 3]):
            if k and (_OTHER_DATE_LABEL.match(nfkc(ln.text)) or _PERIOD.search(nfkc(ln.text))):
                break
            found.extend((ln, d, s, e) for d, s, e in dates_in(ln, "dmy"))
            if len(found) >= 2:
                break
        if len(found) >= 2:
            ln, d, s, e = found[0]
            out.valid_from = field_from(ln, d, s, e, raw=ln.text[s:e])
            if out.valid_until is None or out.valid_until.value == d:
                ln, d, s, e = found[1]
                out.valid_until = field_from(ln, d, s, e, raw=ln.text[s:e])
            return


_LABEL_AT_END = re.compile(
    r"(?:注册号|商标注册号|第|(?i:reg(?:istration)?\.?\s*nos?\.?|registration\s+numbers?|"
    r"trade\s?mark\s+nos?\.?))\s*[:：]?\s*$"
)


def _numbers(lines: Sequence[TextLine]) -> Field | None:
    values: list[str] = []
    raws: list[str] = []
    first: TextLine | None = None
    for i, line in enumerate(lines):
        text = nfkc(line.text)
        if _LABEL_AT_END.search(text) and i + 1 < len(lines):
            text = text + " " + nfkc(lines[i + 1].text)  # "...注册号" / "29633764）..." wrapped by the layout
        for m in _REG_NUMBER.finditer(text):
            raw = next(g for g in m.groups() if g)
            # a list "Reg. Nos. 6,123,456 and 6,234,567" names several
            tail = text[m.end() :]
            extra = []
            while more := re.match(r"\s*(?:,|and|&|、|及|和|;)\s*(" + _NUM + ")", tail):
                extra.append(more.group(1))
                tail = tail[more.end() :]
            for r in [raw, *extra]:
                value = normalize_registration_number(r)
                if value and value not in values:
                    values.append(value)
                    raws.append(r.strip())
                    first = first or line
    if not values or first is None:
        return None
    return field_from(first, values, raw="; ".join(raws), confidence=0.95)


_BULLET_MARK = re.compile(
    r"^\s*(?:[-•·*▪]|\d{1,2}[.)])\s*([^:：;,]{1,40}?)\s*[:：(（-]\s*.*?(?:reg|n[o0]\.|number|注册|第)",
    re.IGNORECASE,
)


def _marks(lines: Sequence[TextLine]) -> Field | None:
    found = find_label(lines, _MARK_LABEL, same_line_only=True)
    if found:
        marks = [m.strip(" \"'“”《》") for m in re.split(r"[,，;；、/]|\band\b", found.text) if m.strip()]
        marks = [m for m in marks if not re.search(r"\d{5,}", m)]
        if marks:
            return field_from(found.line, marks, found.start, confidence=0.95)
    bullets: list[str] = []
    first: TextLine | None = None
    for line in lines:  # "- KESTRELINE: USPTO Reg. No. 6,123,456"
        m = _BULLET_MARK.match(nfkc(line.text))
        if m and m.group(1).strip() not in bullets:
            bullets.append(m.group(1).strip())
            first = first or line
    if bullets and first is not None:
        return field_from(first, bullets, confidence=0.9)
    for line in lines:
        quoted = [q.strip() for q in _QUOTED_MARK.findall(nfkc(line.text)) if q.strip()]
        if quoted and re.search(r"(?i)mark|商标|brand", line.text):
            return field_from(line, quoted, confidence=0.8)
    return None


def extract_authorization(doc: DocumentText) -> AuthorizationFields:
    """The facts on an authorization letter, each with provenance; never raises on odd input."""
    if not doc.ok:
        return AuthorizationFields(notes=[doc.message or "The document could not be read."])
    lines = merge_row_fragments(doc.lines())
    if not lines:
        return AuthorizationFields(notes=["No text could be read from the document."])
    text = "\n".join(ln.text for ln in lines)
    cjk = len(re.findall(r"[\u4e00-\u9fff]", text))
    latin = len(re.findall(r"[A-Za-z]", text))
    out = AuthorizationFields(language="zh" if cjk >= 0.3 * (cjk + latin) and cjk >= 4 else "en")
    out.principal = (
        _party(lines, _PRINCIPAL)
        or _party(lines, _PRINCIPAL_BARE)
        or _bare_company(lines, _PRINCIPAL_BARE_EN)
    )
    out.agent = _party(lines, _AGENT) or _party(lines, _AGENT_BARE) or _bare_company(lines, _AGENT_BARE_EN)
    if out.principal is None or out.agent is None:
        principal, agent = _hereby(lines)
        out.principal = out.principal or principal
        out.agent = out.agent or agent
    _period(lines, out)
    issue = date_after_label(lines, _ISSUE, "dmy", lookahead=1)
    if (
        issue is not None
        and not (out.valid_until and issue.value == out.valid_until.value)
        and not (
            out.valid_from
            and issue.value == out.valid_from.value
            and issue.source_text == out.valid_from.source_text
        )
    ):
        out.issue_date = issue
    if out.issue_date is None:  # the last date on the letter is usually the signature date
        for line in reversed(lines):
            found = find_dates(line.text, "dmy")
            if found and not re.search(_VALID_UNTIL, line.text) and not _PERIOD.search(line.text):
                d, (s, e) = found[-1]
                out.issue_date = field_from(line, d, s, e, raw=line.text[s:e], confidence=0.6)
                break
    out.registration_numbers = _numbers(lines)
    out.marks = _marks(lines)
    titled = any(_TITLE.search(ln.text) for ln in lines)
    out.recognised = bool(titled or out.agent) and (out.principal is not None or out.agent is not None)
    if not titled:
        out.notes.append("The document does not call itself a letter of authorization.")
    if out.valid_until is None and re.search(r"(?i)until\s+revoked|长期有效|直至.{0,6}撤销", text):
        out.notes.append("The authorization states no end date: it is valid until revoked.")
    return out
