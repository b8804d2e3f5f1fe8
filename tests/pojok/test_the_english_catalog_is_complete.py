"""The English catalog has an English text for every Indonesian message of the app, and English is
what a person who chose it reads.

`makemessages -l en` runs on a copy of the source tree (the real locale/ is never touched): every
msgid it finds in the templates and the Python code must come out with a non-empty, non-fuzzy
English msgstr. The static JavaScript is checked too: it has no catalog of its own (djangojs), so a
sentence shown by a script must come from the page, already translated.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.urls import reverse

BASE = Path(settings.BASE_DIR)
GETTEXT_TOOLS = ("xgettext", "msgmerge", "msguniq", "msgattrib")
needs_gettext = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in GETTEXT_TOOLS),
    reason="GNU gettext (xgettext, msgmerge) is not installed: apt-get install gettext (CI installs it)",
)
NOT_SOURCE = shutil.ignore_patterns(
    ".*", "tests", "node_modules", "staticfiles", "__pycache__", "*.pyc", "*.mo", "db.sqlite3*", "last-run")


def made_catalog(tmp_path: Path, domain: str) -> Path:
    """Run makemessages for English on a copy of the source tree; the path of the catalog it wrote."""
    copy = tmp_path / "source"
    shutil.copytree(BASE, copy, ignore=NOT_SOURCE, symlinks=True)
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="pojok.settings")  # the copy holds no tests.settings
    done = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "en", "-d", domain, "--no-obsolete"],
        cwd=copy, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return copy / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"


def untranslated(catalog_path: Path) -> list[str]:
    with catalog_path.open("rb") as po:
        catalog = read_po(po)
    missing = []
    for message in catalog:
        if not message.id:
            continue  # the header
        texts = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(texts):
            msgid = message.id[0] if isinstance(message.id, tuple) else message.id
            where = ", ".join(f"{file}:{line}" for file, line in message.locations[:2])
            missing.append(f"{'(fuzzy) ' if message.fuzzy else ''}{msgid!r}  [{where}]")
    return missing


@pytest.fixture(scope="module")
def django_catalog(tmp_path_factory) -> Path:
    return made_catalog(tmp_path_factory.mktemp("makemessages"), "django")


@needs_gettext
def test_every_message_of_the_app_has_its_english(django_catalog):
    assert django_catalog.exists()
    missing = untranslated(django_catalog)
    assert not missing, f"{len(missing)} messages without English in locale/en/LC_MESSAGES/django.po:\n" + \
        "\n".join(missing)


@needs_gettext
def test_the_makemessages_run_finds_the_apps_messages(django_catalog):
    """The check above reads a real extraction: it sees template and Python messages alike."""
    with django_catalog.open("rb") as po:
        ids = {message.id for message in read_po(po)}
    assert {"Masuk", "Akses ditolak", "Tidak ada tamu yang menunggu."} <= ids
    assert ("%(people)s orang", "%(people)s orang") in ids
    assert (BASE / "locale" / "en" / "LC_MESSAGES" / "django.po").read_text().startswith("# English")


@needs_gettext
def test_the_javascript_catalog_is_empty_or_complete(tmp_path):
    """No static script calls gettext() today; if one ever does, its English must be there too."""
    catalog = made_catalog(tmp_path, "djangojs")
    if catalog.exists():
        missing = untranslated(catalog)
        assert not missing, "JavaScript messages without English:\n" + "\n".join(missing)


def string_literals(script: str) -> list[str]:
    """The texts of the script's "…", '…' and `…` literals, comments left out."""
    found, i = [], 0
    while i < len(script):
        if script.startswith(("//", "/*"), i):
            end = script.find("\n" if script[i + 1] == "/" else "*/", i + 2)
            i = len(script) if end < 0 else end + 1
        elif script[i] in "\"'`":
            quote, j, text = script[i], i + 1, []
            while j < len(script) and script[j] != quote:
                text.append(script[j + 1] if script[j] == "\\" else script[j])
                j += 2 if script[j] == "\\" else 1
            found.append("".join(text))
            i = j + 1
        else:
            i += 1
    return found


# A sentence a person would read: a capitalised word, then another word ("Suara: nyala", "Mohon tunggu…").
SENTENCE = re.compile(r"^\W*[A-Z][a-z]+\b.*\s[^\W\d_]{2,}", re.S)


def sentences_in(script: str) -> list[str]:
    return [text for text in string_literals(script) if SENTENCE.search(text)]


SCRIPTS = sorted((BASE / "static" / "js").glob("*.js"))


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.name)
def test_no_script_writes_a_sentence_of_its_own(script):
    sentences = sentences_in(script.read_text(encoding="utf-8"))
    assert not sentences, f"static/js/{script.name} shows untranslatable text: {sentences}"


def test_the_sentence_finder_on_known_lines():
    assert sentences_in('b.textContent = on ? "Suara: nyala" : "Suara: mati";') == ["Suara: nyala", "Suara: mati"]
    assert sentences_in('el.className = "small text-muted"; fetch(u, {credentials: "same-origin"});') == []
    assert sentences_in('"use strict";\n// "A comment with words"\nvar t = "(" + n + ") " + title;') == []
    assert sentences_in('/* "Not this" */ q("select, input"); say("Mohon tunggu… \\"ya\\"")') == ['Mohon tunggu… "ya"']


# What a person who chose English reads.
def _in_english(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    return client


@pytest.mark.django_db
def test_the_login_page_in_english(client):
    html = _in_english(client).get(reverse("login")).content.decode()
    assert "Log in to Pojok Konsultasi" in html and "Register your visit before you come" in html
    assert "Masuk ke Pojok Konsultasi" not in html and "Daftarkan kunjungan" not in html


@pytest.mark.django_db
def test_the_language_switch_names_each_language_in_its_own_language(client):
    for language in ("id", "en"):
        client.post(reverse("set_language"), {"language": language, "next": "/"})
        html = client.get(reverse("login")).content.decode()
        assert re.search(r'<option value="id"[^>]*>Bahasa Indonesia</option>', html), language
        assert re.search(r'<option value="en"[^>]*>English</option>', html), language


def test_the_desk_board_in_english(client_of, petugas):
    html = _in_english(client_of(petugas)).get(reverse("visits:desk")).content.decode()
    assert "Today&#x27;s guest board" in html or "Today's guest board" in html
    assert "New guest" in html and "No guests yet today." in html and "Front desk" in html
    assert "Papan tamu hari ini" not in html and "Tamu baru" not in html and "Belum ada tamu" not in html


def test_the_triage_queue_and_the_sop_report_in_english(client_of, kasubbag, pimpinan):
    html = _in_english(client_of(kasubbag)).get(reverse("visits:triage")).content.decode()
    assert "Guests waiting to be routed to a Division" in html and "On duty today:" in html
    assert "Tamu menunggu diarahkan" not in html and "Bertugas hari ini" not in html
    html = _in_english(client_of(pimpinan)).get(reverse("visits:reports")).content.decode()
    assert "SOP compliance report" in html and "Laporan kepatuhan SOP" not in html


def test_the_desk_board_stays_indonesian_by_default(client_of, petugas):
    html = client_of(petugas).get(reverse("visits:desk")).content.decode()
    assert "Papan tamu hari ini" in html and "Belum ada tamu hari ini." in html
    assert "guest board" not in html
