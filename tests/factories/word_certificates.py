"""Certificates of offices no reader knows: word labels in seven languages, laid out as a two-column
table, "Label: value" lines, labels above values, running text, or ST.60 INID codes with captions.

Long goods lists flow onto further pages, as real certificates do. Labels can be printed the way OCR
misreads them (spaces lost, l/1, O/0, m/rn, accents dropped) to exercise lenient label matching.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import TYPE_CHECKING

from tests.factories.layout import PT_MM, Page, Rule, text_width_mm, wrap

if TYPE_CHECKING:
    from tests.factories.certificates import CertificateSpec

# field -> label, per language (what offices print; several offices per language differ in wording)
LABELS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Certificate of Registration of a Trade Mark",
        "office": "Nordland Patent and Trade Mark Office",
        "number": "Trade mark number",
        "mark": "Trade mark",
        "owner": "Owner",
        "address": "Address",
        "classes": "Nice classes",
        "goods": "Goods and services",
        "filing_date": "Date of filing",
        "registration_date": "Date of registration",
        "expiry_date": "Expiry date/Renewal due",
        "class": "Class",
        "sign": "The Registrar of Trade Marks",
    },
    "de": {
        "title": "Urkunde über die Eintragung einer Marke",
        "office": "Alpenländisches Markenamt",
        "number": "Registernummer",
        "mark": "Marke",
        "owner": "Inhaber",
        "address": "Anschrift",
        "classes": "Klassen",
        "goods": "Waren und Dienstleistungen",
        "filing_date": "Anmeldetag",
        "registration_date": "Eintragungstag",
        "expiry_date": "Ablauf der Schutzdauer",
        "class": "Klasse",
        "sign": "Der Präsident des Markenamts",
    },
    "fr": {
        "title": "Certificat d'enregistrement de marque",
        "office": "Office de la propriété industrielle du Valmont",
        "number": "Numéro d'enregistrement",
        "mark": "Marque",
        "owner": "Titulaire",
        "address": "Adresse",
        "classes": "Classes",
        "goods": "Produits et services",
        "filing_date": "Date de dépôt",
        "registration_date": "Date d'enregistrement",
        "expiry_date": "Date d'expiration",
        "class": "Classe",
        "sign": "Le Directeur général",
    },
    "es": {
        "title": "Título de registro de marca",
        "office": "Oficina de Marcas de Costa Verde",
        "number": "Número de registro",
        "mark": "Marca",
        "owner": "Titular",
        "address": "Domicilio",
        "classes": "Clases",
        "goods": "Productos y servicios",
        "filing_date": "Fecha de presentación",
        "registration_date": "Fecha de concesión",
        "expiry_date": "Fecha de vencimiento",
        "class": "Clase",
        "sign": "El Director de Signos Distintivos",
    },
    "it": {
        "title": "Attestato di registrazione di marchio",
        "office": "Ufficio Marchi della Repubblica di Montalto",
        "number": "Numero di registrazione",
        "mark": "Marchio",
        "owner": "Titolare",
        "address": "Indirizzo",
        "classes": "Classi",
        "goods": "Prodotti e servizi",
        "filing_date": "Data di deposito",
        "registration_date": "Data di registrazione",
        "expiry_date": "Scadenza",
        "class": "Classe",
        "sign": "Il Direttore dell'Ufficio",
    },
    "pt": {
        "title": "Certificado de registro de marca",
        "office": "Instituto de Marcas de Nova Lusitânia",
        "number": "Número do registro",
        "mark": "Marca",
        "owner": "Titular",
        "address": "Endereço",
        "classes": "Classes",
        "goods": "Produtos e serviços",
        "filing_date": "Data de depósito",
        "registration_date": "Data de concessão",
        "expiry_date": "Vigência",
        "class": "Classe",
        "sign": "O Presidente do Instituto",
    },
    "zh": {
        "title": "注册商标证明",
        "office": "南岭知识产权署",
        "number": "注册号",
        "mark": "商标",
        "owner": "注册人",
        "address": "地址",
        "classes": "类别",
        "goods": "核定使用商品/服务项目",
        "filing_date": "申请日期",
        "registration_date": "注册日期",
        "expiry_date": "有效期至",
        "class": "",
        "sign": "署长",
    },
}
_MONTHS = {
    "en": "January February March April May June July August September October November December",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
}


def date_text(d: dt.date, lang: str) -> str:
    if lang == "zh":
        return f"{d.year}年{d.month:02d}月{d.day:02d}日"
    if lang == "en":
        return f"{d.day} {_MONTHS['en'].split()[d.month - 1]} {d.year}"
    if lang == "es":
        return f"{d.day} de {_MONTHS['es'].split()[d.month - 1]} de {d.year}"
    if lang == "de":
        return d.strftime("%d.%m.%Y")
    return d.strftime("%d/%m/%Y")


def ocr_misread(label: str) -> str:
    """A label as OCR misreads it: spaces lost, accents dropped, l->1 or I, O->0, m->rn (deterministic)."""
    s = "".join(c for c in unicodedata.normalize("NFKD", label) if not unicodedata.combining(c))
    s = s.replace(" ", "")
    s = s.replace("m", "rn", 1) if len(s) % 2 else s.replace("l", "1", 1)
    s = s.replace("o", "0", 1) if len(s) % 3 == 0 else s.replace("i", "l", 1)
    return s


def class_head(cls: int, lang: str) -> str:
    return f"第{cls}类" if lang == "zh" else f"{LABELS[lang]['class']} {cls}"


def _fields(spec: CertificateSpec) -> list[tuple[str, str]]:
    lang = spec.lang
    classes = sorted(set(spec.classes) | set(spec.goods))
    sep = "、" if lang == "zh" else ", "
    expiry = spec.expiry_date or (spec.registration_date.replace(year=spec.registration_date.year + 10))
    rows = [
        ("number", spec.registration_number),
        ("mark", spec.mark),
        ("owner", spec.owner),
        ("address", f"{spec.owner_address}, {spec.owner_country}"),
        ("filing_date", date_text(spec.filing_date, lang)),
        ("registration_date", date_text(spec.registration_date, lang)),
        ("expiry_date", date_text(expiry, lang)),
        ("classes", sep.join(f"第{c}类" if lang == "zh" else str(c) for c in classes)),
    ]
    return [(key, value) for key, value in rows if key not in spec.omit]


def _goods_lines(spec: CertificateSpec) -> list[str]:
    classes = sorted(set(spec.classes) | set(spec.goods))
    sep = "：" if spec.lang == "zh" else ": "
    if spec.goods_inline:  # one run of text, each class headed by its bare number
        return ["  ".join(f"{c}{sep}{spec.goods.get(c, '')}" for c in classes)]
    return [f"{class_head(c, spec.lang)}{sep}{spec.goods.get(c, '')}" for c in classes]


class _Flow:
    """Pages filled top to bottom; a new page starts when one is full (goods run on)."""

    def __init__(self, spec: CertificateSpec) -> None:
        self.spec = spec
        self.pages: list[Page] = []
        self.new_page()

    @property
    def page(self) -> Page:
        return self.pages[-1]

    def new_page(self) -> None:
        p = Page()
        lab = LABELS[self.spec.lang]
        p.text(105, 16, self.spec.office_name or lab["office"], 10, align="C")
        if self.pages:
            p.text(190, 287, f"{len(self.pages) + 1}", 8, align="R")
            p.cursor = 26
        self.pages.append(p)

    def room(self, mm: float) -> None:
        if self.page.cursor + mm > 272:
            self.new_page()


def label_text(spec: CertificateSpec, key: str) -> str:
    text = spec.labels.get(key) or LABELS[spec.lang][key]
    return ocr_misread(text) if spec.ocr_labels else text


def _header(flow: _Flow) -> None:
    spec, p = flow.spec, flow.page
    p.text(105, 30, spec.labels.get("title") or LABELS[spec.lang]["title"], 16, bold=True, align="C")
    p.cursor = 42


def _table(flow: _Flow, *, colon: bool = False) -> None:
    """Two columns: label cell left, value cell right, a rule under each row (or "Label: value")."""
    spec = flow.spec
    _header(flow)
    rows = _fields(spec) + [("goods", "\n".join(_goods_lines(spec)))]
    for key, value in rows:
        size = 13.0 if key == "mark" else 10.5
        label = label_text(spec, key)
        if colon:
            flow.room(8)
            text = f"{label}{'：' if spec.lang == 'zh' else ': '}"
            p = flow.page
            p.cursor += 7
            p.text(20, p.cursor, text, 10.5, bold=True)
            if key == "goods":
                for part in value.split("\n"):
                    for line in wrap(part, 165, 10.5):
                        flow.room(6)
                        flow.page.flow(25, line, 10.5, gap=0)
                continue
            p.text(20 + text_width_mm(text, 10.5, True) + 1, p.cursor, value, size)
            continue
        flow.room(9)
        p = flow.page
        p.cursor += 7
        label_lines = wrap(label, 48, 10.5, bold=True)  # a long label wraps in its cell
        for n, part in enumerate(label_lines):
            p.text(20, p.cursor + n * 10.5 * PT_MM * 1.2, part, 10.5, bold=True)
        label_bottom = p.cursor + (len(label_lines) - 1) * 10.5 * PT_MM * 1.2
        p.cursor -= size * PT_MM * 1.25
        for part in value.split("\n"):
            for line in wrap(part, 108, size):
                flow.room(6)
                flow.page.flow(80, line, size, gap=0.3)
        if flow.page is p:
            p.cursor = max(p.cursor, label_bottom + 1.5)
        flow.page.skip(1.5)
        flow.page.items.append(Rule(20, flow.page.cursor, 190, flow.page.cursor, 0.2))


def _above(flow: _Flow) -> None:
    """Each label small above its value; dates three abreast on one row."""
    spec = flow.spec
    _header(flow)
    values = dict(_fields(spec))
    for key in ("number", "mark", "owner", "address"):
        if key not in values:
            continue
        p = flow.page
        p.flow(20, label_text(spec, key), 8.5, bold=True, gap=0.5)
        p.flow(20, values[key], 13 if key == "mark" else 11, gap=3, width=170)
    p = flow.page
    p.cursor += 4
    for i, key in enumerate(("filing_date", "registration_date", "expiry_date")):
        if key not in values:
            continue
        p.text(20 + 60 * i, p.cursor, label_text(spec, key), 8.5, bold=True)
        p.text(20 + 60 * i, p.cursor + 5.5, values[key], 11)
    p.cursor += 10
    p.flow(20, label_text(spec, "classes"), 8.5, bold=True, gap=0.5)
    p.flow(20, values["classes"], 11, gap=3)
    p.flow(20, label_text(spec, "goods"), 8.5, bold=True, gap=0.5)
    for part in _goods_lines(spec):
        for line in wrap(part, 170, 11):
            flow.room(6)
            flow.page.flow(20, line, 11, gap=0.3)


_RUNNING = {
    "en": (
        "This is to certify that the trade mark {mark} has been registered under No. {number} in the name "
        "of {owner}, {address}, for goods and services in classes {classes}. The mark was filed on "
        "{filing_date} and entered in the register on {registration_date}. The registration is valid until "
        "{expiry_date}, subject to renewal."
    ),
    "de": (
        "Hiermit wird bescheinigt, dass die Marke {mark} unter der Nummer {number} für {owner}, {address}, "
        "für Waren und Dienstleistungen der Klassen {classes} eingetragen worden ist. Anmeldetag: "
        "{filing_date}. Tag der Eintragung: {registration_date}. Die Schutzdauer endet am {expiry_date}."
    ),
    "pt": (
        "Certifica-se que a marca {mark} se encontra registada sob o n.º {number} a favor de {owner}, "
        "{address}, para assinalar produtos e serviços das classes {classes}. Data do pedido: {filing_date}. "
        "Data da concessão: {registration_date}. O registo é válido até {expiry_date}."
    ),
}


def _running(flow: _Flow) -> None:
    spec = flow.spec
    _header(flow)
    values = dict(_fields(spec))
    conj = {"en": " and ", "pt": " e "}.get(spec.lang, " und ")
    values["classes"] = conj.join(values["classes"].rsplit(", ", 1))
    text = _RUNNING.get(spec.lang, _RUNNING["en"]).format(**values)
    if spec.ocr_labels:  # prose as OCR of a scan gives it: the spaces between words lost, line by line
        for line in wrap(text, 170, 11):
            flow.page.flow(20, line.replace(" ", ""), 11, width=400, gap=0)
        flow.page.skip(5)
    else:
        flow.page.flow(20, text, 11, width=170, gap=5)
    for part in _goods_lines(spec):
        for line in wrap(part, 170, 11):
            flow.room(6)
            flow.page.flow(20, line, 11, gap=0.3)


def _inid(flow: _Flow) -> None:
    """ST.60 codes with captions, for an office no reader knows."""
    spec = flow.spec
    _header(flow)
    values = dict(_fields(spec))
    rows = [
        ("111", "number"),
        ("210", None),
        ("220", "filing_date"),
        ("151", "registration_date"),
        ("180", "expiry_date"),
        ("540", "mark"),
        ("732", "owner"),
    ]
    for code, key in rows:
        value = values[key] if key else spec.registration_number
        if key == "owner":
            value = f"{spec.owner}, {values['address']}"
        p = flow.page
        p.cursor += 7
        p.text(20, p.cursor, f"({code})", 10.5)
        p.cursor -= 10.5 * PT_MM * 1.25
        p.flow(38, value, 13 if key == "mark" else 10.5, width=150, gap=0)
    for part in _goods_lines(spec):
        flow.room(8)
        p = flow.page
        p.cursor += 7
        p.text(20, p.cursor, "(511)", 10.5)
        p.cursor -= 10.5 * PT_MM * 1.25
        for line in wrap(part, 150, 10.5):
            flow.room(6)
            flow.page.flow(38, line, 10.5, gap=0)


LAYOUTS = {
    "table": _table,
    "colon": lambda flow: _table(flow, colon=True),
    "above": _above,
    "running": _running,
    "inid": _inid,
}


def word_certificate_pages(spec: CertificateSpec) -> list[Page]:
    if spec.layout not in LAYOUTS:
        raise ValueError(f"no certificate layout {spec.layout!r}")
    if spec.lang not in LABELS:
        raise ValueError(f"no certificate labels for language {spec.lang!r}")
    flow = _Flow(spec)
    LAYOUTS[spec.layout](flow)
    flow.room(20)
    p = flow.page
    p.cursor = max(p.cursor + 14, 250) if p.cursor < 250 else p.cursor + 10
    p.text(150, p.cursor, LABELS[spec.lang]["sign"], 10, align="C")
    return flow.pages
