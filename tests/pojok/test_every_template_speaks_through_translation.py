"""Every word a person reads in a template goes through the translation tags, so English is complete.

Each template of the project (templates/ and <app>/templates/, .html and .txt) is split with Django's
own template Lexer. What is left in its text, once HTML comments, <script> and <style> and the tags
themselves are taken out, must hold no word outside {% translate %} / {% blocktranslate %}, except the
few names below that read the same in both languages. The attributes a person reads or hears (title,
placeholder, aria-label, alt, the value of a button, the question of a confirm) are checked the same way.
Data (Bidang names, SOP steps, what a guest typed) comes from the database through {{ variables }}.
"""

import html
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.template.base import Lexer, TokenType

# Names that stay as they are in English: brand, office and place names, abbreviations and symbols.
SAME_IN_EVERY_LANGUAGE = (
    "Pojok Konsultasi",
    "BPKAD",
    "Lampung Selatan",
    "WhatsApp",
    "SOP",
    "IKM",
    "WIB",
    "PDF",
    "CSV",
    "XLSX",
    "QR",
)

READ_ATTRIBUTES = {"title", "placeholder", "aria-label", "alt", "hx-confirm", "data-confirm"}
BUTTON_INPUT_TYPES = {"submit", "button", "reset"}
SKIPPED_DIRS = {"node_modules", "staticfiles", "tests"}

# Between these tags the text is the msgid itself (or a comment): it is translated, not literal.
OPENS_TRANSLATED = {"blocktranslate": "endblocktranslate", "blocktrans": "endblocktrans", "comment": "endcomment"}

MARK = "\x00"  # where a {{ variable }} or a {% tag %} stood
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
ATTRIBUTE = re.compile(r"([\w:.@-]+)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'>]+)")
ENTITY = re.compile(r"&(?:[a-zA-Z][a-zA-Z0-9]*|#\d+|#x[0-9a-fA-F]+);")


def project_templates() -> list[Path]:
    base = Path(settings.BASE_DIR)
    found = set()
    for pattern in ("templates/**/*", "*/templates/**/*"):
        for path in base.glob(pattern):
            parts = path.relative_to(base).parts
            if any(part.startswith(".") or part in SKIPPED_DIRS for part in parts):
                continue  # .venv (third-party templates), .git, and the like
            if path.is_file() and path.suffix in {".html", ".txt"}:
                found.add(path)
    return sorted(found)


def _inside_a_tag(pieces: list[str]) -> bool:
    text = "".join(pieces)
    return text.rfind("<") > text.rfind(">")


def literal_text(source: str, attribute_blocks: frozenset = frozenset()) -> str:
    """The template's text with every template token replaced by MARK, translated blocks dropped.

    Blocks named in attribute_blocks stand inside an HTML tag of their parent template (a class
    name such as {% block body_class %}): their text is not read by anyone, so it is dropped too.
    """
    pieces, closing, blocks = [], None, []
    for token in Lexer(source).tokenize():
        if token.token_type == TokenType.BLOCK:
            bits = token.contents.split()
            name = bits[0] if bits else ""
            if closing:
                if name == closing:
                    closing = None
                continue
            if name == "block":
                blocks.append(bits[1] if len(bits) > 1 else "")
            elif name == "endblock" and blocks:
                blocks.pop()
            closing = OPENS_TRANSLATED.get(name)
            pieces.append(MARK)
        elif closing:
            continue
        elif token.token_type == TokenType.TEXT and not (blocks and blocks[-1] in attribute_blocks):
            pieces.append(token.contents)
        else:
            pieces.append(MARK)
    return "".join(pieces)


def blocks_inside_tags(sources) -> frozenset:
    """The names of the {% block %}s that some template opens inside an HTML tag (an attribute)."""
    names = set()
    for source in sources:
        pieces = []
        for token in Lexer(source).tokenize():
            bits = token.contents.split()
            if token.token_type == TokenType.BLOCK and bits[:1] == ["block"] and len(bits) > 1:
                if _inside_a_tag(pieces):
                    names.add(bits[1])
            pieces.append(token.contents if token.token_type == TokenType.TEXT else MARK)
    return frozenset(names)


def words_of(text: str) -> list[str]:
    text = html.unescape(ENTITY.sub(" ", text)).replace(MARK, " ")
    for name in SAME_IN_EVERY_LANGUAGE:
        text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", " ", text)
    return WORD.findall(text)


