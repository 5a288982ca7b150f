"""Letters of authorization / powers of attorney from a rights holder to an agent (English or Chinese)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from tests.factories.layout import A4, Ellipse, Page, Rule, degrade, image_pdf, render_image, render_pdf


@dataclass
class AuthorizationSpec:
    principal: str = "Kestreline Apparel Inc."  # the rights holder granting the authority
    principal_address: str = "100 Main Street, Portland, Oregon 97201, United States"
    agent: str = "Harrow & Pike LLP"
    agent_address: str = "2 Fleet Place, London EC4M 7ET, United Kingdom"
    marks: list[str] = field(default_factory=lambda: ["KESTRELINE"])
    registrations: list[tuple[str, str]] = field(default_factory=lambda: [("USPTO", "6,123,456")])
    marketplaces: list[str] = field(default_factory=lambda: ["AliExpress", "Amazon", "eBay", "Taobao"])
    issue_date: dt.date = dt.date(2025, 1, 15)
    valid_until: dt.date | None = dt.date(2027, 12, 31)
    signatory: str = "Jordan Avery"
    signatory_title: str = "General Counsel"
    signed: bool = True


def _cn(d: dt.date) -> str:
    return f"{d.year}年{d.month:02d}月{d.day:02d}日"


def _en(spec: AuthorizationSpec) -> Page:
    p = Page()
    p.text(105, 28, "LETTER OF AUTHORIZATION", 18, bold=True, align="C")
    p.text(105, 36, "(Power of Attorney)", 11, align="C")
    p.cursor = 48
    p.flow(20, f"Date: {spec.issue_date.strftime('%d %B %Y')}", 10.5, gap=4)
    p.flow(20, f"Principal (rights holder): {spec.principal}", 10.5, width=170)
    p.flow(20, f"Address: {spec.principal_address}", 10.5, width=170, gap=4)
    p.flow(20, f"Agent: {spec.agent}", 10.5, width=170)
    p.flow(20, f"Address: {spec.agent_address}", 10.5, width=170, gap=5)
    p.flow(
        20,
        f"{spec.principal}, the owner of the trademarks listed below, hereby authorizes {spec.agent} to act "
        f"on its behalf to file, manage and withdraw intellectual property infringement complaints on "
        f"{', '.join(spec.marketplaces)} and other online marketplaces, and to communicate with the "
        "platforms about those complaints.",
        10.5,
        width=170,
        gap=5,
    )
    p.flow(20, "Trademarks covered by this authorization:", 10.5, bold=True)
    for mark in spec.marks:
        regs = "; ".join(f"{office} Reg. No. {number}" for office, number in spec.registrations)
        p.flow(26, f"- {mark}: {regs}", 10.5, width=164)
    p.skip(4)
    if spec.valid_until:
        p.flow(
            20, f"This authorization is valid until {spec.valid_until.strftime('%d %B %Y')}.", 10.5, width=170
        )
    else:
        p.flow(20, "This authorization remains valid until revoked in writing.", 10.5, width=170)
    p.skip(18)
    if spec.signed:
        p.text(
            24,
            p.cursor - 3,
            spec.signatory.split()[0][0] + ". " + spec.signatory.split()[-1],
            16,
            color=(20, 40, 140),
        )
    p.items.append(Rule(20, p.cursor, 90, p.cursor, 0.3))
    p.flow(20, f"{spec.signatory}, {spec.signatory_title}", 10.5)
    p.flow(20, f"For and on behalf of {spec.principal}", 10.5)
    return p


def _zh(spec: AuthorizationSpec) -> Page:
    p = Page()
    p.text(105, 30, "授权委托书", 22, align="C")
    p.cursor = 45
    p.flow(20, f"授权人（委托人）：{spec.principal}", 12, width=170, gap=2)
    p.flow(20, f"地址：{spec.principal_address}", 12, width=170, gap=5)
    p.flow(20, f"被授权人（受托人）：{spec.agent}", 12, width=170, gap=2)
    p.flow(20, f"地址：{spec.agent_address}", 12, width=170, gap=5)
    regs = "；".join(f"{office} 注册号 {number}" for office, number in spec.registrations)
    marks = "、".join(spec.marks)
    p.flow(
        20,
        f"兹授权被授权人代表授权人，就授权人所有的“{marks}”商标（{regs}），在"
        f"{'、'.join(spec.marketplaces)}等电子商务平台提交、管理及撤回知识产权侵权投诉，并与平台沟通相关事宜。",
        12,
        width=170,
        gap=5,
    )
    if spec.valid_until:
        p.flow(20, f"本授权有效期至{_cn(spec.valid_until)}。", 12, width=170, gap=5)
    else:
        p.flow(20, "本授权长期有效，直至书面撤销。", 12, width=170, gap=5)
    p.skip(12)
    p.flow(110, f"授权人：{spec.principal}", 12, width=85, gap=2)
    p.flow(110, f"签字：{spec.signatory}" if spec.signed else "签字：", 12, gap=2)
    p.flow(110, f"日期：{_cn(spec.issue_date)}", 12)
    if spec.signed:
        p.items.append(Ellipse(140, p.cursor - 32, 36, 36, 1.0))
    return p


def authorization_page(spec: AuthorizationSpec, lang: str = "en") -> Page:
    if lang not in ("en", "zh"):
        raise ValueError(f"unsupported language {lang!r}")
    return _zh(spec) if lang == "zh" else _en(spec)


def make_authorization_pdf(
    spec: AuthorizationSpec,
    path: str | Path,
    *,
    lang: str = "en",
    scanned: bool = False,
    rotate_deg: float = 0.0,
    blur: float = 0.0,
    dpi: int = 150,
    seed: int = 0,
) -> Path:
    path = Path(path)
    page = authorization_page(spec, lang)
    if scanned:
        image_pdf(
            [degrade(render_image(page, dpi), rotate_deg=rotate_deg, blur=blur, seed=seed)], path, page_mm=A4
        )
    else:
        render_pdf([page], path, title="Letter of authorization")
    return path
