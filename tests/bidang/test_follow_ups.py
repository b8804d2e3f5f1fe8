"""Follow-ups due: the Bidang's open follow-ups, overdue first, and marking one done."""

from datetime import timedelta

import pytest
from django.urls import reverse

from pojok import clock
from visits.models import Consultation

pytestmark = pytest.mark.django_db


@pytest.fixture
def promised(finished, kabid):
    """A closed consultation with a follow-up due `days` from today (negative: overdue)."""

    def make(days, guest_name, **kwargs):
        visit = finished(guest_name=guest_name, **kwargs)
        due = clock.today() + timedelta(days=days) if days is not None else None
        Consultation.objects.filter(visit=visit).update(
            follow_up_needed=True, follow_up_due=due, follow_up_by=kabid
        )
        return visit.consultation

    return make


def _rows(html: str) -> list[str]:
    return [chunk.split('"')[0] for chunk in html.split('data-follow-up="')[1:]]


def test_open_follow_ups_are_listed_overdue_first(client_of, staf, promised, finished):
    later = promised(10, "Nanti Saja")
    overdue = promised(-3, "Sudah Lewat")
    today = promised(0, "Hari Ini")
    finished(guest_name="Tanpa Tindak Lanjut")

    html = client_of(staf).get(reverse("visits:follow_ups")).content.decode()

    assert _rows(html) == [str(overdue.pk), str(today.pk), str(later.pk)]
    assert "lewat batas" in html.split(f'data-follow-up="{overdue.pk}"')[1].split("</tr>")[0]
    assert "Tanpa Tindak Lanjut" not in html and "Wati Kusuma" in html


def test_marking_a_follow_up_done_takes_it_off_the_list(client_of, staf, promised):
    consultation = promised(-1, "Sudah Lewat")
    client = client_of(staf)
    response = client.post(reverse("visits:follow_up_done", args=[consultation.pk]))

    assert response.status_code == 302
    consultation.refresh_from_db()
    assert consultation.follow_up_done_at is not None
    assert _rows(client.get(reverse("visits:follow_ups")).content.decode()) == []

    again = client.post(reverse("visits:follow_up_done", args=[consultation.pk]), follow=True)
    assert "sudah ditandai selesai" in again.content.decode()


def test_another_bidangs_follow_ups_are_neither_listed_nor_markable(client_of, staf_lain, promised):
    consultation = promised(-1, "Rahasia Anggaran")
    client = client_of(staf_lain)
    assert "Rahasia Anggaran" not in client.get(reverse("visits:follow_ups")).content.decode()
    assert client.post(reverse("visits:follow_up_done", args=[consultation.pk])).status_code == 404
    consultation.refresh_from_db()
    assert consultation.follow_up_done_at is None


def test_managers_read_every_follow_up_without_marking_them(client_of, pimpinan, promised):
    consultation = promised(2, "Dibaca Pimpinan")
    client = client_of(pimpinan)
    html = client.get(reverse("visits:follow_ups")).content.decode()
    assert "Dibaca Pimpinan" in html and "data-mark-done" not in html
    assert client.post(reverse("visits:follow_up_done", args=[consultation.pk])).status_code == 403


def test_marking_done_needs_a_post(client_of, staf, promised):
    consultation = promised(1, "Get Saja")
    assert client_of(staf).get(reverse("visits:follow_up_done", args=[consultation.pk])).status_code == 405
