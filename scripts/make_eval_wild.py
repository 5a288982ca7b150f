#!/usr/bin/env python3
"""Write a second, independently drawn evaluation set: evidence as people really capture it.

    python scripts/make_eval_wild.py OUT [--seed 11] [--quick]

Same output format as scripts/make_eval_set.py (case folders under OUT/cases plus OUT/labels.json:
{"cases": {name: {"planted": code | null, "clean": bool, "tags": [...], "kind": ...}}}), but nothing
here comes from the test factories' certificate or screenshot layouts: the certificates are drawn from
scratch with word labels in tables, two columns and running text (English, German, French, Spanish,
Italian, Portuguese, Chinese, and a layout of an office no reader knows), ST.60 INID codes, several
classes, two pages, scans turned 90/180/270 degrees, photos (one too dark and blurred to read); the
listings are captured as browser "Save as PDF" prints with the URL and date in the header/footer,
full-page scrolling screenshots several thousand pixels tall with the brand far down, and pages of
Walmart, Etsy, Temu, eBay in German/French/Spanish/Italian, Mercado Libre/Livre, Shopee and Lazada,
each with its own way of showing (or not showing) the listing id. Only fonts and the page-rasterising
primitives of tests/factories/layout.py are shared.

Every case has one "kind" (what is unusual about it); a defect case has exactly one defect planted
(a mistyped registration number, goods outside the registered classes, an expired right, another
owner, another listing of the same marketplace, the mark absent, an unreadable certificate photo).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import random
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import tomli_w  # noqa: E402
from PIL import Image, ImageDraw, ImageFilter  # noqa: E402

from tests.factories.layout import (  # noqa: E402  (fonts and text measuring only)
    font_file,
    is_cjk,
    pdf_cjk_font,
    pil_font,
    runs,
    text_width_mm,
)

FILING = dt.date(2026, 11, 20)
CAPTURED = dt.datetime(2026, 11, 17, 14, 32)  # when the listings were captured (3 days before filing)
PT = 25.4 / 72.0

# --------------------------------------------------------------------------------------------------
# A small sheet model of our own: positioned text, rules and boxes in millimetres, rendered either as
# a PDF with a real text layer (fpdf2) or as pixels (Pillow).
# --------------------------------------------------------------------------------------------------


@dataclass
class Txt:
    x: float
    y: float  # baseline, mm
    s: str
    size: float = 10.0
    bold: bool = False
    align: str = "L"
    color: tuple[int, int, int] = (20, 20, 20)


@dataclass
class Ln:
    x0: float
    y0: float
    x1: float
    y1: float
    w: float = 0.25
    color: tuple[int, int, int] = (60, 60, 60)


@dataclass
class Box:
    x0: float
    y0: float
    x1: float
    y1: float
    fill: tuple[int, int, int] = (235, 235, 235)


@dataclass
class Pic:
    x: float
    y: float
    w: float
    img: Image.Image


@dataclass
class Sheet:
    w: float = 210.0
    h: float = 297.0
    items: list[Any] = field(default_factory=list)

    def t(self, x: float, y: float, s: str, size: float = 10.0, **kw: Any) -> None:
        self.items.append(Txt(x, y, s, size, **kw))

    def para(
        self, x: float, y: float, s: str, size: float, width: float, lead: float = 1.35, **kw: Any
    ) -> float:
        """Wrapped text from baseline y; returns the baseline after the last line."""
        lines = wrap_mm(s, width, size, kw.get("bold", False))
        for i, line in enumerate(lines):
            self.t(x, y + i * size * PT * lead, line, size, **kw)
        return y + max(1, len(lines)) * size * PT * lead


def wrap_mm(s: str, width: float, size: float, bold: bool = False) -> list[str]:
    out: list[str] = []
    cur = ""
    tokens: list[str] = []
    word = ""
    for ch in s:
        if is_cjk(ch):
            if word:
                tokens.append(word)
                word = ""
            tokens.append(ch)
        elif ch == " ":
            if word:
                tokens.append(word)
            word = ""
            tokens.append(" ")
        else:
            word += ch
    if word:
        tokens.append(word)
    for tok in tokens:
        cand = cur + tok
        if cur.strip() and tok != " " and text_width_mm(cand.rstrip(), size, bold) > width:
            out.append(cur.strip())
            cur = tok
        else:
            cur = cand
    if cur.strip():
        out.append(cur.strip())
    return out


def _x(t: Txt) -> float:
    w = text_width_mm(t.s, t.size, t.bold)
    return {"L": t.x, "C": t.x - w / 2, "R": t.x - w}[t.align]


def sheets_pdf(sheets: list[Sheet], path: Path) -> Path:
    from fpdf import FPDF

    from desktop_app.core.resources import resource_path

    pdf = FPDF(unit="mm", format=(sheets[0].w, sheets[0].h))
    pdf.set_auto_page_break(False)
    pdf.set_creation_date(dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc))
    pdf.add_font("sans", "", str(resource_path("fonts", "DejaVuSans.ttf")))
    pdf.add_font("sans", "B", str(resource_path("fonts", "DejaVuSans-Bold.ttf")))
    used = {c for sh in sheets for it in sh.items if isinstance(it, Txt) for c in it.s if is_cjk(c)}
    if used:
        pdf.add_font("cjk", "", str(pdf_cjk_font(used)))
    for sh in sheets:
        pdf.add_page(format=(sh.w, sh.h))
        for it in sh.items:
            if isinstance(it, Txt):
                pdf.set_text_color(*it.color)
                x = _x(it)
                for run, cjk in runs(it.s):
                    pdf.set_font("cjk" if cjk else "sans", "" if cjk else ("B" if it.bold else ""), it.size)
                    pdf.text(x, it.y, run)
                    x += text_width_mm(run, it.size, it.bold)
            elif isinstance(it, Ln):
                pdf.set_draw_color(*it.color)
                pdf.set_line_width(it.w)
                pdf.line(it.x0, it.y0, it.x1, it.y1)
            elif isinstance(it, Box):
                pdf.set_fill_color(*it.fill)
                pdf.rect(it.x0, it.y0, it.x1 - it.x0, it.y1 - it.y0, style="F")
            elif isinstance(it, Pic):
                buf = io.BytesIO()
                it.img.convert("RGB").save(buf, "JPEG", quality=85)
                buf.seek(0)
                pdf.image(buf, x=it.x, y=it.y, w=it.w)
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    return path


def sheet_pixels(sh: Sheet, dpi: int) -> Image.Image:
    k = dpi / 25.4
    img = Image.new("RGB", (round(sh.w * k), round(sh.h * k)), (255, 255, 255))
    d = ImageDraw.Draw(img)
    for it in sh.items:
        if isinstance(it, Txt):
            x = _x(it)
            for run, cjk in runs(it.s):
                f = pil_font(str(font_file(cjk, it.bold)), round(it.size / 72 * dpi))
                d.text((x * k, it.y * k), run, fill=it.color, font=f, anchor="ls")
                x += text_width_mm(run, it.size, it.bold)
        elif isinstance(it, Ln):
            d.line(
                [(it.x0 * k, it.y0 * k), (it.x1 * k, it.y1 * k)], fill=it.color, width=max(1, round(it.w * k))
            )
        elif isinstance(it, Box):
            d.rectangle([it.x0 * k, it.y0 * k, it.x1 * k, it.y1 * k], fill=it.fill)
        elif isinstance(it, Pic):
            w = round(it.w * k)
            h = round(it.img.height * w / it.img.width)
            img.paste(it.img.convert("RGB").resize((w, h)), (round(it.x * k), round(it.y * k)))
    return img


def scan_look(img: Image.Image, r: random.Random, *, skew: float = 0.4, blur: float = 0.5) -> Image.Image:
    out = img.rotate(
        skew * (r.random() * 2 - 1), resample=Image.Resampling.BICUBIC, fillcolor=(248, 246, 240)
    )
    if blur:
        out = out.filter(ImageFilter.GaussianBlur(blur))
    arr = np.asarray(out, dtype=np.int16)
    noise = np.random.default_rng(r.randint(0, 10**6)).normal(0, 5, arr.shape).astype(np.int16)
    return Image.fromarray(np.clip(arr - 6 + noise, 0, 255).astype("uint8"), "RGB")


def images_pdf(images: list[Image.Image], path: Path, dpi: int) -> Path:
    """A scanner's PDF: one JPEG per page, page size from the image and its dpi, no text layer."""
    from fpdf import FPDF

    first = images[0]
    pdf = FPDF(unit="mm", format=(first.width * 25.4 / dpi, first.height * 25.4 / dpi))
    pdf.set_auto_page_break(False)
    pdf.set_creation_date(dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc))
    for img in images:
        size = (img.width * 25.4 / dpi, img.height * 25.4 / dpi)
        buf = io.BytesIO()
        img.convert("RGB").save(buf, "JPEG", quality=78)
        buf.seek(0)
        pdf.add_page(format=size)
        pdf.image(buf, x=0, y=0, w=size[0], h=size[1])
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    return path


# --------------------------------------------------------------------------------------------------
# Brands, languages, offices
# --------------------------------------------------------------------------------------------------


