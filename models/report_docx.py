"""The plan van aanpak as a Word document (.docx), in the consultant's house style when a template is given.

Everything shown comes from :func:`models.plan_report.plan_report`. The base document is the consultant's
.docx with its body removed (its styles, header, footer, logo and page set-up stay) or python-docx's
default document, styled here (Arial, A4). Styles are found by name, so a Dutch template's ``Kop1`` serves
as Heading 1; a style the template lacks is added. The body is written as WordprocessingML text straight
into the saved package, because python-docx's row and cell objects (python-openxml/python-docx#174), and
even parsing the text into its tree, are far too slow for a plan of thousands of actions. The package is
rewritten with fixed zip times, so the same workbook and date give the same bytes.

Only this module imports python-docx; the report registry imports it when a Word plan is made.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import parse_xml
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.package import Package
from docx.shared import Cm

from models.fixed_zip import fixed_zip
from models.formatting import long_date, short_date
from models.os_errors import dutch_os_error
from models.plan_report import (
    ActionDetail,
    ActionGroup,
    DiScanReport,
    Note,
    OverviewLine,
    PlanReport,
    Scores,
    Signature,
    plan_report,
)
from models.report_formats import ReportRequest, TemplateError

_T = TypeVar("_T")

if TYPE_CHECKING:
    from docx.document import Document
    from docx.section import Section
    from docx.styles.style import BaseStyle

FONT = "Arial"
"""The plain house style's font: on every computer, or a look-alike with the same widths (Liberation Sans)."""
HEADING_COLOUR = "1F4E79"
HEADER_FILL = "DCE6F1"
LABEL_FILL = "F2F2F2"
BAR_FILL = "4F7BB5"
GAIN_FILL = "6AA84F"
LOSS_FILL = "F4C7C3"
LATE_COLOUR = "C00000"
QUIET_COLOUR = "595959"
TEXT_WIDTH = 9638
"""A4 less 2 cm margins, in twentieths of a point (twips): the width when the template does not say."""
FIELD_INDENT = 1701
"""Where an action's texts start after their label (Wat, Werkwijze): 3 cm."""
EMU_PER_TWIP = 635
CELL_POINTS = 9
"""The size of table text (the Plan tabeltekst style this module adds)."""
CELL_MARGINS = 2 * 108 + 57
"""A cell's left and right margin (Word's default) and 1 mm to spare."""
SEPARATOR = " · "

_NOT_IN_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_PAGE_FIELD = re.compile(r"\bPAGE\b")
_WORD = re.compile(r"[^\s-]+-?")
"""A word as Word keeps it on one line: up to a space, or up to and with a hyphen."""
_WORD_TEMPLATE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_WORD_MACROS = "application/vnd.ms-word.document.macroEnabled.main+xml"
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""How an old Word file (.doc) starts."""


# --- WordprocessingML as text ------------------------------------------------------------------------------


def _escape(text: str) -> str:
    """Text safe in XML: markup characters escaped, characters XML cannot hold left out."""
    text = _NOT_IN_XML.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _run(text: str, *, bold: bool = False, colour: str | None = None) -> str:
    """One run of text; line breaks stay line breaks and tabs stay tabs."""
    props = ("<w:b/>" if bold else "") + (f'<w:color w:val="{colour}"/>' if colour else "")
    head = f"<w:r><w:rPr>{props}</w:rPr>" if props else "<w:r>"
    text = _escape(text.replace("\r\n", "\n").replace("\r", "\n"))
    if "\n" not in text and "\t" not in text:
        return f'{head}<w:t xml:space="preserve">{text}</w:t></w:r>'
    lines = []
    for line in text.split("\n"):
        chunks = (f'<w:t xml:space="preserve">{chunk}</w:t>' if chunk else "" for chunk in line.split("\t"))
        lines.append("<w:tab/>".join(chunks))
    return f"{head}{'<w:br/>'.join(lines)}</w:r>"


TAB = "<w:r><w:tab/></w:r>"


def _paragraph(
    content: str = "",
    style: str | None = None,
    *,
    keep_next: bool = False,
    page_break: bool = False,
    before: int | None = None,
    after: int | None = None,
    right: bool = False,
) -> str:
    """A paragraph; its properties in the order Word requires."""
    props = f'<w:pStyle w:val="{style}"/>' if style else ""
    props += "<w:keepNext/>" if keep_next else ""
    props += "<w:pageBreakBefore/>" if page_break else ""
    if before is not None or after is not None:
        props += "<w:spacing"
        props += f' w:before="{before}"' if before is not None else ""
        props += f' w:after="{after}"' if after is not None else ""
        props += "/>"
    props += '<w:jc w:val="right"/>' if right else ""
    return f"<w:p><w:pPr>{props}</w:pPr>{content}</w:p>" if props else f"<w:p>{content}</w:p>"


def _cell(
    width: int,
    paragraphs: str,
    *,
    fill: str | None = None,
    span: int = 1,
    line_below: bool = False,
    bottom: bool = False,
) -> str:
    """A table cell of ``width`` twips holding ``paragraphs`` (a cell always ends with a paragraph)."""
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    props += f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    if line_below:
        props += '<w:tcBorders><w:bottom w:val="single" w:sz="6" w:space="0" w:color="auto"/></w:tcBorders>'
    props += f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
    props += '<w:vAlign w:val="bottom"/>' if bottom else ""
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{paragraphs or '<w:p/>'}</w:tc>"


def _row(cells: Iterable[str], *, header: bool = False, height: int | None = None) -> str:
    """A table row that never breaks over two pages; a header row repeats on every page."""
    props = "<w:cantSplit/>"
    props += f'<w:trHeight w:val="{height}"/>' if height else ""
    props += "<w:tblHeader/>" if header else ""
    return f"<w:tr><w:trPr>{props}</w:trPr>{''.join(cells)}</w:tr>"


def _table(columns: Sequence[int], rows: Iterable[str], style: str | None) -> str:
    """A table of fixed ``columns`` (twips); without a style it has no borders."""
    props = f'<w:tblStyle w:val="{style}"/>' if style else ""
    props += f'<w:tblW w:w="{sum(columns)}" w:type="dxa"/>'
    if not style:
        props += "<w:tblBorders>" + "".join(
            f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        props += "</w:tblBorders>"
    props += '<w:tblLayout w:type="fixed"/>'
    props += '<w:tblLook w:val="04A0" w:firstRow="1" w:noVBand="1"/>'
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in columns)
    return f"<w:tbl><w:tblPr>{props}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


def _page_number_runs() -> str:
    """``Pagina X van Y`` with the PAGE and NUMPAGES fields, which Word fills in on every page."""

    def field(code: str) -> str:
        return (
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> {code} </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            "<w:r><w:t>1</w:t></w:r>"
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        )

    return _run("Pagina ") + field("PAGE") + _run(" van ") + field("NUMPAGES")


def _elements(xml: str) -> list[BaseOxmlElement]:
    """The elements of a WordprocessingML fragment, parsed once."""
    wrapper = parse_xml(f"<w:body {nsdecls('w')}>{xml}</w:body>")
    return list(wrapper)


# --- styles ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _StyleSpec:
    """A style the plan uses: Word's own name (the same in a Dutch Word), and how it looks when added."""

    name: str
    kind: WD_STYLE_TYPE
    paragraph: str = ""
    run: str = ""
    table: str = ""
    builtin: bool = True


