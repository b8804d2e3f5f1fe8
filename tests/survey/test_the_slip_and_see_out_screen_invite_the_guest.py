"""The slip and the see-out screen carry the survey's short link and a QR code drawn on the server."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import segno
from django.contrib.staticfiles import finders
from django.urls import reverse

from pojok import clock
from survey.models import Invitation, Response
from tests.factories import make_visit
from tests.survey.conftest import all_answers


def _link(html: str) -> str:
    return re.search(r'href="(http://testserver/s/[a-z0-9]+)"', html).group(1)


def test_the_slip_shows_the_link_code_and_qr(client_of, petugas):
    visit = make_visit(petugas)
    html = client_of(petugas).get(reverse("visits:slip", args=[visit.pk])).content.decode()
    invitation = Invitation.objects.get(visit=visit)
    assert _link(html) == f"http://testserver/s/{invitation.token}"
    assert f'testserver/s/<wbr><span class="survey-invite-token">{invitation.token}</span></a>' in html
    assert '<svg' in html and 'class="survey-qr"' in html
    # The QR code encodes exactly that link (segno draws the same symbol for the same text).
    symbol = segno.make(_link(html), error="m", micro=False).svg_inline(scale=3, border=2)
    assert symbol.split("<path")[1][:200] in html


def test_printing_the_slip_again_keeps_the_same_link(client_of, petugas):
    visit = make_visit(petugas)
    client = client_of(petugas)
    first = _link(client.get(reverse("visits:slip", args=[visit.pk])).content.decode())
    assert _link(client.get(reverse("visits:slip", args=[visit.pk])).content.decode()) == first
    assert Invitation.objects.count() == 1


def test_seeing_the_guest_out_can_lead_to_the_survey_screen(client_of, petugas, finished_visit):
    visit = finished_visit(moves=["greet", "report", "route", "receive", "finish"])
    client = client_of(petugas)
    detail = client.get(reverse("visits:detail", args=[visit.pk])).content.decode()
    assert "Antar keluar + survei" in detail
    screen = reverse("survey:invitation", args=[visit.pk])
    moved = client.post(reverse("visits:move", args=[visit.pk, "see_out"]), {"next": screen})
    assert moved.status_code == 302 and moved["Location"] == screen
    visit.refresh_from_db()
    assert visit.state == "selesai"
    html = client.get(screen).content.decode()
    assert "Terima kasih atas kunjungan Anda" in html and "Isi survei di tablet ini" in html
    section = html[html.index('<section class="survey-see-out'):]
    assert visit.guest_name not in section  # the screen is turned to the guest (the desk's own message aside)
    assert _link(html).endswith(Invitation.objects.get(visit=visit).token)


def test_the_board_offers_see_out_with_the_survey(client_of, petugas, finished_visit):

    visit = finished_visit(at=clock.now(), moves=["greet", "report", "route", "receive", "finish"])
    html = client_of(petugas).get(reverse("visits:desk")).content.decode()
    assert f'action="{reverse("visits:move", args=[visit.pk, "see_out"])}"' in html
    assert f'value="{reverse("survey:invitation", args=[visit.pk])}"' in html


def test_the_visit_page_says_when_the_survey_was_answered(client_of, petugas, invited):
    invitation = invited()
    client = client_of(petugas)
    client.post(reverse("survey:answer", args=[invitation.token]), all_answers(4))
    assert Response.objects.count() == 1
    html = client.get(reverse("visits:detail", args=[invitation.visit.pk])).content.decode()
    assert "Tampilkan survei untuk tamu" in html and "sudah diisi" in html
    screen = client.get(reverse("survey:invitation", args=[invitation.visit.pk])).content.decode()
    assert "sudah diisi" in screen and "Isi survei di tablet ini" not in screen


@pytest.mark.parametrize("person", ["staf", "kasubbag", "pimpinan"])
def test_only_the_desk_opens_the_see_out_screen(db, client_of, request, finished_visit, person):
    visit = finished_visit()
    assert client_of(request.getfixturevalue(person)).get(
        reverse("survey:invitation", args=[visit.pk])).status_code == 403


def test_the_see_out_screen_needs_a_login(client, finished_visit):
    visit = finished_visit()
    assert client.get(reverse("survey:invitation", args=[visit.pk])).status_code == 302
    assert not Invitation.objects.exists()


class _Wrappers(HTMLParser):
    """The classes of the elements that directly hold a given text, and whether a <wbr> comes before it."""

    def __init__(self, text: str):
        super().__init__()
        self.text, self.open, self.found, self.wbr_before = text, [], [], []
        self._last_wbr = False

    def handle_starttag(self, tag, attrs):
        if tag == "wbr":
            self._last_wbr = True
            return
        self.open.append(dict(attrs).get("class", "").split())

    def handle_endtag(self, tag):
        if tag != "wbr" and self.open:
            self.open.pop()

    def handle_data(self, data):
        if data.strip() == self.text:
            self.found.append(self.open[-1] if self.open else [])
            self.wbr_before.append(self._last_wbr)
        self._last_wbr = False


def _nowrap_classes() -> set[str]:
    css = Path(finders.find("css/survey.css")).read_text()
    rules = re.findall(r"([^{}]+)\{([^}]*)\}", css)
    return {name for selector, body in rules if re.search(r"white-space:\s*nowrap", body)
            for name in re.findall(r"\.([\w-]+)\s*(?:,|$)", selector.strip())}


def test_the_slip_keeps_the_code_unbroken_and_wraps_the_link_before_it(client_of, petugas):
    visit = make_visit(petugas)
    html = client_of(petugas).get(reverse("visits:slip", args=[visit.pk])).content.decode()
    token = Invitation.objects.get(visit=visit).token
    wrappers = _Wrappers(token)
    wrappers.feed(html)
    nowrap = _nowrap_classes()
    assert len(wrappers.found) == 2  # in the link and after "Kode:"
    assert all(set(classes) & nowrap for classes in wrappers.found), (wrappers.found, nowrap)
    assert wrappers.wbr_before[0]  # the link's only break opportunity left is the slash before the code
    assert "testserver/s/<wbr><span" in html