@dataclass
class Brand:
    mark: str
    owner: str
    address: str
    classes: list[int]
    product: str  # jacket | bottle | gadget


BRANDS = {
    "fjell": Brand("FJELLMARK", "Fjellmark Outdoor GmbH", "Leopoldstraße 120, 80802 München", [25], "jacket"),
    "solv": Brand("SOLVANTE", "Solvante Cosmetics S.A.S.", "18 rue de la Paix, 75002 Paris", [3], "bottle"),
    "korv": Brand(
        "KORVEX", "Korvex Electronics Pte. Ltd.", "21 Kallang Avenue, Singapore 339412", [9], "gadget"
    ),
    "qing": Brand("青岚", "杭州青岚服饰有限公司", "浙江省杭州市西湖区文三路99号", [25], "jacket"),
}
OTHER_OWNER = {"latin": "Brightfield Trading Ltd.", "zh": "义乌市明辉贸易有限公司"}

GOODS = {
    25: {
        "en": "Clothing; jackets; coats; rainwear; footwear; headgear",
        "de": "Bekleidungsstücke; Jacken; Mäntel; Regenbekleidung; Schuhwaren; Kopfbedeckungen",
        "fr": "Vêtements; vestes; manteaux; vêtements de pluie; chaussures; chapellerie",
        "es": "Prendas de vestir; chaquetas; abrigos; ropa impermeable; calzado; sombrerería",
        "it": "Articoli di abbigliamento; giacche; cappotti; impermeabili; calzature; cappelleria",
        "pt": "Vestuário; casacos; jaquetas; roupas impermeáveis; calçado; chapelaria",
        "zh": "服装；夹克；外套；雨衣；鞋；帽",
    },
    18: {
        "en": "Bags; backpacks; wallets; umbrellas",
        "de": "Taschen; Rucksäcke; Geldbörsen; Regenschirme",
        "fr": "Sacs; sacs à dos; portefeuilles; parapluies",
        "es": "Bolsos; mochilas; carteras; paraguas",
        "it": "Borse; zaini; portafogli; ombrelli",
        "pt": "Bolsas; mochilas; carteiras; guarda-chuvas",
        "zh": "包；背包；钱包；伞",
    },
    3: {
        "en": "Cosmetics; skin care preparations; serums; creams",
        "de": "Kosmetika; Hautpflegemittel; Seren; Cremes",
        "fr": "Cosmétiques; produits de soin de la peau; sérums; crèmes",
        "es": "Cosméticos; preparaciones para el cuidado de la piel; sueros; cremas",
        "it": "Cosmetici; preparati per la cura della pelle; sieri; creme",
        "pt": "Cosméticos; preparações para cuidados da pele; séruns; cremes",
        "zh": "化妆品；护肤制剂；精华液；面霜",
    },
    9: {
        "en": "Power banks; battery chargers; earphones; USB cables",
        "de": "Powerbanks; Akkuladegeräte; Ohrhörer; USB-Kabel",
        "fr": "Batteries externes; chargeurs de batteries; écouteurs; câbles USB",
        "es": "Baterías externas; cargadores de baterías; auriculares; cables USB",
        "it": "Power bank; caricabatterie; auricolari; cavi USB",
        "pt": "Baterias portáteis; carregadores de baterias; fones de ouvido; cabos USB",
        "zh": "移动电源；电池充电器；耳机；USB线",
    },
}

# the listing's goods: inside the class, and a phone case (class 9) / a kitchen knife (class 8) outside
TITLES = {
    "jacket": {
        "en": "{m} Men's Waterproof Hooded Rain Jacket Lightweight Windbreaker",
        "de": "{m} Herren Regenjacke wasserdicht mit Kapuze leichte Outdoorjacke",
        "fr": "{m} Veste de pluie imperméable homme à capuche coupe-vent léger",
        "es": "{m} Chaqueta impermeable para hombre con capucha cortavientos ligera",
        "it": "{m} Giacca antipioggia impermeabile uomo con cappuccio antivento",
        "pt": "{m} Jaqueta corta-vento impermeável masculina com capuz",
        "zh": "{m} 男士防水冲锋衣 连帽轻薄户外夹克",
    },
    "bottle": {
        "en": "{m} Vitamin C Brightening Face Serum 30 ml",
        "de": "{m} Vitamin C Gesichtsserum 30 ml aufhellend",
        "fr": "{m} Sérum visage éclat à la vitamine C 30 ml",
        "es": "{m} Sérum facial iluminador con vitamina C 30 ml",
        "it": "{m} Siero viso illuminante alla vitamina C 30 ml",
        "pt": "{m} Sérum facial iluminador com vitamina C 30 ml",
        "zh": "{m} 维C亮肤精华液 30毫升",
    },
    "gadget": {
        "en": "{m} 20000mAh Power Bank USB-C Fast Charging Portable Charger",
        "de": "{m} Powerbank 20000mAh USB-C Schnellladung tragbares Ladegerät",
        "fr": "{m} Batterie externe 20000mAh USB-C charge rapide",
        "es": "{m} Batería externa 20000mAh USB-C carga rápida",
        "it": "{m} Power bank 20000mAh USB-C ricarica rapida",
        "pt": "{m} Carregador portátil power bank 20000mAh USB-C carga rápida",
        "zh": "{m} 充电宝 20000毫安 USB-C快充移动电源",
    },
}
OUTSIDE = {
    25: {
        "en": "{m} Shockproof Phone Case for iPhone 15 Pro",
        "de": "{m} Handyhülle stoßfest für iPhone 15 Pro",
        "fr": "{m} Coque de téléphone antichoc pour iPhone 15 Pro",
        "es": "{m} Funda de teléfono antigolpes para iPhone 15 Pro",
        "it": "{m} Custodia per telefono antiurto per iPhone 15 Pro",
        "pt": "{m} Capa de celular à prova de choque para iPhone 15 Pro",
        "zh": "{m} 手机壳 防摔 适用iPhone 15 Pro",
    },
    3: {
        "en": "{m} Stainless Steel Chef Knife Set 5 Pieces",
        "de": "{m} Kochmesser Set Edelstahl 5-teilig",
        "fr": "{m} Set de couteaux de cuisine en acier inoxydable 5 pièces",
        "es": "{m} Juego de cuchillos de cocina de acero inoxidable 5 piezas",
        "it": "{m} Set coltelli da cucina in acciaio inox 5 pezzi",
        "pt": "{m} Conjunto de facas de cozinha em aço inoxidável 5 peças",
        "zh": "{m} 不锈钢菜刀 刀具五件套",
    },
    9: {
        "en": "{m} Women's Leather Shoulder Handbag",
        "de": "{m} Damen Leder Umhängetasche Handtasche",
        "fr": "{m} Sac à main bandoulière en cuir pour femme",
        "es": "{m} Bolso de hombro de piel para mujer",
        "it": "{m} Borsa a tracolla in pelle da donna",
        "pt": "{m} Bolsa de ombro feminina de couro",
        "zh": "{m} 女士真皮单肩手提包",
    },
}

MONTHS = {
    "en": "January February March April May June July August September October November December".split(),
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split(),
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(),
    "it": (
        "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre"
    ).split(),
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro".split(),
}


def fmt_date(d: dt.date, lang: str, style: str = "num") -> str:
    lang = "en" if lang not in MONTHS and lang != "zh" else lang
    if lang == "zh":
        return f"{d.year}年{d.month:02d}月{d.day:02d}日"
    if style == "long":
        if lang == "en":
            return f"{d.day} {MONTHS['en'][d.month - 1]} {d.year}"
        if lang == "de":
            return f"{d.day}. {MONTHS['de'][d.month - 1]} {d.year}"
        de = "de " if lang in ("es", "pt") else ""
        return f"{d.day} {de}{MONTHS[lang][d.month - 1]} {de}{d.year}"
    if style == "iso":
        return d.isoformat()
    if lang == "de":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if lang == "en":
        return f"{d.day:02d} {MONTHS['en'][d.month - 1][:3]} {d.year}"
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


