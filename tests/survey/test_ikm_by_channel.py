"""A guest served by telephone or WhatsApp answers the same survey (the link goes by WhatsApp); the
response keeps the channel, like the Bidang, and the IKM report filters and splits by it."""

from datetime import date
from io import BytesIO

from django.urls import reverse
from openpyxl import load_workbook

from survey.answering import invite
from survey.models import Response
from tests.factories import consult, wib
from tests.survey.conftest import all_answers, make_response
from visits.models import Channel, Visit

NOV = {"dari": "2026-11-01", "sampai": "2026-11-30"}


def test_a_remote_consultation_is_surveyed_and_its_answer_keeps_the_channel(client, staf):
    visit = Visit.record_remote(by=staf, channel=Channel.WHATSAPP, guest_name="Pak Joko", origin="Dinas Sosial",
                                keperluan="SPJ dana BOS", phone="081234567890", at=wib(2026, 11, 23, 9))
    visit.advance("receive", by=staf, at=wib(2026, 11, 23, 9, 5))
    consult(visit, staf)
    visit.advance("close", by=staf, at=wib(2026, 11, 23, 9, 20))
    invitation = invite(visit=visit, at=wib(2026, 11, 23, 9, 21))
    answer = client.post(reverse("survey:answer", args=[invitation.token]), all_answers(3))
    assert answer.status_code == 302  # to the thank-you page
    assert Response.objects.get().channel == Channel.WHATSAPP


def test_the_report_splits_the_ikm_by_channel_and_filters_by_one(client_of, pimpinan):
    make_response([4] * 9, day=date(2026, 11, 3))
    make_response([3] * 9, day=date(2026, 11, 3))
    make_response([2] * 9, day=date(2026, 11, 4), channel=Channel.TELEPON)
    client = client_of(pimpinan)
    page = client.get(reverse("survey:report"), NOV)
    rows = [(row.channel, row.respondents, str(row.ikm_shown), row.grade.letter) for row in page.context["channels"]]
    assert rows == [("tatap_muka", 2, "87.50", "B"), ("telepon", 1, "50.00", "D")]
    assert str(page.context["report"].total.ikm_shown) == "75.00"  # every NRR (4 + 3 + 2) / 3 = 3, × 25
    html = page.content.decode()
    assert 'data-channel="telepon"' in html and 'data-channel="whatsapp"' not in html

    only_phone = client.get(reverse("survey:report"), {**NOV, "kanal": "telepon"}).context
    assert only_phone["report"].total.figures.respondents == 1
    assert str(only_phone["report"].total.ikm_shown) == "50.00"
    printed = client.get(reverse("survey:print"), NOV).content.decode()
    assert "IKM per kanal" in printed and 'data-channel="tatap_muka"' in printed
    book = load_workbook(BytesIO(client.get(reverse("survey:export"), NOV).content))
    assert list(book["IKM per kanal"].iter_rows(values_only=True))[1:] == [
        ("Tatap muka", 2, 87.5, "B"), ("Telepon", 1, 50, "D")]


def test_an_unknown_channel_says_so_and_shows_every_channel(client_of, pimpinan):
    make_response([4] * 9, day=date(2026, 11, 3))
    page = client_of(pimpinan).get(reverse("survey:report"), {**NOV, "kanal": "merpati"})
    assert page.status_code == 200 and "Kanal tidak dikenal." in page.content.decode()
    assert page.context["report"].total.figures.respondents == 1
