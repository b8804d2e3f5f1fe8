"""Who sees what: staff only their own Bidang (another Bidang's is a 404), Pimpinan and Admin read
every consultation without changing it, and the petugas never see consultation notes."""

import pytest
from django.urls import reverse

from tests.factories import bidang
from visits.models import Consultation, State

pytestmark = pytest.mark.django_db

SECRET = "Catatan rahasia: pergeseran belanja modal"


@pytest.fixture
def closed(finished):
    return finished(outcome=SECRET)


def test_staff_of_another_bidang_get_a_404_on_every_url(
    client_of, staf_lain, routed, consulting, closed, record_of
):
    waiting, talking = routed(), consulting()
    client = client_of(staf_lain)
    before = [record_of(v) for v in (waiting, talking, closed)]
    tries = [
        ("get", reverse("visits:detail", args=[closed.pk]), {}),
        ("get", reverse("visits:consultation", args=[closed.pk]), {}),
        ("get", reverse("visits:consultation", args=[talking.pk]), {}),
        (
            "post",
            reverse("visits:consultation", args=[talking.pk]),
            {"action": "finish", "mode": "provision", "outcome": "ditimpa"},
        ),
        ("post", reverse("visits:receive", args=[waiting.pk]), {"official": staf_lain.pk}),
        ("post", reverse("visits:transfer", args=[talking.pk]), {"bidang": bidang("aset").pk, "reason": "x"}),
        ("post", reverse("visits:move", args=[talking.pk, "finish"]), {}),
        ("get", reverse("visits:consultation_search") + "?bidang=anggaran", {}),
        ("get", reverse("visits:consultation_export") + "?bidang=anggaran", {}),
        ("post", reverse("visits:follow_up_done", args=[closed.consultation.pk]), {}),
    ]
    for method, url, data in tries:
        assert getattr(client, method)(url, data).status_code == 404, url
    assert [record_of(v) for v in (waiting, talking, closed)] == before


def test_another_bidangs_notes_never_appear_in_its_search_or_export(client_of, staf_lain, closed):
    client = client_of(staf_lain)
    assert (
        SECRET not in client.get(reverse("visits:consultation_search"), {"q": "pergeseran"}).content.decode()
    )
    export = client.get(reverse("visits:consultation_export"), {"q": "pergeseran"})
    assert SECRET not in b"".join(export.streaming_content).decode()


def test_the_petugas_never_see_consultation_notes(client_of, petugas, kasubbag, closed):
    for user in (petugas, kasubbag):
        client = client_of(user)
        detail = client.get(reverse("visits:detail", args=[closed.pk]))
        assert detail.status_code == 200 and SECRET not in detail.content.decode()
        assert "Catatan konsultasi" not in detail.content.decode()
        assert client.get(reverse("visits:consultation", args=[closed.pk])).status_code == 403
        assert client.get(reverse("visits:consultation_search")).status_code == 403


@pytest.mark.parametrize("reader", ["pimpinan", "admin_user"])
def test_managers_read_every_consultation_but_change_none(
    request, client_of, closed, consulting, record_of, reader
):
    client = client_of(request.getfixturevalue(reader))
    page = client.get(reverse("visits:consultation", args=[closed.pk]))
    assert page.status_code == 200 and SECRET in page.content.decode()
    assert 'id="consultation-form"' not in page.content.decode()
    detail = client.get(reverse("visits:detail", args=[closed.pk])).content.decode()
    assert SECRET in detail

    before = record_of(closed)
    response = client.post(
        reverse("visits:consultation", args=[closed.pk]), {"action": "draft", "outcome": "x"}
    )
    assert response.status_code == 404
    assert record_of(closed) == before and Consultation.objects.get(visit=closed).outcome == SECRET


def test_staff_see_their_own_notes_on_the_visit_page(client_of, staf, closed):
    detail = client_of(staf).get(reverse("visits:detail", args=[closed.pk])).content.decode()
    assert SECRET in detail and reverse("visits:consultation", args=[closed.pk]) in detail


def test_a_visit_never_received_has_no_consultation_page_for_managers(client_of, pimpinan, routed):
    visit = routed()
    assert visit.state == State.WAITING
    assert client_of(pimpinan).get(reverse("visits:consultation", args=[visit.pk])).status_code == 404


def test_pages_that_change_data_need_a_login(client, routed):
    visit = routed()
    for url in (
        reverse("visits:receive", args=[visit.pk]),
        reverse("visits:transfer", args=[visit.pk]),
        reverse("visits:consultation", args=[visit.pk]),
    ):
        response = client.post(url, {})
        assert response.status_code == 302 and "/akun/masuk/" in response["Location"]
    visit.refresh_from_db()
    assert visit.state == State.WAITING


def test_changes_need_the_csrf_token(staf, routed):
    from django.test import Client

    visit = routed()
    client = Client(enforce_csrf_checks=True)
    client.force_login(staf)
    assert client.post(reverse("visits:receive", args=[visit.pk]), {"official": staf.pk}).status_code == 403
    visit.refresh_from_db()
    assert visit.state == State.WAITING
