#!/usr/bin/env python3
"""Write a labelled evaluation set for the checks: case folders plus labels.json.

    python scripts/make_eval_set.py OUT [--seed 7] [--quick]

Each case is a realistic case folder (case.toml + certificate, screenshots, photos, letters) across
marketplaces and offices, in English and Chinese. A defect case has exactly one defect planted; its
label names the finding code the checks must report. Clean cases include the hard ones: the mark only
on the product image, ASINs full of 0/O, agents with valid letters, scanned certificates, mobile
screenshots. labels.json: {"cases": {name: {"planted": code | null, "clean": bool, "tags": [...]}}}.

The documents come from tests/factories (the same generators the tests use); run from the repository.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import json
import random
import shutil
import string
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import tomli_w  # noqa: E402

from tests.factories.authorization import AuthorizationSpec, make_authorization_pdf  # noqa: E402
from tests.factories.certificates import CertificateSpec, make_certificate_pdf  # noqa: E402
from tests.factories.screenshots import ScreenshotSpec, make_listing_screenshot, make_product_photo  # noqa: E402

FILING = dt.date(2026, 11, 20)


@dataclass
class Brand:
    mark: str
    owner: str
    classes: list[int]
    goods: str
    product: str  # factory drawing: jacket | box | shoe
    title_en: str  # "{m}" is replaced by the mark as shown
    title_zh: str
    address: str = "100 Main Street, Portland, OREGON 97201"


BRANDS = [
    Brand(
        "KESTRELINE",
        "Kestreline Apparel Inc.",
        [25],
        "Jackets; coats; trousers; headwear",
        "jacket",
        "{m} Men's Waterproof Hooded Jacket Windbreaker Outdoor Coat",
        "{m} 男士防水连帽夹克 户外冲锋衣外套",
    ),
    Brand(
        "NORDVIK",
        "Nordvik Outdoor AB",
        [25],
        "Footwear; running shoes; boots",
        "shoe",
        "{m} Trail Running Shoes Men Breathable Sneakers",
        "{m} 越野跑鞋 男款透气运动鞋",
        "Sveavägen 44, 111 34 Stockholm",
    ),
    Brand(
        "LUMORA",
        "Lumora Beauty Ltd.",
        [3],
        "Cosmetics; skin care preparations; serums",
        "box",
        "{m} Hydrating Face Serum 30ml Vitamin C Skin Care",
        "{m} 补水精华液 30ml 维C护肤",
        "12 Berkeley Square, London W1J 6BS",
    ),
    Brand(
        "VOLTARIX",
        "Voltarix Technology Co., Ltd.",
        [9],
        "Portable power banks; battery chargers",
        "box",
        "{m} 20000mAh Power Bank Fast Charging Portable Charger",
        "{m} 充电宝 20000毫安 快充 移动电源",
        "8 Keji Road, Nanshan District, Shenzhen",
    ),
    Brand(
        "红隼",
        "深圳市红隼服饰有限公司",
        [25],
        "服装；夹克；外套；帽子",
        "jacket",
        "{m} Men's Hooded Jacket",
        "{m} 男士防水连帽夹克 户外冲锋衣外套",
        "深圳市南山区科技园路8号",
    ),
]


@dataclass
class Market:
    key: str
    office: str
    lang: str
    url: str  # with {id}
    make_id: Any
    shown_as: Any = None  # id as printed on the page (default: the id)
    designations: list[str] = field(default_factory=list)


def _digits(r: random.Random, n: int) -> str:
    return str(r.randint(1, 9)) + "".join(r.choice(string.digits) for _ in range(n - 1))


def _asin(r: random.Random, confusable: bool = False) -> str:
    pool = (
        "0O" * 4 + string.digits + string.ascii_uppercase
        if confusable
        else string.digits + string.ascii_uppercase
    )
    body = "".join(r.choice(pool) for _ in range(8))
    return "B0" + body


MARKETS = [
    Market(
        "aliexpress",
        "USPTO",
        "en",
        "https://www.aliexpress.com/item/{id}.html",
        lambda r: "100500" + _digits(r, 10),
    ),
    Market("amazon-us", "USPTO", "en", "https://www.amazon.com/dp/{id}", _asin),
    Market("amazon-uk", "UKIPO", "en", "https://www.amazon.co.uk/dp/{id}", _asin),
    Market("amazon-de", "EUIPO", "en", "https://www.amazon.de/dp/{id}", _asin),
    Market("ebay", "USPTO", "en", "https://www.ebay.com/itm/{id}", lambda r: _digits(r, 12)),
    Market("taobao", "CNIPA", "zh", "https://item.taobao.com/item.htm?id={id}", lambda r: _digits(r, 12)),
    Market("tmall", "CNIPA", "zh", "https://detail.tmall.com/item.htm?id={id}", lambda r: _digits(r, 12)),
    Market("1688", "CNIPA", "zh", "https://detail.1688.com/offer/{id}.html", lambda r: _digits(r, 12)),
    Market(
        "alibaba",
        "WIPO",
        "en",
        "https://www.alibaba.com/product-detail/Outdoor-Jacket_{id}.html",
        lambda r: _digits(r, 11),
    ),
    Market(
        "walmart", "USPTO", "en", "https://www.walmart.com/ip/Outdoor-Jacket/{id}", lambda r: _digits(r, 9)
    ),
    Market(
        "mercadolibre",
        "WIPO",
        "en",
        "https://articulo.mercadolibre.com.mx/MLM-{id}-chamarra-_JM",
        lambda r: _digits(r, 10),
        designations=["CN", "EM", "MX", "US"],
    ),
    Market(
        "etsy", "EUIPO", "en", "https://www.etsy.com/listing/{id}/outdoor-jacket", lambda r: _digits(r, 10)
    ),
    Market(
        "temu", "USPTO", "en", "https://www.temu.com/outdoor-jacket-g-{id}.html", lambda r: _digits(r, 15)
    ),
    Market(
        "shopee",
        "WIPO",
        "en",
        "https://shopee.sg/Outdoor-Jacket-i.{id}",
        lambda r: _digits(r, 9) + "." + _digits(r, 11),
        designations=["SG", "EM", "CN"],
    ),
]
_MARKET = {m.key: m for m in MARKETS}

NUMBERS = {
    "USPTO": lambda r: f"{r.randint(5, 7)},{r.randint(100, 999)},{r.randint(100, 999)}",
    "EUIPO": lambda r: "0" + _digits(r, 8),
    "UKIPO": lambda r: "UK0000" + _digits(r, 7),
    "CNIPA": lambda r: _digits(r, 8),
    "WIPO": lambda r: _digits(r, 7),
}
AGENT = "Harrow & Pike LLP"
OTHER_OWNER = "Falconridge Trading Co., Ltd."


@dataclass
class Scenario:
    name: str
    market: str
    brand: int = 0
    planted: str | None = None
    tags: list[str] = field(default_factory=list)
    agent: bool = False
    scanned_cert: bool = False
    scanned_auth: bool = False
    mobile: bool = False
    mark_only_on_product: bool = False
    confusable_id: bool = False
    product_photo: bool = False
    genuine_photo: bool = False
    variant: int = 1  # which form of the defect (e.g. a tiny or a blurred screenshot)


def _entered_number(printed: str) -> str:
    return printed


def _swap(number: str) -> str:
    """The same number with two adjacent digits swapped (a typo that changes it)."""
    chars = list(number)
    idx = [i for i, c in enumerate(chars) if c.isdigit()]
    for a, b in zip(reversed(idx[:-1]), reversed(idx[1:]), strict=True):
        if chars[a] != chars[b]:
            chars[a], chars[b] = chars[b], chars[a]
            return "".join(chars)
    chars[idx[-1]] = str((int(chars[idx[-1]]) + 1) % 10)
    return "".join(chars)


def _registration_date(r: random.Random) -> dt.date:
    return dt.date(r.randint(2018, 2024), r.randint(1, 12), r.randint(1, 28))


def build_case(out: Path, sc: Scenario, r: random.Random) -> dict[str, Any]:
    """Write one case folder; returns its label."""
    m = _MARKET[sc.market]
    brand = BRANDS[sc.brand]
    if m.lang != "zh" and brand.mark == "红隼":
        brand = BRANDS[0]
    folder = out / sc.name
    files = folder / "files"
    files.mkdir(parents=True, exist_ok=True)
    d = sc.planted

    listing_id = _asin(r, confusable=True) if sc.confusable_id else m.make_id(r)
    url = m.url.format(id=listing_id)
    mark = brand.mark
    title_tpl = brand.title_zh if m.lang == "zh" else brand.title_en
    shown_mark = mark
    product_text = mark
    product = brand.product
    if d == "mark.variant_found":
        shown_mark = mark.replace("I", "1", 1) if "I" in mark else mark[:-1] + "0"
        product_text = shown_mark
    title = title_tpl.format(m=shown_mark)
    if d == "mark.not_found":
        title = title_tpl.format(m="").strip()
        product_text = ""
    if sc.mark_only_on_product:
        title = title_tpl.format(m="").strip()
    if d == "right.goods_not_covered":
        goods_title = {
            25: ("{m} Shockproof Phone Case for iPhone 15 Pro Max", "{m} 手机壳 适用苹果15 防摔保护套"),
            3: ("{m} Stainless Steel Kitchen Knife Set", "{m} 不锈钢菜刀 刀具套装"),
            9: ("{m} Women's Leather Handbag Shoulder Bag", "{m} 女士真皮手提包 单肩包"),
        }[brand.classes[0]]
        title = goods_title[1 if m.lang == "zh" else 0].format(m=mark)
        product = "box"

    # -- the right and its certificate ------------------------------------------------------------
    office = m.office
    if d == "right.jurisdiction_mismatch":
        office = {"CNIPA": "USPTO", "USPTO": "CNIPA", "UKIPO": "USPTO", "EUIPO": "USPTO", "WIPO": "CNIPA"}[
            office
        ]
    printed = NUMBERS[office](r)
    reg_date = _registration_date(r)
    expiry: dt.date | None = None
    if d == "right.expired":
        reg_date = dt.date(FILING.year - 10 - r.randint(1, 3), r.randint(1, 12), r.randint(1, 28))
    if d == "right.expiring":
        end = FILING + dt.timedelta(days=r.randint(20, 70))
        reg_date = end.replace(year=end.year - 10)
    if office in ("CNIPA", "EUIPO", "UKIPO", "WIPO"):
        expiry = reg_date.replace(year=reg_date.year + 10) - dt.timedelta(days=1)
    cert_owner = brand.owner
    if d == "right.owner_mismatch":
        cert_owner = OTHER_OWNER
    cert_mark = mark
    entered_mark = mark
    if d == "right.mark_mismatch":
        entered_mark = mark + "S" if brand.mark != "红隼" else "红隼鸟"
    entered_number = printed
    if d == "right.registration_number_mismatch":
        entered_number = _swap(printed)
    cspec = CertificateSpec(
        office=office,
        registration_number=printed,
        mark=cert_mark,
        owner=cert_owner,
        owner_address=brand.address,
        classes=list(brand.classes),
        goods={c: brand.goods for c in brand.classes},
        registration_date=reg_date,
        expiry_date=expiry,
        is_application=(d == "right.pending"),
        filing_date=reg_date - dt.timedelta(days=300),
        designations=m.designations or ["CN", "EM", "GB", "JP", "US"],
    )
    cert_path = files / "certificate.pdf"
    scanned = sc.scanned_cert or d == "evidence.certificate_unreadable"
    make_certificate_pdf(
        cspec,
        cert_path,
        scanned=scanned,
        rotate_deg=0.6 if scanned else 0.0,
        blur=6.0 if d == "evidence.certificate_unreadable" else 0.0,
        dpi=40 if d == "evidence.certificate_unreadable" else 150,
        seed=r.randint(0, 999),
    )

    # -- screenshots --------------------------------------------------------------------------------
    shot_url = url
    shown_id = listing_id if m.key not in ("aliexpress", "etsy") or r.random() < 0.5 else ""
    if d == "listing.id_mismatch":
        other = m.make_id(r)
        shot_url = m.url.format(id=other)
        shown_id = other if shown_id else ""
    show_url = True
    if d == "listing.id_not_shown":
        show_url, shown_id = False, ""
    if m.key == "shopee" and shown_id:
        shown_id = shown_id.split(".")[1]
    if m.key == "mercadolibre" and shown_id:
        shown_id = "MLM" + shown_id
    seller = "红隼官方旗舰店" if False else ("潮流服饰专营店" if m.lang == "zh" else "Fashion Outlet Store")
    sspec = ScreenshotSpec(
        url=shot_url,
        title=title,
        price="¥ 169.00" if m.lang == "zh" else "US $23.99",
        seller=seller,
        product_text=product_text,
        shown_id=shown_id,
        show_url=show_url,
        mobile=sc.mobile,
        product=product,
    )
    shots = [make_listing_screenshot(sspec, files / "listing.png")]
    if sc.product_photo:
        shots.append(make_product_photo(files / "product.jpg", text=product_text or "", product=product))
    if d == "evidence.unreadable":
        poor = copy.copy(sspec)
        if sc.variant % 2:
            poor.scale = 0.16
        else:
            poor.blur = 4.0
        shots.append(make_listing_screenshot(poor, files / "listing-poor.png"))
    if d == "evidence.duplicate":
        shutil.copyfile(shots[0], files / "listing-copy.png")
        shots.append(files / "listing-copy.png")

    # -- the case ---------------------------------------------------------------------------------
    complainant: dict[str, Any] = {"name": brand.owner, "role": "rights_holder"}
    agent = sc.agent or d in (
        "complainant.authorization_missing",
        "complainant.authorization_expired",
        "complainant.authorization_mismatch",
    )
    if agent:
        complainant = {"name": AGENT, "role": "agent"}
        if d != "complainant.authorization_missing":
            aspec = AuthorizationSpec(
                principal=brand.owner,
                agent=AGENT,
                marks=[mark],
                registrations=[(office, printed)],
                issue_date=dt.date(2025, 1, 15),
                valid_until=dt.date(2027, 12, 31),
            )
            if d == "complainant.authorization_expired":
                aspec.valid_until = dt.date(2026, 6, 30)
            if d == "complainant.authorization_mismatch":
                aspec.principal = OTHER_OWNER
            make_authorization_pdf(
                aspec,
                files / "authorization.pdf",
                lang=m.lang,
                scanned=sc.scanned_auth,
                seed=r.randint(0, 999),
            )
            complainant["authorization"] = "files/authorization.pdf"
    right: dict[str, Any] = {
        "type": "trademark",
        "office": office,
        "registration_number": entered_number,
        "mark": entered_mark,
        "owner": brand.owner,
        "classes": list(brand.classes),
    }
    # case.incomplete: the certificate left out (where the marketplace asks for one), or no screenshot
    no_certificate = d == "case.incomplete" and sc.variant % 2 == 1 and m.key != "etsy"
    if not no_certificate:
        right["certificate"] = "files/certificate.pdf"
    listing_url = url
    if d == "listing.unsupported_url":
        listing_url = {
            "amazon": "https://www.amazon.com/stores/page/8F2A1C3D",
            "taobao": "https://shop123456789.taobao.com/index.htm",
        }.get(m.key.split("-")[0], "https://www.example-shop.com/products/outdoor-jacket")
    listing = {
        "url": listing_url,
        "title": title,
        "seller": seller,
        "screenshots": [str(p.relative_to(folder)) for p in shots],
    }
    if d == "case.incomplete" and not no_certificate:
        listing["screenshots"] = []
    data: dict[str, Any] = {
        "title": f"{mark} on {m.key} ({sc.name})",
        "filing_date": FILING,
        "complainant": complainant,
        "rights": [right],
        "listings": [listing],
    }
    if sc.genuine_photo:
        make_product_photo(files / "genuine.jpg", text=mark, product=brand.product)
        data["genuine_photos"] = ["files/genuine.jpg"]
    (folder / "case.toml").write_bytes(tomli_w.dumps(data).encode())
    return {
        "planted": d,
        "clean": d is None,
        "tags": sc.tags,
        "market": m.key,
        "office": office,
        "lang": m.lang,
    }


DEFECTS = [
    "listing.id_mismatch",
    "listing.id_not_shown",
    "listing.unsupported_url",
    "mark.not_found",
    "mark.variant_found",
    "right.registration_number_mismatch",
    "right.mark_mismatch",
    "right.owner_mismatch",
    "complainant.authorization_missing",
    "complainant.authorization_expired",
    "complainant.authorization_mismatch",
    "right.expired",
    "right.expiring",
    "right.pending",
    "right.goods_not_covered",
    "right.jurisdiction_mismatch",
    "evidence.unreadable",
    "evidence.certificate_unreadable",
    "evidence.duplicate",
    "case.incomplete",
]


def scenarios(quick: bool, r: random.Random) -> list[Scenario]:
    out: list[Scenario] = []
    markets = [m.key for m in MARKETS]
    # clean cases, the hard ones named
    clean = [
        Scenario("clean-aliexpress", "aliexpress", 0),
        Scenario("clean-taobao-zh-mark", "taobao", 4, tags=["zh"]),
        Scenario("clean-tmall-scanned", "tmall", 0, scanned_cert=True, tags=["scanned", "zh"]),
        Scenario("clean-amazon-confusable-asin", "amazon-us", 1, confusable_id=True, tags=["confusable_id"]),
        Scenario("clean-amazon-uk-agent", "amazon-uk", 2, agent=True, tags=["agent"]),
        Scenario(
            "clean-ebay-mark-on-product",
            "ebay",
            0,
            mark_only_on_product=True,
            product_photo=True,
            tags=["mark_on_product"],
        ),
        Scenario("clean-1688-agent-zh", "1688", 3, agent=True, tags=["agent", "zh"]),
        Scenario("clean-alibaba-wipo", "alibaba", 3),
        Scenario("clean-walmart-mobile", "walmart", 1, mobile=True, tags=["mobile"]),
        Scenario(
            "clean-amazon-de-scanned-agent",
            "amazon-de",
            0,
            agent=True,
            scanned_cert=True,
            scanned_auth=True,
            tags=["agent", "scanned"],
        ),
        Scenario("clean-mercadolibre", "mercadolibre", 1),
        Scenario("clean-etsy-genuine-photo", "etsy", 2, genuine_photo=True),
        Scenario("clean-temu", "temu", 3),
        Scenario("clean-shopee-wipo", "shopee", 0),
        Scenario(
            "clean-taobao-mark-on-product",
            "taobao",
            0,
            mark_only_on_product=True,
            product_photo=True,
            tags=["mark_on_product", "zh"],
        ),
        Scenario(
            "clean-amazon-us-scanned",
            "amazon-us",
            2,
            scanned_cert=True,
            confusable_id=True,
            tags=["scanned", "confusable_id"],
        ),
    ]
    out.extend(clean[:8] if quick else clean)
    variants = 1 if quick else 2
    for code in DEFECTS:
        for k in range(variants):
            market = r.choice(markets)
            if code == "listing.unsupported_url":
                market = ["amazon-us", "taobao"][k % 2]
            if code == "right.jurisdiction_mismatch":  # only where the platform expects a territory
                market = r.choice([m for m in markets if m not in ("aliexpress", "alibaba", "etsy", "temu")])
            brand = r.randrange(len(BRANDS))
            out.append(
                Scenario(
                    f"defect-{code}-{k + 1}-{market}",
                    market,
                    brand,
                    planted=code,
                    variant=k + 1,
                    scanned_cert=(k == 1 and code.startswith("right.")),
                    mobile=(k == 1 and code.startswith("listing.")),
                )
            )
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--quick", action="store_true", help="a smaller set (8 clean, 1 case per defect)")
    args = ap.parse_args(argv)
    r = random.Random(args.seed)
    cases_dir = args.out / "cases"
    if cases_dir.exists():
        shutil.rmtree(cases_dir)
    cases_dir.mkdir(parents=True)
    labels: dict[str, Any] = {}
    for sc in scenarios(args.quick, r):
        labels[sc.name] = build_case(cases_dir, sc, random.Random(f"{args.seed}-{sc.name}"))
        print(f"wrote {sc.name}", file=sys.stderr)
    (args.out / "labels.json").write_text(
        json.dumps({"filing_date": FILING.isoformat(), "cases": labels}, indent=2, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    print(f"{len(labels)} cases in {cases_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