# word labels of the fields, per language
LABELS = {
    "en": {
        "title": "CERTIFICATE OF REGISTRATION OF A TRADE MARK",
        "number": "Trade mark number",
        "mark": "Trade mark",
        "classes": "Nice classes",
        "goods": "Goods and services",
        "owner": "Owner",
        "address": "Address",
        "reg": "Date of registration",
        "expiry": "Renewal date",
        "filed": "Filing date",
    },
    "de": {
        "title": "URKUNDE über die Eintragung einer Marke",
        "number": "Registernummer",
        "mark": "Wiedergabe der Marke",
        "classes": "Klasse(n)",
        "goods": "Verzeichnis der Waren und Dienstleistungen",
        "owner": "Inhaber",
        "address": "Anschrift",
        "reg": "Tag der Eintragung",
        "expiry": "Schutzdauer bis",
        "filed": "Anmeldetag",
    },
    "fr": {
        "title": "CERTIFICAT D'ENREGISTREMENT DE MARQUE",
        "number": "Numéro d'enregistrement",
        "mark": "Marque",
        "classes": "Classes",
        "goods": "Produits et services",
        "owner": "Titulaire",
        "address": "Adresse",
        "reg": "Date d'enregistrement",
        "expiry": "Date d'expiration",
        "filed": "Date de dépôt",
    },
    "es": {
        "title": "TÍTULO DE REGISTRO DE MARCA",
        "number": "Número de registro",
        "mark": "Denominación de la marca",
        "classes": "Clases",
        "goods": "Productos y servicios",
        "owner": "Titular",
        "address": "Domicilio",
        "reg": "Fecha de concesión",
        "expiry": "Vigencia hasta",
        "filed": "Fecha de presentación",
    },
    "it": {
        "title": "ATTESTATO DI REGISTRAZIONE DI MARCHIO",
        "number": "Numero di registrazione",
        "mark": "Marchio",
        "classes": "Classi",
        "goods": "Prodotti e servizi",
        "owner": "Titolare",
        "address": "Indirizzo",
        "reg": "Data di registrazione",
        "expiry": "Data di scadenza",
        "filed": "Data di deposito",
    },
    "pt": {
        "title": "CERTIFICADO DE REGISTO DE MARCA",
        "number": "Número do registo",
        "mark": "Sinal",
        "classes": "Classes de Nice",
        "goods": "Produtos e serviços",
        "owner": "Titular",
        "address": "Morada",
        "reg": "Data da concessão",
        "expiry": "Válido até",
        "filed": "Data do pedido",
    },
    "zh": {
        "title": "商标注册证明",
        "number": "注册号",
        "mark": "商标",
        "classes": "类别",
        "goods": "核定使用商品",
        "owner": "注册人",
        "address": "注册人地址",
        "reg": "注册日期",
        "expiry": "有效期至",
        "filed": "申请日期",
    },
    # an office no reader knows, with its own words for the fields
    "xx": {
        "title": "CERTIFICATE OF ENTRY IN THE REGISTER OF TRADE MARKS",
        "number": "Mark No.",
        "mark": "Representation of mark",
        "classes": "Class(es)",
        "goods": "Specification",
        "owner": "Proprietor",
        "address": "Address for service",
        "reg": "Date of entry",
        "expiry": "Valid until",
        "filed": "Date of application",
    },
}

OFFICE_HEAD = {
    "IPOS": ("INTELLECTUAL PROPERTY OFFICE OF SINGAPORE", "en"),
    "IPOPHL": ("INTELLECTUAL PROPERTY OFFICE OF THE PHILIPPINES", "en"),
    "MyIPO": ("PERBADANAN HARTA INTELEK MALAYSIA · Intellectual Property Corporation of Malaysia", "xx"),
    "DPMA": ("DEUTSCHES PATENT- UND MARKENAMT", "de"),
    "INPI": ("INSTITUT NATIONAL DE LA PROPRIÉTÉ INDUSTRIELLE", "fr"),
    "INPI-PT": ("INSTITUTO NACIONAL DA PROPRIEDADE INDUSTRIAL", "pt"),
    "IMPI": ("INSTITUTO MEXICANO DE LA PROPIEDAD INDUSTRIAL", "es"),
    "EUIPO-it": ("UFFICIO DELL'UNIONE EUROPEA PER LA PROPRIETÀ INTELLETTUALE", "it"),
    "EUIPO-es": ("OFICINA DE PROPIEDAD INTELECTUAL DE LA UNIÓN EUROPEA", "es"),
    "EUIPO": ("EUROPEAN UNION INTELLECTUAL PROPERTY OFFICE", "en"),
    "CNIPA": ("国家知识产权局", "zh"),
    "WIPO": ("WORLD INTELLECTUAL PROPERTY ORGANIZATION · International Register of Marks", "en"),
    "USPTO": ("United States Patent and Trademark Office", "en"),
}


def _digits(r: random.Random, n: int) -> str:
    return str(r.randint(1, 9)) + "".join(str(r.randint(0, 9)) for _ in range(n - 1))


def reg_number(office: str, r: random.Random) -> tuple[str, str]:
    """(as printed on the certificate, as a user types it)."""
    if office == "DPMA":
        n = f"30 20{r.randint(15, 23)} 0{_digits(r, 2)} {_digits(r, 3)}"
        return n, n.replace(" ", "")
    if office == "IPOPHL":
        n = f"4-20{r.randint(15, 23)}-{r.randint(10000, 99999):06d}"
        return n, n
    if office == "IPOS":
        n = f"40 20{r.randint(15, 23)} {_digits(r, 5)} {r.choice('PQRSTUVWXY')}"
        return n, n.replace(" ", "")
    if office == "MyIPO":
        n = f"TM20{r.randint(15, 23)}0{_digits(r, 5)}"
        return n, n
    if office == "USPTO":
        n = f"{r.randint(5, 7)},{r.randint(100, 999)},{r.randint(100, 999)}"
        return n, n.replace(",", "")
    if office == "EUIPO":
        n = "018" + _digits(r, 6)
        return n, n
    if office == "CNIPA":
        n = _digits(r, 8)
        return n, n
    if office == "INPI-PT":
        n = str(r.randint(600000, 699999))
        return n, n
    if office == "INPI":
        n = "4" + _digits(r, 6)
        return n, n
    if office == "IMPI":
        n = str(r.randint(2000000, 2499999))
        return n, n
    n = str(r.randint(1500000, 1799999))  # WIPO
    return n, n


def typo(number: str) -> str:
    """Two adjacent differing digits swapped."""
    chars = list(number)
    idx = [i for i, c in enumerate(chars) if c.isdigit()]
    for a, b in zip(idx[-2::-1], idx[:0:-1], strict=False):
        if chars[a] != chars[b] and b == a + 1:
            chars[a], chars[b] = chars[b], chars[a]
            return "".join(chars)
    chars[idx[-1]] = str((int(chars[idx[-1]]) + 3) % 10)
    return "".join(chars)


@dataclass
class Cert:
    office: str  # key of OFFICE_HEAD
    lang: str
    number: str
    mark: str
    owner: str
    address: str
    classes: list[int]
    goods: dict[int, str]
    reg: dt.date
    expiry: dt.date
    filed: dt.date


# --------------------------------------------------------------------------------------------------
# Certificate layouts (drawn here, no template shared with the readers or the test factories)
# --------------------------------------------------------------------------------------------------


def _head(sh: Sheet, c: Cert, y: float = 22.0) -> float:
    name = OFFICE_HEAD[c.office][0]
    sh.items.append(Box(0, 0, sh.w, 8, (30, 60, 110)))
    y = sh.para(105, y, name, 12, 170, bold=True, align="C", color=(30, 60, 110))
    sh.items.append(Ln(25, y - 2, 185, y - 2, 0.5, (30, 60, 110)))
    return sh.para(105, y + 8, LABELS[c.lang]["title"], 14, 170, bold=True, align="C") + 6


def _classes_text(c: Cert) -> str:
    return ", ".join(str(k) for k in c.classes)


def _goods_text(c: Cert) -> str:
    return "  ".join(f"{k}: {c.goods[k]}" for k in c.classes) if len(c.classes) > 1 else c.goods[c.classes[0]]


def layout_table(c: Cert) -> list[Sheet]:
    """Word labels in a bordered two-column table."""
    sh = Sheet()
    y = _head(sh, c)
    L = LABELS[c.lang]
    rows = [
        (L["number"], c.number),
        (L["mark"], c.mark),
        (L["owner"], c.owner),
        (L["address"], c.address),
        (L["filed"], fmt_date(c.filed, c.lang)),
        (L["reg"], fmt_date(c.reg, c.lang)),
        (L["expiry"], fmt_date(c.expiry, c.lang)),
        (L["classes"], _classes_text(c)),
        (L["goods"], _goods_text(c)),
    ]
    x0, xm, x1 = 22.0, 82.0, 188.0
    sh.items.append(Ln(x0, y, x1, y))
    for label, value in rows:
        top = y
        ly = sh.para(x0 + 2, y + 6, label, 9.5, xm - x0 - 4, bold=True)
        vy = sh.para(xm + 3, y + 6, value, 10.5 if label != L["mark"] else 14, x1 - xm - 6)
        y = max(ly, vy) + 1.5
        sh.items.append(Ln(x0, y, x1, y))
        sh.items.append(Ln(x0, top, x0, y))
        sh.items.append(Ln(xm, top, xm, y))
        sh.items.append(Ln(x1, top, x1, y))
    sh.t(22, 270, fmt_date(c.reg, c.lang, "long" if c.lang != "zh" else "num"), 9)
    sh.t(188, 270, "—— Registrar ——" if c.lang != "zh" else "局长", 9, align="R")
    return [sh]