def _heading(level: int, size: int, before: int, colour: str) -> _StyleSpec:
    return _StyleSpec(
        f"Heading {level}",
        WD_STYLE_TYPE.PARAGRAPH,
        paragraph=(
            f'<w:keepNext/><w:keepLines/><w:spacing w:before="{before}" w:after="100"/>'
            f'<w:outlineLvl w:val="{level - 1}"/>'
        ),
        run=f'<w:b/><w:bCs/><w:color w:val="{colour}"/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/>',
    )


_LINES = "".join(
    f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)
STYLES = {
    "normal": _StyleSpec(
        "Normal",
        WD_STYLE_TYPE.PARAGRAPH,
        paragraph='<w:spacing w:after="120" w:line="264" w:lineRule="auto"/>',
        run=(
            f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'
            '<w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val="nl-NL"/>'
        ),
    ),
    "title": _StyleSpec(
        "Title",
        WD_STYLE_TYPE.PARAGRAPH,
        paragraph='<w:spacing w:after="240" w:line="240" w:lineRule="auto"/>',
        run=f'<w:b/><w:bCs/><w:color w:val="{HEADING_COLOUR}"/><w:sz w:val="56"/><w:szCs w:val="56"/>',
    ),
    "subtitle": _StyleSpec(
        "Subtitle",
        WD_STYLE_TYPE.PARAGRAPH,
        paragraph='<w:spacing w:after="240"/>',
        run=f'<w:color w:val="{QUIET_COLOUR}"/><w:sz w:val="32"/><w:szCs w:val="32"/>',
    ),
    "heading1": _heading(1, 32, 360, HEADING_COLOUR),
    "heading2": _heading(2, 26, 280, HEADING_COLOUR),
    "heading3": _heading(3, 21, 200, "262626"),
    "bullet": _StyleSpec(
        "List Bullet",
        WD_STYLE_TYPE.PARAGRAPH,
        paragraph='<w:spacing w:after="60"/><w:ind w:left="360" w:hanging="360"/>',
    ),
    "footer": _StyleSpec(
        "Footer", WD_STYLE_TYPE.PARAGRAPH, paragraph='<w:spacing w:after="0"/>', run='<w:sz w:val="16"/>'
    ),
    "grid": _StyleSpec(
        "Table Grid",
        WD_STYLE_TYPE.TABLE,
        paragraph='<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>',
        table=(
            f"<w:tblBorders>{_LINES}</w:tblBorders>"
            '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
        ),
    ),
    "cell": _StyleSpec(
        "Plan tabeltekst",
        WD_STYLE_TYPE.PARAGRAPH,
        paragraph='<w:spacing w:before="30" w:after="30" w:line="240" w:lineRule="auto"/>',
        run='<w:sz w:val="18"/><w:szCs w:val="18"/>',
        builtin=False,
    ),
    "field": _StyleSpec(
        "Plan veld",
        WD_STYLE_TYPE.PARAGRAPH,
        paragraph=(
            f'<w:tabs><w:tab w:val="left" w:pos="{FIELD_INDENT}"/></w:tabs><w:spacing w:after="80"/>'
            f'<w:ind w:left="{FIELD_INDENT}" w:hanging="{FIELD_INDENT}"/>'
        ),
        builtin=False,
    ),
    "facts": _StyleSpec(
        "Plan gegevens",
        WD_STYLE_TYPE.PARAGRAPH,
        paragraph='<w:spacing w:after="120"/>',
        run=f'<w:color w:val="{QUIET_COLOUR}"/><w:sz w:val="18"/><w:szCs w:val="18"/>',
        builtin=False,
    ),
    "small": _StyleSpec(
        "Plan toelichting",
        WD_STYLE_TYPE.PARAGRAPH,
        paragraph='<w:spacing w:before="60" w:after="160"/>',
        run=f'<w:i/><w:iCs/><w:color w:val="{QUIET_COLOUR}"/><w:sz w:val="16"/><w:szCs w:val="16"/>',
        builtin=False,
    ),
}
"""Every style the plan uses, by what it is used for."""
_STYLE_KINDS = {
    WD_STYLE_TYPE.PARAGRAPH: "paragraph",
    WD_STYLE_TYPE.CHARACTER: "character",
    WD_STYLE_TYPE.TABLE: "table",
}