def read_attributes(tag_name: str, attributes: str):
    pairs = {name.lower(): value.strip("\"'") for name, value in ATTRIBUTE.findall(attributes)}
    for name, value in pairs.items():
        if name in READ_ATTRIBUTES:
            yield name, value
    # An <input type="submit"> shows its value; a <button>'s value is only sent, its content is shown.
    if tag_name == "input" and pairs.get("type", "").lower() in BUTTON_INPUT_TYPES and "value" in pairs:
        yield "value", pairs["value"]


def untranslated(source: str, attribute_blocks: frozenset = frozenset()) -> tuple[list[str], list[str]]:
    """(words of the visible text, 'attribute="value"' of the read attributes) left untranslated."""
    text = literal_text(source, attribute_blocks)
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    text = re.sub(r"<![^>]*>", " ", text)  # <!doctype html>
    text = re.sub(r"<(script|style)\b.*?</\1\s*>", " ", text, flags=re.S | re.I)
    attributes = []
    for match in TAG.finditer(text):
        for name, value in read_attributes(match.group(2).lower(), match.group(3)):
            if words_of(value):
                attributes.append(f'{name}="{value.replace(MARK, "{{…}}")}"')
    visible = TAG.sub(" ", text)
    return words_of(visible), attributes


TEMPLATES = project_templates()
ATTRIBUTE_BLOCKS = blocks_inside_tags(path.read_text(encoding="utf-8") for path in TEMPLATES)


def test_the_templates_are_found():
    names = {path.relative_to(settings.BASE_DIR).as_posix() for path in TEMPLATES}
    assert {"templates/base.html", "templates/visits/email/routed.txt",
            "routing/templates/admin/routing/topic/try_phrases.html"} <= names
    assert not any(".venv" in name for name in names)
    assert {"body_class", "column"} <= ATTRIBUTE_BLOCKS and "title" not in ATTRIBUTE_BLOCKS


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda path: path.relative_to(settings.BASE_DIR).as_posix())
def test_every_word_of_the_template_is_translated(path):
    words, attributes = untranslated(path.read_text(encoding="utf-8"), ATTRIBUTE_BLOCKS)
    problems = []
    if words:
        problems.append("words outside {% translate %}: " + " ".join(dict.fromkeys(words)))
    if attributes:
        problems.append("attributes with literal text: " + ", ".join(attributes))
    assert not problems, f"{path.relative_to(settings.BASE_DIR)}: " + "; ".join(problems)


# The checker itself, on small templates whose answer is known.
@pytest.mark.parametrize(("source", "words", "attributes"), [
    ('{% load i18n %}<p>{% translate "Simpan" %}</p>', [], []),
    ("<p>Simpan</p>", ["Simpan"], []),
    ('<a href="{% url "home" %}">{{ name }}</a> · 3', [], []),
    ("{% blocktranslate trimmed with n=x %}\n  {{ n }} tamu\n{% endblocktranslate %} baru", ["baru"], []),
    ("<!-- catatan --><script>let a = 'kata';</script><style>p { color: red }</style>{# komentar #}", [], []),
    ("{% comment %}penjelasan{% endcomment %}", [], []),
    ('<input placeholder="mis. nama" type="text">', [], ['placeholder="mis. nama"']),
    ('<input type="submit" value="Coba"><input type="hidden" name="a" value="xyz">', [], ['value="Coba"']),
    ('<button hx-confirm="Yakin?" value="{{ v }}">{% translate "Hapus" %}</button>', [], ['hx-confirm="Yakin?"']),
    ('<span title="{% translate "Judul" %}">SOP · WIB &raquo; Pojok Konsultasi</span>', [], []),
    ("Nomor antrean : {{ visit.queue_number }}", ["Nomor", "antrean"], []),
    ('<!doctype html><button name="action" value="draft">{% translate "Simpan" %}</button>', [], []),
    ('{% block body_class %}booking-public{% endblock %}{% block title %}Daftar{% endblock %}', ["Daftar"], []),
])
def test_the_checker_finds_literal_words(source, words, attributes):
    assert untranslated(source, frozenset({"body_class"})) == (words, attributes)


def test_a_block_opened_inside_a_tag_is_an_attribute_block():
    parent = '<body class="{% block body_class %}{% endblock %}"><h1>{% block title %}{% endblock %}</h1>'
    assert blocks_inside_tags([parent]) == {"body_class"}