def layout_columns(c: Cert) -> list[Sheet]:
    """Two columns of small grey labels with their values underneath, goods across the bottom."""
    sh = Sheet()
    y = _head(sh, c) + 2
    L = LABELS[c.lang]
    left = [
        (L["number"], c.number),
        (L["filed"], fmt_date(c.filed, c.lang)),
        (L["reg"], fmt_date(c.reg, c.lang)),
        (L["expiry"], fmt_date(c.expiry, c.lang)),
    ]
    right = [
        (L["mark"], c.mark),
        (L["owner"], c.owner),
        (L["address"], c.address),
        (L["classes"], _classes_text(c)),
    ]
    for col, x in ((left, 22.0), (right, 110.0)):
        yy = y
        for label, value in col:
            sh.t(x, yy, label, 8.5, color=(110, 110, 110))
            yy = sh.para(x, yy + 5.5, value, 11, 78, bold=True) + 4
        y_end = yy
        if col is left:
            y_left = y_end
    y = max(y_left, y_end) + 4
    sh.items.append(Ln(22, y - 3, 188, y - 3, 0.2))
    sh.t(22, y + 2, L["goods"], 8.5, color=(110, 110, 110))
    y = sh.para(22, y + 8, _goods_text(c), 10.5, 166)
    return [sh]


RUNNING = {
    "en": (
        "This is to certify that the trade mark {mark}, filed on {filed}, was entered in the register on "
        "{reg} under number {number} in the name of {owner}, {address}, for the following goods in "
        "class {classes}: {goods}. The registration remains in force until {expiry} and may be renewed."
    ),
    "de": (
        "Hiermit wird bescheinigt, dass die Marke {mark} am {reg} unter der Nummer {number} in das "
        "Register eingetragen worden ist. Inhaber ist {owner}, {address}. Die Marke ist eingetragen für die "
        "folgenden Waren der Klasse {classes}: {goods}. Anmeldetag: {filed}. "
        "Die Schutzdauer endet am {expiry}."
    ),
    "fr": (
        "Le Directeur général certifie que la marque {mark} a été enregistrée le {reg} sous le numéro "
        "{number} au nom de {owner}, {address}, pour les produits suivants de la classe {classes} : {goods}. "
        "Date de dépôt : {filed}. L'enregistrement produit ses effets jusqu'au {expiry}."
    ),
    "es": (
        "Se hace constar que la marca {mark} ha sido registrada el {reg} con el número {number} a favor "
        "de {owner}, con domicilio en {address}, para distinguir los siguientes productos de la clase "
        "{classes}: {goods}. Fecha de presentación: {filed}. El registro tiene vigencia hasta el {expiry}."
    ),
    "it": (
        "Si attesta che il marchio {mark} è stato registrato il {reg} con il numero {number} a nome di "
        "{owner}, {address}, per i seguenti prodotti della classe {classes}: {goods}. Data di deposito: "
        "{filed}. La registrazione è valida fino al {expiry}."
    ),
    "pt": (
        "Certifica-se que a marca {mark} foi registada em {reg} sob o número {number} a favor de {owner}, "
        "{address}, para assinalar os seguintes produtos da classe {classes}: {goods}. Data do pedido: "
        "{filed}. O registo é válido até {expiry}."
    ),
    "zh": (
        "兹证明，{mark}商标已于{reg}核准注册，注册号为第{number}号，注册人为{owner}，地址：{address}。"
        "核定使用商品为第{classes}类：{goods}。申请日期：{filed}。注册有效期至{expiry}。"
    ),
}


def layout_running(c: Cert) -> list[Sheet]:
    sh = Sheet()
    y = _head(sh, c) + 6
    lang = c.lang if c.lang in RUNNING else "en"
    text = RUNNING[lang].format(
        mark=c.mark,
        number=c.number,
        owner=c.owner,
        address=c.address,
        classes=_classes_text(c),
        goods=_goods_text(c),
        reg=fmt_date(c.reg, lang, "long"),
        filed=fmt_date(c.filed, lang, "long"),
        expiry=fmt_date(c.expiry, lang, "long"),
    )
    y = sh.para(25, y, text, 11.5, 160, lead=1.6)
    sh.t(
        185,
        y + 25,
        "Der Präsident" if lang == "de" else ("局长" if lang == "zh" else "The Registrar"),
        10,
        align="R",
    )
    return [sh]


INID = [
    ("111", "number"),
    ("210", "appno"),
    ("220", "filed"),
    ("151", "reg"),
    ("180", "expiry"),
    ("732", "owner"),
    ("540", "mark"),
    ("511", "goods"),
]


def layout_inid(c: Cert, *, pages: int = 1) -> list[Sheet]:
    """ST.60 INID codes in brackets beside each value; no word labels."""
    sh = Sheet()
    y = _head(sh, c) + 2
    sheets = [sh]
    values = {
        "number": c.number,
        "appno": f"{c.filed.year}/{c.number[-5:]}",
        "filed": fmt_date(c.filed, c.lang, "iso" if c.lang == "en" else "num"),
        "reg": fmt_date(c.reg, c.lang, "iso" if c.lang == "en" else "num"),
        "expiry": fmt_date(c.expiry, c.lang, "iso" if c.lang == "en" else "num"),
        "owner": f"{c.owner}\n{c.address}",
        "mark": c.mark,
    }
    codes = list(INID)
    if c.office == "WIPO":  # a Madrid registration names the designated contracting parties
        codes.insert(-1, ("832", "designations"))
        values["designations"] = "BR, CN, EM, GB, MX, PH, SG, US"
    for code, key in codes:
        if pages > 1 and code == "511":
            sh.t(105, 285, "1/2", 8, align="C")
            sh = Sheet()
            sheets.append(sh)
            sh.t(
                22, 18, f"{OFFICE_HEAD[c.office][0]} — {c.number} (suite / continued)", 8, color=(90, 90, 90)
            )
            y = 34
        sh.t(22, y, f"({code})", 10, bold=True)
        if key == "goods":
            for k in c.classes:
                y = sh.para(40, y, f"{k}  {c.goods[k]}", 10.5, 148) + 2
        else:
            for part in values[key].split("\n"):
                y = sh.para(40, y, part, 14 if key == "mark" else 10.5, 148, bold=(key == "mark"))
        y += 4
    if pages > 1:
        sh.t(105, 285, "2/2", 8, align="C")
    return sheets


def layout_two_pages(c: Cert) -> list[Sheet]:
    """Word labels over two pages: the register data on page 1, classes and goods on page 2."""
    first = layout_table(Cert(**{**c.__dict__, "classes": c.classes, "goods": {k: "…" for k in c.classes}}))[
        0
    ]
    # rebuild page 1 without the goods row: drop the goods text and add a pointer to page 2
    first.items = [it for it in first.items if not (isinstance(it, Txt) and it.s == "…")]
    first.t(105, 283, "— 1 / 2 —", 8, align="C")
    second = Sheet()
    L = LABELS[c.lang]
    second.t(22, 20, f"{L['number']}: {c.number}", 9, color=(90, 90, 90))
    second.t(22, 36, L["goods"], 12, bold=True)
    y = 46.0
    for k in c.classes:
        y = second.para(22, y, f"{L['classes'].split('(')[0].strip()} {k}: {c.goods[k]}", 10.5, 166) + 3
    second.t(105, 283, "— 2 / 2 —", 8, align="C")
    return [first, second]


def layout_uspto_like(c: Cert) -> list[Sheet]:
    sh = Sheet()
    sh.t(105, 25, "United States of America", 18, bold=True, align="C")
    sh.t(105, 34, "United States Patent and Trademark Office", 12, align="C")
    sh.t(105, 60, c.mark, 26, bold=True, align="C")
    y = 80.0
    for line in (
        f"Reg. No. {c.number}",
        f"Registered {MONTHS['en'][c.reg.month - 1][:3]}. {c.reg.day}, {c.reg.year}",
        f"Int. Cl.: {_classes_text(c)}",
        "Trademark",
        "Principal Register",
    ):
        sh.t(22, y, line, 11, bold=line.startswith("Reg."))
        y += 6
    y += 4
    y = sh.para(80, y, f"{c.owner.upper()} (DELAWARE CORPORATION)", 11, 108)
    y = sh.para(80, y, c.address, 11, 108) + 4
    for k in c.classes:
        y = sh.para(80, y, f"CLASS {k}: {c.goods[k]}", 11, 108) + 3
    y = sh.para(80, y, f"FIRST USE {c.filed.year - 1}; IN COMMERCE {c.filed.year - 1}.", 11, 108) + 3
    sh.para(
        80,
        y,
        f"SER. NO. 97-{_digits(random.Random(c.number), 3)},{_digits(random.Random(c.mark), 3)}, "
        f"FILED {c.filed.strftime('%m-%d-%Y')}",
        11,
        108,
    )
    sh.t(22, 270, "Director of the United States Patent and Trademark Office", 9)
    return [sh]


LAYOUTS = {
    "table": layout_table,
    "columns": layout_columns,
    "running": layout_running,
    "inid": layout_inid,
    "twopage": layout_two_pages,
    "inid2": lambda c: layout_inid(c, pages=2),
    "uspto": layout_uspto_like,
}