def _style_elements(document: Document) -> dict[tuple[str, str], BaseOxmlElement]:
    """The document's styles by (kind, lower-case name): Word writes its built-in names in English in any
    language ("heading 1" with id "Kop1" in a Dutch Word), but not always in the same case."""
    found: dict[tuple[str, str], BaseOxmlElement] = {}
    for style in document.styles.element.style_lst:
        name = style.name_val
        if name is not None:
            found.setdefault((str(style.get(qn("w:type")) or "paragraph"), name.lower()), style)
    return found


def _apply(style: BaseStyle, spec: _StyleSpec) -> None:
    """Give ``style`` the look of ``spec``, replacing its own paragraph, run and table properties; a list
    style keeps its numbering (the bullet)."""
    element = style.element
    numbering = element.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
    for tag in ("w:pPr", "w:rPr", "w:tblPr"):
        for old in element.findall(qn(tag)):
            element.remove(old)
    for tag, props in (("w:pPr", spec.paragraph), ("w:rPr", spec.run), ("w:tblPr", spec.table)):
        if props:
            element.append(_elements(f"<{tag}>{props}</{tag}>")[0])
    paragraph = element.find(qn("w:pPr"))
    if numbering is not None and paragraph is not None:
        earlier = {qn(f"w:{tag}") for tag in ("keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl")}
        position = sum(1 for child in paragraph if child.tag in earlier)
        paragraph.insert(position, numbering)


def _style_ids(document: Document, *, restyle: bool) -> dict[str, str]:
    """The style id of every style the plan uses, adding what the document lacks; with ``restyle`` (the
    plain house style) the built-in ones get this module's look too."""
    existing = _style_elements(document)
    taken = {str(style.get(qn("w:styleId"))) for style in document.styles.element.style_lst}
    normal = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    ids: dict[str, str] = {}
    for use, spec in STYLES.items():
        element = existing.get((_STYLE_KINDS[spec.kind], spec.name.lower()))
        if element is None:
            style = document.styles.add_style(spec.name, spec.kind, builtin=spec.builtin)
            if style.style_id in taken:  # a template's own style may have the id Word would give it
                style.style_id = _free_id(style.style_id, taken)
            taken.add(style.style_id)
            if normal is not None and spec.kind == WD_STYLE_TYPE.PARAGRAPH and spec.name != "Normal":
                style.base_style = normal
            _apply(style, spec)
        else:
            style = document.styles.get_by_id(str(element.get(qn("w:styleId"))), spec.kind)
            if restyle:
                _apply(style, spec)
        ids[use] = style.style_id
    return ids


def _free_id(wanted: str, taken: set[str]) -> str:
    number = 2
    while f"{wanted}{number}" in taken:
        number += 1
    return f"{wanted}{number}"


def _has_numbering(document: Document, style_id: str) -> bool:
    """Whether a paragraph style (or one it is based on) is a numbered or bulleted list."""
    seen: set[str] = set()
    current: str | None = style_id
    while current and current not in seen:
        seen.add(current)
        element = document.styles.element.get_by_id(current)
        if element is None:
            return False
        if element.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None:
            return True
        based_on = element.find(qn("w:basedOn"))
        current = based_on.get(qn("w:val")) if based_on is not None else None
    return False


# --- the base document -------------------------------------------------------------------------------------


def _plain_document() -> Document:
    """python-docx's default document as the plain house style: Arial, modest blue headings, A4."""
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2)
    section.top_margin, section.bottom_margin = Cm(2.2), Cm(2)
    section.header_distance = section.footer_distance = Cm(1)
    for fonts in document.styles.element.iter(qn("w:rFonts")):  # theme fonts would win over Arial
        for side in ("ascii", "hAnsi", "eastAsia", "cs"):
            fonts.attrib.pop(qn(f"w:{side}Theme"), None)
            fonts.set(qn(f"w:{side}"), FONT)
    for language in document.styles.element.iter(qn("w:lang")):
        language.set(qn("w:val"), "nl-NL")
    return document


def _template_problem(data: bytes) -> str | None:
    """What makes ``data`` no usable Word document, in Dutch, or None."""
    if data.startswith(_OLE_SIGNATURE):
        return "is een oud Word-bestand (.doc). Open het in Word en sla het op als Word-document (.docx)"
    if not zipfile.is_zipfile(io.BytesIO(data)):
        return "is geen Word-document (.docx), of het bestand is beschadigd"
    return None


def _template_document(path: Path) -> Document:
    """The consultant's template, opened with its body removed; a :class:`TemplateError` if it cannot be."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise TemplateError(f"Het Word-sjabloon {dutch_os_error(error, path, writing=False)}.") from None
    if problem := _template_problem(data):
        raise TemplateError(f"Het Word-sjabloon {path} {problem}.")
    try:
        part = Package.open(io.BytesIO(data)).main_document_part
        kind = part.content_type
    except Exception as error:  # whatever python-docx trips over in a broken file
        raise TemplateError(
            f"Het Word-sjabloon {path} is beschadigd: een onderdeel ontbreekt of is onleesbaar "
            f"({type(error).__name__}). Open het in Word en sla het opnieuw op."
        ) from None
    if kind == _WORD_TEMPLATE:
        raise TemplateError(
            f"Het Word-sjabloon {path} is een Word-sjabloonbestand (.dotx). Maak er in Word een document van "
            "en sla dat op als Word-document (.docx)."
        )
    if kind == _WORD_MACROS:
        raise TemplateError(
            f"Het Word-sjabloon {path} bevat macro's (.docm). Sla het in Word op als Word-document (.docx)."
        )
    if kind != CT.WML_DOCUMENT_MAIN:
        raise TemplateError(
            f"Het Word-sjabloon {path} is geen Word-document maar een ander soort bestand (zoals Excel of PowerPoint)."
        )
    try:
        document: Document = docx.Document(io.BytesIO(data))
        _clear_body(document)
    except Exception as error:
        raise TemplateError(
            f"Het Word-sjabloon {path} kon niet worden gelezen ({type(error).__name__}). "
            "Open het in Word en sla het opnieuw op."
        ) from None
    return document


def _clear_body(document: Document) -> None:
    """Remove the template's text, tables and pictures; keep its last section (page set-up, header, footer).

    A section break in the body goes too, so the last section takes over any header or footer it took from
    an earlier section (Word's "link to previous")."""
    body = document.element.body
    last = body.find(qn("w:sectPr"))
    references: dict[tuple[str, str], BaseOxmlElement] = {}
    for section in body.iter(qn("w:sectPr")):
        for reference in section:
            if reference.tag in (qn("w:headerReference"), qn("w:footerReference")):
                references[(reference.tag, str(reference.get(qn("w:type"))))] = reference
    if last is None:
        last = _elements("<w:sectPr/>")[0]
    for child in list(body):
        body.remove(child)
    body.append(last)
    own = {(reference.tag, str(reference.get(qn("w:type")))) for reference in last}
    for key, reference in references.items():
        if key not in own:
            last.insert(0, parse_xml(reference.xml))
    _drop_unused_relationships(document)


_BODY_RELATIONSHIPS = {RT.IMAGE, RT.HYPERLINK, RT.CHART, RT.OLE_OBJECT, RT.PACKAGE, RT.DIAGRAM_DATA}


def _drop_unused_relationships(document: Document) -> None:
    """Forget the pictures and links of the template's removed body, so they are not saved with the plan."""
    xml = document.element.xml
    part = document.part
    for rid, relationship in list(part.rels.items()):
        if relationship.reltype in _BODY_RELATIONSHIPS and f'"{rid}"' not in xml:
            del part.rels[rid]


# --- the plan ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Column:
    """A table column: its share of the width, and the texts it holds, whose words (or with ``whole`` the
    texts themselves: dates, ids) it should be wide enough for, so none breaks halfway."""

    weight: float
    texts: Iterable[str] = ()
    whole: bool = False

    def needed(self, points: float, font: _FontWidths) -> int:
        """The width in twips the widest word (or text) takes in ``points`` of ``font``, with the margins."""
        if self.whole:
            pieces = {line for text in self.texts for line in text.splitlines()}
        else:
            pieces = {word for text in self.texts for word in _WORD.findall(text)}
        longest = max((len(piece) for piece in pieces), default=0)
        widest = max((font.ems(piece) for piece in pieces if len(piece) * 4 >= longest * 3), default=0.0)
        return round(widest * points * 20) + CELL_MARGINS if widest else 0


@dataclass(frozen=True)
class _FontWidths:
    """Rough widths of characters in ems, to size table columns by their text."""

    capital: float
    digit: float
    small: float
    space: float
    other: float

    def ems(self, text: str) -> float:
        """How wide ``text`` is, in ems (on the wide side)."""
        width = 0.0
        for character in text:
            if character.isupper():
                width += self.capital
            elif character.isdigit():
                width += self.digit
            elif character.islower():
                width += self.small
            elif character.isspace():
                width += self.space
            else:
                width += self.other
        return width


ARIAL = _FontWidths(capital=0.7, digit=0.56, small=0.5, space=0.28, other=0.4)
"""The plain style's Arial (bold a little wider)."""
ANY_FONT = _FontWidths(capital=0.76, digit=0.66, small=0.57, space=0.36, other=0.5)
"""A template's font, which may be as wide as Verdana."""


def _all_but_last(items: Sequence[_T]) -> Iterable[tuple[bool, _T]]:
    """Each item with whether it is followed by another: a table's rows keep with the next but the last."""
    return ((number < len(items) - 1, item) for number, item in enumerate(items))


def _signed(change: int | None) -> str:
    if change is None:
        return "–"
    return f"+{change}" if change > 0 else f"−{-change}" if change < 0 else "0"


class _PlanWriter:
    """Writes the plan's body as WordprocessingML text, in the styles found in the document."""

    def __init__(self, styles: dict[str, str], width: int, bullets_numbered: bool, font: _FontWidths) -> None:
        self.styles = styles
        self.width = width
        self.font = font
        self.bullet_mark = "" if bullets_numbered else "•\t"
        self.out: list[str] = []

    def columns(self, *columns: _Column, points: float = CELL_POINTS) -> list[int]:
        """Column widths in twips that fill the text width, in proportion to the columns' weights; a column
        that keeps its texts whole (ids, dates) is widened to fit them, with room taken first from columns
        wider than their longest word, then from the other columns with free text."""
        total = sum(column.weight for column in columns)
        widths = [self.width * column.weight / total for column in columns]
        needed = [column.needed(points, self.font) for column in columns]
        short = sum(
            max(0.0, need - width) for need, width, column in zip(needed, widths, columns, strict=True) if column.whole
        )
        for donors in (
            [
                0.0 if column.whole else max(0.0, width - need)
                for need, width, column in zip(needed, widths, columns, strict=True)
            ],
            [0.0 if column.whole else width for width, column in zip(widths, columns, strict=True)],
        ):
            if short <= 0 or not sum(donors):
                continue
            taken = min(short, sum(donors))
            widths = [width - donor * taken / sum(donors) for width, donor in zip(widths, donors, strict=True)]
            short -= taken
            widths = [
                max(width, need) if column.whole else width
                for width, need, column in zip(widths, needed, columns, strict=True)
            ]
        if short > 0:  # too narrow even for the whole texts: in proportion to what each needs
            widths = [self.width * need / sum(needed) for need in needed]
        rounded = [int(width) for width in widths]
        rounded[-1] += self.width - sum(rounded)
        return rounded

    def heading(self, level: int, text: str, *, page_break: bool = False) -> None:
        self.out.append(_paragraph(_run(text), self.styles[f"heading{level}"], page_break=page_break))

    def text(self, content: str, style: str | None = None, *, keep_next: bool = False) -> None:
        self.out.append(_paragraph(content, self.styles[style] if style else None, keep_next=keep_next))

    def bullet(self, content: str) -> None:
        mark = _run(self.bullet_mark) if self.bullet_mark else ""
        self.out.append(_paragraph(mark + content, self.styles["bullet"]))

    def field(self, label: str, text: str, *, before: int | None = None) -> None:
        """``label`` in bold, then the text from the same indent on every line."""
        self.out.append(_paragraph(_run(label, bold=True) + TAB + _run(text), self.styles["field"], before=before))

    def cell_text(self, content: str, *, keep_next: bool = False) -> str:
        return _paragraph(content, self.styles["cell"], keep_next=keep_next)

    def header_row(self, columns: Sequence[int], titles: Sequence[str], spans: Sequence[int] = ()) -> str:
        spans = list(spans) or [1] * len(titles)
        cells, at = [], 0
        for title, span in zip(titles, spans, strict=True):
            paragraph = self.cell_text(_run(title, bold=True), keep_next=True)
            cells.append(_cell(sum(columns[at : at + span]), paragraph, fill=HEADER_FILL, span=span))
            at += span
        return _row(cells, header=True)

    def label_table(self, lines: Sequence[tuple[str, str]]) -> None:
        """Label and text side by side, the labels shaded; kept on one page."""
        columns = self.columns(_Column(5, [label for label, _ in lines], whole=True), _Column(12))
        rows = (
            _row(
                (
                    _cell(columns[0], self.cell_text(_run(label), keep_next=keep), fill=LABEL_FILL),
                    _cell(columns[1], self.cell_text(_run(text), keep_next=keep)),
                )
            )
            for keep, (label, text) in _all_but_last(lines)
        )
        self.out.append(_table(columns, rows, self.styles["grid"]))

    # The parts of the plan, in reading order.

    def title_page(self, report: PlanReport) -> None:
        self.out.append(_paragraph(_run("Plan van aanpak"), self.styles["title"], before=2835))
        self.out.append(_paragraph(_run(report.client), self.styles["subtitle"]))
        lines = [("Adviseur", report.adviseur)] if report.adviseur else []
        lines.append(("Datum", long_date(report.made_on)))
        if report.period:
            lines.append(("Periode", f"{long_date(report.period[0])} tot en met {long_date(report.period[1])}"))
        for number, (label, text) in enumerate(lines):
            self.field(label, text, before=1134 if number == 0 else None)

    def standing(self, report: PlanReport) -> None:
        self.heading(1, "Stand van zaken", page_break=True)
        if report.facts:
            self.heading(2, "Organisatie")
            self.label_table(report.facts)
        if report.levels:
            self.heading(2, "Niveaus")
            self.label_table(report.levels)
        self.phases(report)
        self.scores(report.scores)
        if report.di_scan is not None:
            self.di_scan(report.di_scan)
        self.legal(report)

    def phases(self, report: PlanReport) -> None:
        self.heading(2, "Fasen")
        if report.current_phase:
            self.text(_run("Huidige fase: ") + _run(report.current_phase, bold=True) + _run("."), keep_next=True)
        else:
            self.text(_run("Alle fasen zijn afgerond."), keep_next=True)
        steps = 10
        columns = self.columns(
            _Column(8, ["Fase", *(f"{phase.name} (nu)" for phase in report.phases)]),
            _Column(3, ["Afgevinkt", *(f"{phase.done} van {phase.total}" for phase in report.phases)], whole=True),
            *([_Column(0.6)] * steps),
        )
        rows = [self.header_row(columns, ("Fase", "Afgevinkt", "Voortgang"), (1, 1, steps))]
        for keep, phase in _all_but_last(report.phases):  # the table kept on one page
            name = _run(phase.name, bold=phase.current) + (_run(" (nu)") if phase.current else "")
            filled = round(steps * phase.done / phase.total) if phase.total else 0
            cells = [
                _cell(columns[0], self.cell_text(name, keep_next=keep)),
                _cell(columns[1], self.cell_text(_run(f"{phase.done} van {phase.total}"), keep_next=keep)),
            ]
            cells += [
                _cell(width, self.cell_text("", keep_next=keep), fill=BAR_FILL if step < filled else None)
                for step, width in enumerate(columns[2:])
            ]
            rows.append(_row(cells))
        self.out.append(_table(columns, rows, self.styles["grid"]))

    def scores(self, scores: Scores) -> None:
        self.heading(2, "Scores per succesfactor")
        if not scores.rounds:
            self.text(_run("De succesfactoren zijn nog niet gescoord."))
            return
        if scores.compared:
            intro = (
                f"De laatste meting ({long_date(scores.rounds[-1])}) naast de nulmeting "
                f"({long_date(scores.rounds[0])})."
            )
        else:
            intro = f"De nulmeting van {long_date(scores.rounds[0])}; het verschil volgt na een volgende meting."
        top = scores.maximum
        legend = f"Elk vak van de balk is één punt op de schaal van 1 tot {top}."
        if scores.compared:
            legend += " Groen is erbij gekomen sinds de nulmeting, lichtrood is sindsdien verloren gegaan."
        self.text(_run(intro), keep_next=True)
        self.text(_run(legend), "small", keep_next=True)
        labels = [
            f"{factor.latest} {factor.latest_label}" if factor.latest else "niet gescoord" for factor in scores.factors
        ]
        layout = [
            _Column(6.5, ["Succesfactor", *(factor.name for factor in scores.factors)]),
            _Column(3.2, ["Score", *labels], whole=True),
            *([_Column(1)] * top),
        ]
        titles, spans = ["Succesfactor", "Score"], [1, 1 + top]
        if scores.compared:
            layout.append(_Column(1.8, ["Verschil"], whole=True))
            titles.append("Verschil")
            spans.append(1)
        columns = self.columns(*layout)
        rows = [self.header_row(columns, titles, spans)]
        for keep, (factor, score) in _all_but_last(list(zip(scores.factors, labels, strict=True))):
            cells = [  # the table kept on one page
                _cell(columns[0], self.cell_text(_run(factor.name), keep_next=keep)),
                _cell(columns[1], self.cell_text(_run(score), keep_next=keep)),
            ]
            cells += [
                _cell(
                    width,
                    self.cell_text("", keep_next=keep),
                    fill=_bar_fill(step, factor.latest, factor.first, compared=scores.compared),
                )
                for step, width in enumerate(columns[2 : 2 + top], 1)
            ]
            if scores.compared:
                cells.append(_cell(columns[-1], self.cell_text(_run(_signed(factor.change)), keep_next=keep)))
            rows.append(_row(cells))
        self.out.append(_table(columns, rows, self.styles["grid"]))
        if scores.source:  # the scale is our own elaboration; say so under the table
            self.text(_run(scores.source), "small")

    def di_scan(self, scan: DiScanReport) -> None:
        """The latest DI-scan: a row per aspect with its counts, then its indicators, marks and notes."""
        self.heading(2, "DI-scan")
        intro = (
            f"DI-scan van {long_date(scan.day)}: per DI-aspect hoe ver de organisatie is op elke indicator "
            "(niet, begonnen of geborgd). De scan onderbouwt de DI-typologie bij de niveaus."
        )
        self.text(_run(intro), keep_next=True)
        if scan.note:
            self.text(_run(scan.note), keep_next=True)
        lines = [line for aspect in scan.aspects for line in aspect.indicators]
        columns = self.columns(
            _Column(7, ["Indicator", *(line.name for line in lines)]),
            _Column(3, ["Stand", *(line.mark for line in lines)], whole=True),
            _Column(8, [line.note for line in lines]),
        )
        rows = [self.header_row(columns, ("Indicator", "Stand", "Toelichting"))]
        for aspect in scan.aspects:
            heading = _run(aspect.name, bold=True) + _run(f": {aspect.summary}")
            rows.append(_row((_cell(sum(columns), self.cell_text(heading, keep_next=True), fill=LABEL_FILL, span=3),)))
            for keep, line in _all_but_last(aspect.indicators):  # an aspect kept on one page
                rows.append(
                    _row(
                        (
                            _cell(columns[0], self.cell_text(_run(line.name), keep_next=keep)),
                            _cell(
                                columns[1], self.cell_text(_run(line.mark, bold=line.mark == "geborgd"), keep_next=keep)
                            ),
                            _cell(columns[2], self.cell_text(_run(line.note), keep_next=keep)),
                        )
                    )
                )
        self.out.append(_table(columns, rows, self.styles["grid"]))

    def legal(self, report: PlanReport) -> None:
        legal = report.legal
        self.heading(2, "Wettelijk minimum")
        self.text(
            _run(f"{legal.in_order} van de {legal.total} onderdelen zijn in orde. {legal.size_note}".rstrip()),
            keep_next=bool(legal.missing or legal.unknown or legal.exemptions or legal.not_applicable),
        )
        for title, lines in (("Ontbreekt", legal.missing), ("Nog niet bekend", legal.unknown), *legal.by_size):
            if lines:
                self.heading(3, title)
                for line in lines:
                    self.bullet(_run(line.title, bold=True) + (_run(f": {line.note}") if line.note else ""))

    def overview(self, report: PlanReport) -> None:
        self.heading(1, "Overzicht van de acties", page_break=True)
        self.text(_run(report.summary))
        if not report.overview:
            return
        lines = report.overview
        days = [short_date(day) for line in lines for day in (line.start, line.deadline) if day]
        columns = self.columns(
            _Column(1.1, ["Id", *(line.id for line in lines)], whole=True),
            _Column(5.2, ["Actie", *(line.title for line in lines)]),
            _Column(3.8, ["Eigenaar", *(line.owner for line in lines)]),
            _Column(2.1, ["Start", "Deadline", *days], whole=True),
            _Column(2.1, ["Start", "Deadline", *days], whole=True),
            _Column(2.7, ["Status", "(te laat)", *(line.status for line in lines)]),
        )
        rows = [self.header_row(columns, ("Id", "Actie", "Eigenaar", "Start", "Deadline", "Status"))]
        rows += (self.overview_row(columns, line) for line in report.overview)
        self.out.append(_table(columns, rows, self.styles["grid"]))

    def overview_row(self, columns: Sequence[int], line: OverviewLine) -> str:
        status = _run(line.status) + (_run(" (te laat)", bold=True, colour=LATE_COLOUR) if line.overdue else "")
        texts = (
            _run(line.id),
            _run(line.title),
            _run(line.owner),
            _run(short_date(line.start)) if line.start else "",
            _run(short_date(line.deadline)) if line.deadline else "",
            status,
        )
        return _row(_cell(width, self.cell_text(text)) for width, text in zip(columns, texts, strict=True))

    def actions(self, groups: Sequence[ActionGroup]) -> None:
        if not groups:
            return
        self.heading(1, "De acties per fase", page_break=True)
        for group in groups:
            self.heading(2, group.title)
            for action in group.actions:
                self.action(action)

    def action(self, action: ActionDetail) -> None:
        self.heading(3, f"{action.id} – {action.title}")
        facts = _run("Status: ") + _run(action.status, bold=True)
        if action.overdue:
            facts += _run(" (te laat)", bold=True, colour=LATE_COLOUR)
        for label, text in action.facts:
            facts += _run(f"{SEPARATOR}{label}: ") + _run(text, bold=True)
        self.text(facts, "facts", keep_next=bool(action.w_fields or action.sources))
        for label, text in action.w_fields:
            self.field(label, text)
        if action.sources:
            self.field("Bronnen" if len(action.sources) > 1 else "Bron", "\n".join(action.sources))

    def notes(self, report: PlanReport) -> None:
        if not report.round_notes and not report.checklist_notes:
            return
        self.heading(1, "Notities")
        if report.round_notes and report.round_notes_date:
            self.heading(2, f"Bij de meting van {long_date(report.round_notes_date)}")
            self.note_table("Succesfactor", report.round_notes)
        if report.checklist_notes:
            self.heading(2, "Bij de checklists van de fasen")
            self.note_table("Fase en onderdeel", report.checklist_notes)

    def note_table(self, subject: str, notes: Sequence[Note]) -> None:
        columns = self.columns(
            _Column(7, [subject, *(note.subject for note in notes)]), _Column(10, [note.text for note in notes])
        )
        rows = [self.header_row(columns, (subject, "Notitie"))]
        rows += (
            _row(
                (
                    _cell(columns[0], self.cell_text(_run(note.subject))),
                    _cell(columns[1], self.cell_text(_run(note.text))),
                )
            )
            for note in notes
        )
        self.out.append(_table(columns, rows, self.styles["grid"]))

    def logbook(self, report: PlanReport) -> None:
        if not report.logbook:
            return
        self.heading(1, "Logboek")
        if report.logbook_total > len(report.logbook):
            self.text(
                _run(
                    f"De laatste {len(report.logbook)} van {report.logbook_total} verslagen; het hele logboek "
                    "staat in het werkboek."
                )
            )
        for entry in report.logbook:
            self.heading(3, f"{long_date(entry.day)} – {entry.title}")
            if not entry.agreements:
                self.text(_run("Geen afspraken vastgelegd."), "facts")
            for agreement in entry.agreements:
                self.bullet(_run(agreement))

    def signatures(self, signatures: Sequence[Signature]) -> None:
        """The block the employer signs, kept together on a page of its own."""
        self.heading(1, "Akkoord en ondertekening", page_break=True)
        self.text(
            _run(
                "Met hun handtekening gaan de ondertekenaars akkoord met dit plan van aanpak en spreken zij af "
                "het samen uit te voeren."
            ),
            keep_next=True,
        )
        labels = [label for signature in signatures for label, _, _ in _signature_lines(signature)]
        columns = self.columns(_Column(4, labels, whole=True), _Column(10), _Column(3), points=12)
        for number, signature in enumerate(signatures, 1):
            last = number == len(signatures)
            self.out.append(_paragraph(_run(signature.role), self.styles["heading3"], keep_next=True, before=360))
            lines = _signature_lines(signature)
            rows = []
            for index, (label, text, height) in enumerate(lines):
                keep = not (last and index == len(lines) - 1)
                rows.append(
                    _row(
                        (
                            _cell(columns[0], _paragraph(_run(label), keep_next=keep, after=40), bottom=True),
                            _cell(
                                columns[1],
                                _paragraph(_run(text), keep_next=keep, after=40),
                                line_below=not signature.given,
                                bottom=True,
                            ),
                            _cell(columns[2], _paragraph("", keep_next=keep, after=40)),
                        ),
                        height=height,
                    )
                )
            self.out.append(_table(columns, rows, None))


def _signature_lines(signature: Signature) -> list[tuple[str, str, int | None]]:
    """(label, text, row height) for one role: the consent as given, or lines to fill in by hand."""
    names = ", ".join(signature.names)
    if signature.given and signature.day is not None:
        lines: list[tuple[str, str, int | None]] = [
            ("Akkoord", "gegeven", None),
            ("Namen" if len(signature.names) > 1 else "Naam", names, None),
            ("Datum", long_date(signature.day), None),
        ]
        if signature.place:
            lines.append(("Plaats", signature.place, None))
        if signature.remark:
            lines.append(("Opmerking", signature.remark, None))
        return lines
    return [
        ("Naam", names, 480),
        ("Datum", "", 480),
        ("Plaats", "", 480),
        ("Handtekening", "", 1134),
    ]


def _bar_fill(step: int, latest: int | None, first: int | None, *, compared: bool) -> str | None:
    """The colour of box ``step`` of a factor's bar: the latest score, with what changed since the first."""
    if latest is not None and step <= latest:
        return GAIN_FILL if compared and first is not None and step > first else BAR_FILL
    if compared and latest is not None and first is not None and step <= first:
        return LOSS_FILL
    return None


# --- the document around the body --------------------------------------------------------------------------


def _text_width(section: Section) -> int:
    """The width between the margins, in twips."""
    width, left, right = section.page_width, section.left_margin, section.right_margin
    if width is None or left is None or right is None or width - left - right <= 0:
        return TEXT_WIDTH
    return int((width - left - right) / EMU_PER_TWIP)


_MARK = "plan-van-aanpak-komt-hier"
_MARK_XML = f"<w:p><w:r><w:t>{_MARK}</w:t></w:r></w:p>"
_WORD_NAMESPACE = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _saved(document: Document, body: str) -> bytes:
    """The document saved with ``body`` as its content (before the section properties), as fixed bytes.

    Parsing thousands of paragraphs and moving them into python-docx's tree takes seconds, so the body text
    goes straight into the saved part, where a marker paragraph holds its place. Only when that cannot be
    done (a document that names Word's namespace other than ``w:``) are they parsed and moved after all."""
    body_element = document.element.body
    if document.element.nsmap.get("w") == _WORD_NAMESPACE:
        marker = _elements(_MARK_XML)[0]
        body_element.insert(0, marker)
        saved = _save(document)
        name = document.part.partname.lstrip("/")
        with zipfile.ZipFile(io.BytesIO(saved)) as package:
            xml = package.read(name)
        mark = _MARK_XML.encode()
        if xml.count(mark) == 1:
            return fixed_zip(saved, replace={name: xml.replace(mark, body.encode())})
        body_element.remove(marker)
    _replace_body(document, body)
    return fixed_zip(_save(document))


def _save(document: Document) -> bytes:
    saved = io.BytesIO()
    document.save(saved)
    return saved.getvalue()


def _replace_body(document: Document, xml: str) -> None:
    """The body becomes ``xml`` followed by the document's section properties, parsed and moved."""
    old = document.element.body
    section = old.find(qn("w:sectPr"))
    ending = section.xml if section is not None else ""
    new = parse_xml(f"<w:body {nsdecls('w', 'r')}>{xml}{ending}</w:body>")
    document.element.replace(old, new)


def _add_page_numbers(document: Document, styles: dict[str, str], client: str, *, plain: bool) -> None:
    """``Pagina X van Y`` in every footer of the section that has no page number yet."""
    section = document.sections[-1]
    footers = [section.footer]
    if section.different_first_page_header_footer:
        footers.append(section.first_page_footer)
    if document.settings.odd_and_even_pages_header_footer:
        footers.append(section.even_page_footer)
    for footer in footers:
        element = footer._element
        codes = " ".join(
            [str(text) for text in element.xpath(".//w:instrText/text()")]
            + [str(code) for code in element.xpath(".//w:fldSimple/@w:instr")]
        )
        if _PAGE_FIELD.search(codes):
            continue
        if plain:
            width = _text_width(section)
            content = _run(f"Plan van aanpak{SEPARATOR}{client}") + TAB + _page_number_runs()
            xml = (
                f'<w:p><w:pPr><w:pStyle w:val="{styles["footer"]}"/>'
                f'<w:tabs><w:tab w:val="right" w:pos="{width}"/></w:tabs></w:pPr>{content}</w:p>'
            )
        else:
            xml = _paragraph(_page_number_runs(), styles["footer"], right=True)
        for paragraph in element.findall(qn("w:p")):
            if plain and not paragraph.xpath(".//w:t"):  # the default footer's empty paragraph
                element.remove(paragraph)
        element.extend(_elements(xml))


def _set_properties(document: Document, report: PlanReport) -> None:
    """Fixed file properties, so the same plan gives the same bytes: dated the day the plan was made."""
    properties = document.core_properties
    made = dt.datetime.combine(report.made_on, dt.time())
    properties.title = _NOT_IN_XML.sub("", f"Plan van aanpak {report.client}")[:255]
    properties.subject = "Plan van aanpak"
    properties.author = _NOT_IN_XML.sub("", report.adviseur)[:255]
    properties.last_modified_by = properties.author
    properties.created = properties.modified = made
    properties.revision = 1
    properties.keywords = properties.comments = properties.category = ""
    printed = properties._element.find(qn("cp:lastPrinted"))
    if printed is not None:
        properties._element.remove(printed)
    package = document.part.package
    for rid, relationship in list(package.rels.items()):
        if relationship.reltype == RT.THUMBNAIL:  # a picture of the template or python-docx, not of the plan
            del package.rels[rid]


def word_plan(report: PlanReport, document: Document, *, plain: bool) -> bytes:
    """The plan written into ``document`` (a template with an empty body), as .docx bytes."""
    styles = _style_ids(document, restyle=plain)
    section = document.sections[-1]
    writer = _PlanWriter(
        styles, _text_width(section), _has_numbering(document, styles["bullet"]), ARIAL if plain else ANY_FONT
    )
    writer.title_page(report)
    writer.standing(report)
    writer.overview(report)
    writer.actions(report.groups)
    writer.notes(report)
    writer.logbook(report)
    writer.signatures(report.signatures)
    _add_page_numbers(document, styles, report.client, plain=plain)
    _set_properties(document, report)
    return _saved(document, "".join(writer.out))


def make(request: ReportRequest) -> bytes:
    """The Word plan van aanpak, in the house style of ``request.template`` when one is given."""
    report = plan_report(request.workbook, request.content, request.today, request.progress)
    if request.template is None:
        return word_plan(report, _plain_document(), plain=True)
    document = _template_document(request.template)
    try:
        return word_plan(report, document, plain=False)
    except Exception as error:  # something in the template python-docx or this module cannot handle
        raise TemplateError(
            f"Het Word-sjabloon {request.template} kon niet worden gebruikt ({type(error).__name__}). Open het "
            "in Word en sla het opnieuw op, of maak het plan zonder sjabloon."
        ) from error