def write_certificate(c: Cert, style: str, path: Path, r: random.Random, how: str = "pdf") -> Path:
    """how: pdf (text layer) | scan (image PDF) | scan90/scan180/scan270 | photo | darkphoto."""
    sheets = LAYOUTS[style](c)
    if how == "pdf":
        return sheets_pdf(sheets, path.with_suffix(".pdf"))
    if how.startswith("scan"):
        turn = int(how[4:] or 0)
        dpi = 150
        pages = [scan_look(sheet_pixels(s, dpi), r) for s in sheets]
        if turn:
            pages = [p.rotate(-turn, expand=True) for p in pages]  # clockwise, as a page fed sideways
        return images_pdf(pages, path.with_suffix(".pdf"), dpi)
    # a phone photo of the paper on a desk: perspective-ish tilt, desk around it, JPEG
    img = sheet_pixels(sheets[0], 110)
    canvas = Image.new("RGB", (round(img.width * 1.18), round(img.height * 1.12)), (112, 92, 70))
    canvas.paste(img, (round(img.width * 0.09), round(img.height * 0.06)))
    canvas = canvas.rotate(
        r.uniform(2, 4) * r.choice((-1, 1)), resample=Image.Resampling.BICUBIC, fillcolor=(100, 82, 62)
    )
    if how == "darkphoto":
        arr = np.asarray(canvas, dtype=np.float32) * 0.16 + 6
        canvas = Image.fromarray(np.clip(arr, 0, 255).astype("uint8"), "RGB")
        canvas = canvas.filter(ImageFilter.GaussianBlur(5.5)).resize((canvas.width // 2, canvas.height // 2))
    else:
        canvas = canvas.filter(ImageFilter.GaussianBlur(0.7))
    out = path.with_suffix(".jpg")
    out.parent.mkdir(parents=True, exist_ok=True)
    canvas.save(out, "JPEG", quality=70 if how == "darkphoto" else 88)
    return out


# --------------------------------------------------------------------------------------------------
# Marketplace pages
# --------------------------------------------------------------------------------------------------


@dataclass
class Market:
    key: str
    host: str
    lang: str
    office: str  # a right from this office counts here
    url: str  # {id} {slug}
    make_id: Any
    bar: tuple[int, int, int]
    logo: str
    logo_color: tuple[int, int, int]
    price: str
    seller_label: str
    id_line: str = ""  # "{id}" printed on the page ("" = the page prints no id)
    details: str = "Product details"
    brand_label: str = "Brand"


def _shopee_id(r: random.Random) -> str:
    return f"{_digits(r, 9)}.{_digits(r, 11)}"


MARKETS = {
    "walmart": Market(
        "walmart",
        "walmart.com",
        "en",
        "USPTO",
        "https://www.walmart.com/ip/{slug}/{id}?classType=REGULAR",
        lambda r: _digits(r, 10),
        (0, 113, 220),
        "Walmart",
        (255, 255, 255),
        "$34.97",
        "Sold and shipped by",
        "Walmart Item # {id}",
        brand_label="Brand",
    ),
    "etsy": Market(
        "etsy",
        "etsy.com",
        "en",
        "WIPO",
        "https://www.etsy.com/listing/{id}/{slug}?ref=shop_home_active_3",
        lambda r: _digits(r, 10),
        (255, 255, 255),
        "Etsy",
        (241, 100, 30),
        "£42.00",
        "Sold by",
        details="Item details",
        brand_label="Materials and brand",
    ),
    "temu": Market(
        "temu",
        "temu.com",
        "en",
        "WIPO",
        "https://www.temu.com/{slug}-g-{id}.html?_oak_name_id=7012&refer_page_sn=10009",
        lambda r: "60" + _digits(r, 13),
        (251, 119, 1),
        "TEMU",
        (255, 255, 255),
        "$12.48",
        "Sold by",
        details="Product details",
        brand_label="Brand Name",
    ),
    "ebay-de": Market(
        "ebay-de",
        "ebay.de",
        "de",
        "DPMA",
        "https://www.ebay.de/itm/{id}?hash=item3f2a9c1b4e",
        lambda r: "2" + _digits(r, 11),
        (255, 255, 255),
        "ebay",
        (229, 50, 56),
        "EUR 49,90",
        "Verkäufer:",
        "eBay-Artikelnr.: {id}",
        details="Artikelmerkmale",
        brand_label="Marke",
    ),
    "ebay-fr": Market(
        "ebay-fr",
        "ebay.fr",
        "fr",
        "INPI",
        "https://www.ebay.fr/itm/{id}",
        lambda r: "3" + _digits(r, 11),
        (255, 255, 255),
        "ebay",
        (229, 50, 56),
        "49,90 EUR",
        "Vendeur :",
        "Numéro de l'objet eBay : {id}",
        details="Caractéristiques de l'objet",
        brand_label="Marque",
    ),
    "ebay-es": Market(
        "ebay-es",
        "ebay.es",
        "es",
        "EUIPO",
        "https://www.ebay.es/itm/{slug}/{id}",
        lambda r: "1" + _digits(r, 11),
        (255, 255, 255),
        "ebay",
        (229, 50, 56),
        "EUR 45,00",
        "Vendedor:",
        "Número de artículo de eBay: {id}",
        details="Características del artículo",
        brand_label="Marca",
    ),
    "ebay-it": Market(
        "ebay-it",
        "ebay.it",
        "it",
        "EUIPO",
        "https://www.ebay.it/itm/{id}?var=0",
        lambda r: "4" + _digits(r, 11),
        (255, 255, 255),
        "ebay",
        (229, 50, 56),
        "EUR 44,99",
        "Venditore:",
        "Numero oggetto eBay: {id}",
        details="Specifiche dell'oggetto",
        brand_label="Marca",
    ),
    "meli-mx": Market(
        "meli-mx",
        "mercadolibre.com.mx",
        "es",
        "IMPI",
        "https://articulo.mercadolibre.com.mx/MLM-{id}-{slug}-_JM#position=3&search_layout=stack",
        lambda r: _digits(r, 10),
        (255, 230, 0),
        "mercado libre",
        (45, 50, 119),
        "$ 1,299",
        "Vendido por",
        "Publicación #{id}",
        details="Características principales",
        brand_label="Marca",
    ),
    "meli-br": Market(
        "meli-br",
        "mercadolivre.com.br",
        "pt",
        "WIPO",
        "https://produto.mercadolivre.com.br/MLB-{id}-{slug}-_JM",
        lambda r: _digits(r, 10),
        (255, 230, 0),
        "mercado livre",
        (45, 50, 119),
        "R$ 289,90",
        "Vendido por",
        "Anúncio #MLB{id}",
        details="Características do produto",
        brand_label="Marca",
    ),
    "shopee": Market(
        "shopee",
        "shopee.sg",
        "en",
        "IPOS",
        "https://shopee.sg/{slug}-i.{id}?sp_atk=5a1c",
        _shopee_id,
        (238, 77, 45),
        "Shopee",
        (255, 255, 255),
        "$25.90",
        "Shop:",
        details="Product Specifications",
        brand_label="Brand",
    ),
    "lazada-ph": Market(
        "lazada-ph",
        "lazada.com.ph",
        "en",
        "IPOPHL",
        "https://www.lazada.com.ph/products/{slug}-i{id}-s{sku}.html?spm=a2o4l.searchlist",
        lambda r: _digits(r, 10),
        (15, 20, 110),
        "Lazada",
        (255, 255, 255),
        "₱1,299.00",
        "Sold by",
        "SKU: {id}_PH-{sku}",
        details="Specifications of product",
        brand_label="Brand",
    ),
    "lazada-my": Market(
        "lazada-my",
        "lazada.com.my",
        "en",
        "MyIPO",
        "https://www.lazada.com.my/products/{slug}-i{id}-s{sku}.html",
        lambda r: _digits(r, 10),
        (15, 20, 110),
        "Lazada",
        (255, 255, 255),
        "RM 129.00",
        "Sold by",
        "",
        details="Specifications of product",
        brand_label="Brand",
    ),
    "taobao": Market(
        "taobao",
        "taobao.com",
        "zh",
        "CNIPA",
        "https://item.taobao.com/item.htm?spm=a21n57.1.0.0&id={id}&ns=1",
        lambda r: "7" + _digits(r, 11),
        (255, 80, 0),
        "淘宝网",
        (255, 255, 255),
        "¥ 239.00",
        "店铺：",
        "",
        details="宝贝详情",
        brand_label="品牌",
    ),
    "aliexpress": Market(
        "aliexpress",
        "aliexpress.com",
        "en",
        "WIPO",
        "https://www.aliexpress.com/item/{id}.html?spm=a2g0o",
        lambda r: "10050" + _digits(r, 11),
        (232, 56, 40),
        "AliExpress",
        (255, 255, 255),
        "US $19.80",
        "Store:",
        "",
        details="Specifications",
        brand_label="Brand Name",
    ),
}
SELLERS = {
    "en": "Northwind Outlet",
    "de": "sportmode-handel24",
    "fr": "boutique-plein-air",
    "es": "tienda_aventura_mx",
    "it": "outlet-sport-italia",
    "pt": "loja_aventura_br",
    "zh": "潮流户外专营店",
}


def _slug(title: str) -> str:
    import re

    s = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    return s[:48].strip("-") or "item"


def listing_url(m: Market, listing_id: str, title: str, r: random.Random) -> str:
    return m.url.format(id=listing_id, slug=_slug(title), sku=_digits(random.Random(listing_id), 10))


def shown_id_line(m: Market, listing_id: str) -> str:
    if not m.id_line:
        return ""
    return m.id_line.format(id=listing_id, sku=_digits(random.Random(listing_id), 10))


class Pen:
    def __init__(self, img: Image.Image) -> None:
        self.img, self.d = img, ImageDraw.Draw(img)

    def text(
        self,
        x: float,
        y: float,
        s: str,
        px: int,
        color: tuple[int, int, int] = (25, 25, 25),
        bold: bool = False,
    ) -> float:
        cx = x
        for run, cjk in runs(s):
            f = pil_font(str(font_file(cjk, bold)), px)
            self.d.text((cx, y), run, fill=color, font=f)
            cx += f.getlength(run)
        return cx - x

    def width(self, s: str, px: int, bold: bool = False) -> float:
        return sum(pil_font(str(font_file(c, bold)), px).getlength(run) for run, c in runs(s))

    def wrapped(
        self,
        x: float,
        y: float,
        s: str,
        px: int,
        width: float,
        bold: bool = False,
        color: tuple[int, int, int] = (25, 25, 25),
    ) -> float:
        words = [w for w in (list(s) if any(is_cjk(c) for c in s) and " " not in s else s.split(" "))]
        sep = "" if any(is_cjk(c) for c in s) and " " not in s else " "
        line = ""
        for w in words:
            cand = (line + sep + w) if line else w
            if line and self.width(cand, px, bold) > width:
                self.text(x, y, line, px, color, bold)
                y += px * 1.35
                line = w
            else:
                line = cand
        if line:
            self.text(x, y, line, px, color, bold)
            y += px * 1.35
        return y


def draw_product(kind: str, w: int, h: int, brand: str) -> Image.Image:
    img = Image.new("RGB", (w, h), (244, 244, 246))
    d = ImageDraw.Draw(img)
    cx, cy = w // 2, h // 2
    if kind == "jacket":
        d.polygon(
            [
                (cx - 120, cy - 150),
                (cx + 120, cy - 150),
                (cx + 190, cy + 30),
                (cx + 130, cy + 50),
                (cx + 120, cy + 190),
                (cx - 120, cy + 190),
                (cx - 130, cy + 50),
                (cx - 190, cy + 30),
            ],
            fill=(46, 84, 120),
        )
        d.line([(cx, cy - 150), (cx, cy + 190)], fill=(200, 200, 210), width=3)
        ty = cy - 90
    elif kind == "bottle":
        d.rounded_rectangle([cx - 70, cy - 120, cx + 70, cy + 170], 24, fill=(236, 220, 190))
        d.rectangle([cx - 30, cy - 180, cx + 30, cy - 120], fill=(60, 60, 60))
        ty = cy - 10
    else:
        d.rounded_rectangle([cx - 110, cy - 170, cx + 110, cy + 170], 30, fill=(34, 34, 38))
        ty = cy - 20
    if brand:
        pen = Pen(img)
        px = 30 if not any(is_cjk(c) for c in brand) else 34
        tw = pen.width(brand, px, True)
        pen.text(cx - tw / 2, ty, brand, px, (255, 255, 255) if kind != "bottle" else (40, 30, 20), True)
    return img


@dataclass
class Page:
    """What one capture shows."""

    market: Market
    url: str  # in the address bar / print header
    title: str
    seller: str
    id_line: str
    product_brand: str  # printed on the product picture ("" for none)
    detail_brand: str  # "Brand: X" in the details ("" for none)
    lang: str
    description: str = ""


FILLER = {
    "en": [
        "Customer reviews",
        "Great fit and keeps the rain out, recommended.",
        "Arrived quickly, looks as pictured.",
        "Sizing runs a little small, order one size up.",
        "Good value for the price.",
        "Frequently bought together",
        "Shipping & returns: free returns within 30 days.",
        "Questions & answers",
        "Is it machine washable? Yes, at 30 degrees.",
    ],
    "de": [
        "Bewertungen",
        "Passt gut und hält dicht, empfehlenswert.",
        "Schnelle Lieferung, wie beschrieben.",
        "Fällt etwas klein aus.",
        "Versand und Rücknahme: 30 Tage Rückgabe.",
        "Fragen und Antworten",
    ],
    "fr": [
        "Avis des clients",
        "Bonne coupe, imperméable, je recommande.",
        "Livraison rapide, conforme.",
        "Taille un peu petit.",
        "Livraison et retours : retours gratuits sous 30 jours.",
        "Questions et réponses",
    ],
    "es": [
        "Opiniones del producto",
        "Buen ajuste y no deja pasar la lluvia.",
        "Llegó rápido, tal como en la foto.",
        "Talla un poco pequeña.",
        "Envío y devoluciones: devolución gratis en 30 días.",
        "Preguntas y respuestas",
    ],
    "it": [
        "Recensioni",
        "Ottima vestibilità, impermeabile.",
        "Arrivato in fretta, come da foto.",
        "Veste un po' piccolo.",
        "Spedizione e resi: reso gratuito entro 30 giorni.",
        "Domande e risposte",
    ],
    "pt": [
        "Opiniões do produto",
        "Ótimo caimento e não molha.",
        "Chegou rápido, igual à foto.",
        "Tamanho um pouco pequeno.",
        "Envio e devoluções: devolução grátis em 30 dias.",
        "Perguntas e respostas",
    ],
    "zh": [
        "累计评价",
        "做工不错，防水效果很好。",
        "物流很快，和图片一样。",
        "尺码偏小，建议拍大一码。",
        "发货与退换：七天无理由退货",
        "问大家",
    ],
}


def draw_capture(
    p: Page, *, height: int = 900, width: int = 1366, mark_at: float = 0.0, show_bar: bool = True
) -> Image.Image:
    """A desktop browser window; height > 2000 gives a full-page scrolling screenshot (no browser frame
    then, but a sticky-header-free page with the brand far down at ``mark_at`` of the height)."""
    tall = height > 2000
    img = Image.new("RGB", (width, height), (255, 255, 255))
    pen = Pen(img)
    d = pen.d
    y = 0
    if show_bar and not tall:
        d.rectangle([0, 0, width, 36], fill=(222, 225, 230))
        d.rounded_rectangle([12, 6, 260, 36], 8, fill=(255, 255, 255))
        pen.text(24, 13, p.title[:30] + "…", 13)
        d.rectangle([0, 36, width, 78], fill=(255, 255, 255))
        d.rounded_rectangle([110, 43, width - 140, 71], 14, fill=(241, 243, 244))
        d.rounded_rectangle([128, 52, 140, 64], 2, fill=(95, 99, 104))
        pen.text(150, 48, p.url, 16, (32, 33, 36))
        y = 78
    if tall and show_bar:  # extensions that stitch full pages print the URL in a thin band on top
        d.rectangle([0, 0, width, 30], fill=(245, 245, 245))
        pen.text(12, 7, p.url, 14, (60, 60, 60))
        y = 30
    m = p.market
    d.rectangle([0, y, width, y + 64], fill=m.bar)
    pen.text(40, y + 14, m.logo, 30, m.logo_color, True)
    d.rounded_rectangle([300, y + 14, 950, y + 50], 18, fill=(255, 255, 255), outline=(200, 200, 200))
    y += 64
    if m.bar == (255, 255, 255):
        d.line([(0, y), (width, y)], fill=(225, 225, 225), width=2)
    y += 24
    prod = draw_product(BRAND_PRODUCT.get(p.title, "jacket"), 520, 520, p.product_brand)
    img.paste(prod, (40, y))
    x0 = 600
    ty = pen.wrapped(x0, y + 4, p.title, 28, width - x0 - 60, bold=True)
    ty += 10
    pen.text(
        x0, ty, "★★★★☆  4.6 (1,284)" if p.lang != "zh" else "月销 2000+  好评率 98%", 17, (120, 120, 120)
    )
    ty += 44
    pen.text(x0, ty, m.price, 34, (20, 20, 20) if m.key != "temu" else (251, 119, 1), True)
    ty += 64
    pen.text(x0, ty, f"{m.seller_label} {p.seller}", 19, (40, 40, 40))
    ty += 36
    if p.id_line:
        pen.text(x0, ty, p.id_line, 17, (90, 90, 90))
        ty += 32
    d.rounded_rectangle(
        [x0, ty + 10, x0 + 300, ty + 62],
        26,
        fill=(255, 200, 40) if m.key == "walmart" else m.bar if m.bar != (255, 255, 255) else (52, 104, 230),
    )
    y = max(y + 540, ty + 90)
    # details and filler; in a tall capture the brand sits far down
    rows_before = []
    filler = FILLER[p.lang if p.lang in FILLER else "en"]
    if tall:
        target = int(height * mark_at) if mark_at else height - 700
        i = 0
        while y < target - 120:
            line = filler[i % len(filler)]
            pen.text(40, y, line, 22 if i % len(filler) == 0 else 19, (30, 30, 30), i % len(filler) == 0)
            y += 34 if i % len(filler) else 48
            if i % len(filler) == len(filler) - 1:
                d.line([(40, y + 6), (width - 40, y + 6)], fill=(230, 230, 230), width=2)
                y += 30
            i += 1
    pen.text(40, y, m.details, 24, (20, 20, 20), True)
    y += 44
    if p.detail_brand:
        rows_before.append((m.brand_label, p.detail_brand))
    rows_before += [
        (
            "Material"
            if p.lang == "en"
            else {
                "de": "Material",
                "fr": "Matière",
                "es": "Material",
                "it": "Materiale",
                "pt": "Material",
                "zh": "材质",
            }.get(p.lang, "Material"),
            "Polyester",
        )
    ]
    for k, v in rows_before:
        d.rectangle([40, y - 4, 360, y + 30], fill=(246, 246, 246))
        pen.text(52, y, k, 19, (90, 90, 90))
        pen.text(380, y, v, 19, (20, 20, 20))
        y += 40
    if p.description:
        y = pen.wrapped(40, y + 12, p.description, 19, width - 80)
    if tall:
        y += 30
        for j in range(6):
            if y > height - 60:
                break
            pen.text(40, y, filler[(j + 1) % len(filler)], 19, (30, 30, 30))
            y += 36
    return img


BRAND_PRODUCT: dict[str, str] = {}  # title -> product drawing (set per case)


def print_pdf(p: Page, path: Path, *, style: str = "chrome", printed: dt.datetime = CAPTURED) -> Path:
    """A browser's "Save as PDF": the page's own text as a text layer, the print header (date and
    title) and footer (URL and page number) as the browser prints them."""
    pages = [Sheet(), Sheet()]
    if style == "chrome":
        stamp = printed.strftime("%m/%d/%y, %I:%M %p").lstrip("0").replace(" 0", " ")
        for n, sh in enumerate(pages, 1):
            sh.t(8, 7, stamp, 7.5)
            sh.t(105, 7, p.title[:70], 7.5, align="C")
            sh.t(8, 291, p.url if len(p.url) < 110 else p.url[:107] + "...", 7.5)
            sh.t(202, 291, f"{n}/{len(pages)}", 7.5, align="R")
    else:  # Firefox: title left, URL right in the header; page left, date right in the footer
        stamp = printed.strftime("%d/%m/%Y, %H:%M")
        for n, sh in enumerate(pages, 1):
            sh.t(8, 7, p.title[:48], 7.5)
            url = p.url if len(p.url) < 70 else p.url[:67] + "..."
            sh.t(202, 7, url, 7.5, align="R")
            sh.t(8, 291, f"{n} of {len(pages)}", 7.5)
            sh.t(202, 291, stamp, 7.5, align="R")
    m = p.market
    a = pages[0]
    a.items.append(Box(10, 12, 200, 26, m.bar if m.bar != (255, 255, 255) else (250, 250, 250)))
    a.t(16, 22, m.logo, 14, bold=True, color=m.logo_color)
    prod = draw_product(BRAND_PRODUCT.get(p.title, "jacket"), 400, 400, p.product_brand)
    a.items.append(Pic(14, 34, 80, prod))
    y = a.para(102, 42, p.title, 13, 92, bold=True) + 4
    a.t(102, y, m.price, 15, bold=True)
    y += 9
    a.t(102, y, f"{m.seller_label} {p.seller}", 9.5)
    y += 6
    if p.id_line:
        a.t(102, y, p.id_line, 9, color=(90, 90, 90))
    y = 128.0
    a.t(14, y, m.details, 12, bold=True)
    y += 8
    if p.detail_brand:
        a.t(14, y, f"{m.brand_label}: {p.detail_brand}", 10)
        y += 6
    a.t(14, y, "Material: Polyester", 10)
    y += 10
    filler = FILLER[p.lang if p.lang in FILLER else "en"]
    for line in filler:
        y = a.para(14, y, line, 10, 180) + 2
    b = pages[1]
    y = 20.0
    for line in filler[::-1]:
        y = b.para(14, y, line, 10, 180) + 2
    return sheets_pdf(pages, path)


# --------------------------------------------------------------------------------------------------
# Cases
# --------------------------------------------------------------------------------------------------


@dataclass
class Scenario:
    name: str
    kind: str
    market: str
    brand: str = "fjell"
    planted: str | None = None
    cert_style: str = "inid"
    cert_lang: str = "en"
    cert_office: str = ""  # key of OFFICE_HEAD; default: the market's office
    cert_how: str = "pdf"
    classes: list[int] | None = None
    capture: str = "screenshot"  # screenshot | tall | print-chrome | print-firefox
    id_label: bool = True  # the page prints its id (where the marketplace does)
    quick: bool = True
    tags: list[str] = field(default_factory=list)


def _case_office(cert_office: str) -> str:
    return {"EUIPO-it": "EUIPO", "EUIPO-es": "EUIPO", "INPI-PT": "INPI"}.get(cert_office, cert_office)


def build_case(out: Path, sc: Scenario, r: random.Random) -> dict[str, Any]:
    m = MARKETS[sc.market]
    brand = BRANDS[sc.brand]
    folder = out / sc.name
    files = folder / "files"
    files.mkdir(parents=True, exist_ok=True)
    d = sc.planted
    page_lang = m.lang
    classes = sc.classes or list(brand.classes)

    # -- the right ------------------------------------------------------------------------------
    cert_office = sc.cert_office or m.office
    if cert_office == "EUIPO" and sc.cert_lang in ("it", "es"):
        cert_office = f"EUIPO-{sc.cert_lang}"
    office = _case_office(cert_office)
    printed, typed = reg_number("INPI-PT" if cert_office == "INPI-PT" else office, r)
    reg = dt.date(r.randint(2018, 2023), r.randint(1, 12), r.randint(13, 28))
    if d == "right.expired":
        reg = dt.date(FILING.year - 10 - r.randint(1, 3), r.randint(1, 12), r.randint(13, 28))
    expiry = reg.replace(year=reg.year + 10) - dt.timedelta(days=1)
    filed = reg - dt.timedelta(days=r.randint(200, 400))
    owner = brand.owner
    if d == "right.owner_mismatch":
        owner = OTHER_OWNER["zh" if any(is_cjk(ch) for ch in brand.owner) else "latin"]
    cert = Cert(
        office=cert_office,
        lang=sc.cert_lang,
        number=printed,
        mark=brand.mark,
        owner=owner,
        address=brand.address,
        classes=classes,
        goods={k: GOODS[k][sc.cert_lang if sc.cert_lang in GOODS[k] else "en"] for k in classes},
        reg=reg,
        expiry=expiry,
        filed=filed,
    )
    cert_path = write_certificate(cert, sc.cert_style, files / "certificate", r, sc.cert_how)
    entered = typed if d != "right.registration_number_mismatch" else typo(typed)

    # -- the listing ----------------------------------------------------------------------------
    listing_id = m.make_id(r)
    base_title = TITLES[brand.product][page_lang]
    if d == "right.goods_not_covered":
        base_title = OUTSIDE[brand.classes[0]][page_lang]
    title_mark = brand.mark
    product_brand = brand.mark
    detail_brand = brand.mark
    if d == "mark.not_found":
        title_mark = product_brand = detail_brand = ""
    if sc.capture == "tall":  # the brand only far down, in the details
        title_mark = ""
        product_brand = ""
    title = " ".join(base_title.format(m=title_mark).split())
    BRAND_PRODUCT[title] = brand.product if d != "right.goods_not_covered" else "gadget"
    url = listing_url(m, listing_id, title, r)
    shot_url = url
    shot_id = listing_id
    if d == "listing.id_mismatch":
        shot_id = m.make_id(r)
        shot_url = listing_url(m, shot_id, title, r)
    id_line = (
        shown_id_line(m, shot_id.split(".")[-1] if m.key == "shopee" else shot_id) if sc.id_label else ""
    )
    seller = SELLERS[page_lang]
    page = Page(m, shot_url, title, seller, id_line, product_brand, detail_brand, page_lang)
    if sc.capture == "screenshot":
        shot = files / "listing.png"
        draw_capture(page).save(shot)
    elif sc.capture == "tall":
        height = r.choice((3400, 4600, 5600))
        shot = files / "listing-fullpage.png"
        draw_capture(page, height=height, width=1280, mark_at=0.82).save(shot)
    else:
        shot = print_pdf(page, files / "listing-print.pdf", style=sc.capture.split("-")[1])

    data: dict[str, Any] = {
        "title": f"{brand.mark} on {m.host} ({sc.name})",
        "filing_date": FILING,
        "complainant": {"name": brand.owner, "role": "rights_holder"},
        "rights": [
            {
                "type": "trademark",
                "office": office,
                "registration_number": entered,
                "mark": brand.mark,
                "owner": brand.owner,
                "classes": classes,
                "certificate": str(cert_path.relative_to(folder)),
            }
        ],
        "listings": [
            {"url": url, "title": title, "seller": seller, "screenshots": [str(shot.relative_to(folder))]}
        ],
    }
    (folder / "case.toml").write_bytes(tomli_w.dumps(data).encode())
    return {
        "planted": d,
        "clean": d is None,
        "kind": sc.kind,
        "tags": [
            f"kind:{sc.kind}",
            f"lang:{sc.cert_lang}",
            f"market:{m.key}",
            f"capture:{sc.capture}",
            f"cert:{sc.cert_style}/{sc.cert_how}",
            *sc.tags,
        ],
        "market": m.key,
        "office": office,
        "lang": page_lang,
    }


CERT_DEFECTS = [
    "right.registration_number_mismatch",
    "right.goods_not_covered",
    "right.expired",
    "right.owner_mismatch",
]


def scenarios(quick: bool) -> list[Scenario]:
    S = Scenario
    out: list[Scenario] = []

    kinds_seen: list[str] = []

    def cert_kind(kind: str, variants: list[dict[str, Any]]) -> None:
        """Per variant one clean case and two defects (rotating through CERT_DEFECTS); --quick keeps the
        first two clean cases and the first defect of the first variant."""
        kinds_seen.append(kind)
        for i, v in enumerate(variants):
            tag = f"{v.get('cert_lang', 'en')}-{v['market']}"
            out.append(S(f"{kind}-clean-{tag}", kind, quick=(i < 2), **v))
            for k in range(2):
                code = CERT_DEFECTS[(len(kinds_seen) + i * 2 + k) % len(CERT_DEFECTS)]
                out.append(
                    S(
                        f"{kind}-{code.split('.')[1]}-{tag}",
                        kind,
                        planted=code,
                        quick=(i == 0 and k == 0),
                        **v,
                    )
                )

    cert_kind(
        "cert_table",
        [
            dict(market="shopee", brand="korv", cert_style="table", cert_lang="en"),
            dict(market="ebay-de", cert_style="table", cert_lang="de"),
            dict(market="taobao", brand="qing", cert_style="table", cert_lang="zh"),
        ],
    )
    cert_kind(
        "cert_columns",
        [
            dict(market="lazada-ph", cert_style="columns", cert_lang="en"),
            dict(market="ebay-it", cert_style="columns", cert_lang="it"),
            dict(market="meli-mx", cert_style="columns", cert_lang="es"),
        ],
    )
    cert_kind(
        "cert_running",
        [
            dict(market="ebay-fr", brand="solv", cert_style="running", cert_lang="fr"),
            dict(market="etsy", cert_style="running", cert_lang="pt", cert_office="INPI-PT"),
            dict(market="walmart", cert_style="running", cert_lang="en", cert_office="USPTO"),
            dict(market="ebay-es", cert_style="running", cert_lang="es", cert_office="EUIPO"),
        ],
    )
    cert_kind("cert_unknown_office", [dict(market="lazada-my", cert_style="table", cert_lang="xx")])
    cert_kind(
        "cert_inid",
        [
            dict(market="temu", brand="korv", cert_style="inid", cert_lang="en"),
            dict(market="ebay-it", cert_style="inid", cert_lang="it"),
        ],
    )
    cert_kind(
        "cert_multiclass",
        [
            dict(market="etsy", cert_style="table", cert_lang="en", cert_office="WIPO", classes=[18, 25]),
            dict(market="ebay-de", cert_style="running", cert_lang="de", classes=[18, 25]),
        ],
    )
    cert_kind(
        "cert_multipage",
        [
            dict(market="ebay-fr", cert_style="twopage", cert_lang="fr"),
            dict(market="temu", cert_style="inid", cert_lang="en", tags=["inid-2pages"]),
        ],
    )
    # the two-page INID variant: the goods on page 2
    for sc in out:
        if sc.kind == "cert_multipage" and sc.cert_style == "inid":
            sc.cert_style = "inid2"
    for turn, market, lang, style in (
        (90, "ebay-de", "de", "table"),
        (180, "walmart", "en", "uspto"),
        (270, "temu", "en", "inid"),
    ):
        v = dict(
            market=market,
            cert_style=style,
            cert_lang=lang,
            cert_how=f"scan{turn}",
            cert_office="USPTO" if style == "uspto" else "",
        )
        out.append(S(f"cert_rotated-clean-{turn}-{market}", "cert_rotated", quick=(turn != 180), **v))
        code = CERT_DEFECTS[turn // 90 - 1]
        out.append(
            S(
                f"cert_rotated-{code.split('.')[1]}-{turn}-{market}",
                "cert_rotated",
                planted=code,
                quick=(turn == 90),
                **v,
            )
        )
    out.append(
        S(
            "cert_photo-clean-walmart",
            "cert_photo",
            "walmart",
            cert_style="uspto",
            cert_office="USPTO",
            cert_how="photo",
        )
    )
    out.append(
        S(
            "cert_photo-clean-ebay-de",
            "cert_photo",
            "ebay-de",
            cert_style="table",
            cert_lang="de",
            cert_how="photo",
            quick=False,
        )
    )
    for i, (market, style, lang) in enumerate((("walmart", "uspto", "en"), ("ebay-es", "columns", "es"))):
        out.append(
            S(
                f"cert_photo_dark-unreadable-{market}",
                "cert_photo_dark",
                market,
                planted=("evidence.certificate_unreadable"),
                cert_style=style,
                cert_lang=lang,
                cert_how="darkphoto",
                cert_office="USPTO" if style == "uspto" else "EUIPO",
                quick=(i == 0),
            )
        )

    # listing captures: baseline certificates (INID text PDF of the market's office)
    markets = [
        "walmart",
        "etsy",
        "temu",
        "ebay-de",
        "ebay-fr",
        "ebay-es",
        "ebay-it",
        "meli-mx",
        "meli-br",
        "shopee",
        "lazada-ph",
    ]
    for i, key in enumerate(markets):
        out.append(S(f"market-clean-{key}", "market_capture", key, quick=(i in (0, 1, 2, 4, 8, 10))))
        code = ("listing.id_mismatch", "mark.not_found")[i % 2]
        out.append(
            S(f"market-{code.split('.')[1]}-{key}", "market_capture", key, planted=code, quick=(i < 2))
        )
    for i, key in enumerate(["taobao", "aliexpress", "temu", "ebay-de", "walmart", "meli-mx", "lazada-ph"]):
        brand = "qing" if key == "taobao" else "fjell"
        lang = "zh" if key == "taobao" else "en"
        style = "table" if key == "taobao" else "inid"
        out.append(
            S(
                f"other_listing-id_mismatch-{key}",
                "capture_other_listing",
                key,
                brand=brand,
                planted="listing.id_mismatch",
                id_label=False,
                cert_style=style,
                cert_lang=lang,
                quick=(i < 2),
            )
        )
        out.append(
            S(
                f"other_listing-clean-{key}",
                "capture_other_listing",
                key,
                brand=brand,
                id_label=False,
                cert_style=style,
                cert_lang=lang,
                quick=(i < 1),
            )
        )
    for i, (key, style) in enumerate(
        (
            ("walmart", "chrome"),
            ("ebay-de", "firefox"),
            ("etsy", "chrome"),
            ("meli-mx", "firefox"),
            ("ebay-it", "chrome"),
        )
    ):
        cap = f"print-{style}"
        out.append(S(f"print_pdf-clean-{style}-{key}", "print_pdf", key, capture=cap, quick=(i < 2)))
        out.append(
            S(
                f"print_pdf-id_mismatch-{style}-{key}",
                "print_pdf",
                key,
                planted="listing.id_mismatch",
                capture=cap,
                id_label=False,
                quick=(i < 1),
            )
        )
        if i in (1, 2):
            out.append(
                S(
                    f"print_pdf-not_found-{style}-{key}",
                    "print_pdf",
                    key,
                    planted="mark.not_found",
                    capture=cap,
                    quick=(i == 1),
                )
            )
    for i, key in enumerate(("aliexpress", "walmart", "ebay-fr", "shopee")):
        out.append(S(f"tall-clean-{key}", "tall_screenshot", key, capture="tall", quick=(i < 1)))
        code = ("mark.not_found", "listing.id_mismatch")[i % 2]
        out.append(
            S(
                f"tall-{code.split('.')[1]}-{key}",
                "tall_screenshot",
                key,
                planted=code,
                capture="tall",
                quick=(i < 1),
            )
        )
    seen: set[str] = set()
    unique = []
    for sc in out:
        if sc.name not in seen and (sc.quick or not quick):
            seen.add(sc.name)
            unique.append(sc)
    return unique


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--quick", action="store_true", help="a smaller set (about 40 cases)")
    args = ap.parse_args(argv)
    cases_dir = args.out / "cases"
    if cases_dir.exists():
        shutil.rmtree(cases_dir)
    cases_dir.mkdir(parents=True)
    labels: dict[str, Any] = {}
    for sc in scenarios(args.quick):
        labels[sc.name] = build_case(cases_dir, sc, random.Random(f"{args.seed}-{sc.name}"))
        print(f"wrote {sc.name}", file=sys.stderr)
    (args.out / "labels.json").write_text(
        json.dumps(
            {"filing_date": FILING.isoformat(), "generator": "make_eval_wild", "cases": labels},
            indent=2,
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"{len(labels)} cases in {cases_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
