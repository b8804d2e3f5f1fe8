"""A misrouted guest: staff send the visit back to the Kasubbag's queue (step 4 again) with a reason."""

import pytest
from django.urls import reverse

from tests.factories import bidang
from visits.models import Consultation, State, StepResult

pytestmark = pytest.mark.django_db


def _transfer(client, visit, **data):
    return client.post(reverse("visits:transfer", args=[visit.pk]), data)


@pytest.mark.parametrize("stage", ["routed", "consulting"])
def test_transfer_puts_the_visit_back_in_the_kasubbag_queue_with_history(
    request, client_of, staf, kasubbag, stage
):
    visit = request.getfixturevalue(stage)()
    response = _transfer(client_of(staf), visit, bidang=bidang("aset").pk, reason="Soal KIB, bukan anggaran")

    assert response.status_code == 302
    visit.refresh_from_db()
    assert visit.state == State.TRIAGE and visit.bidang is None and visit.topic is None
    steps = list(visit.steps.order_by("id").values_list("number", "result"))
    assert steps[-2:] == [(5, StepResult.TRANSFERRED), (4, "")]
    event = visit.events.last()
    assert event.action == "transfer" and event.by == staf
    assert event.note == "Disarankan ke Bidang Aset: Soal KIB, bukan anggaran"

    queue = client_of(kasubbag).get(reverse("visits:triage")).content.decode()
    assert visit.guest_name in queue
    timeline = client_of(kasubbag).get(reverse("visits:detail", args=[visit.pk])).content.decode()
    assert "Disarankan ke Bidang Aset: Soal KIB, bukan anggaran" in timeline and "Dialihkan" in timeline


def test_the_new_routing_counts_as_a_second_routing_decision(client_of, staf, kasubbag, routed):
    """The routing report sees a correction: a transfer between two routings in the visit's history."""
    visit = routed()
    _transfer(client_of(staf), visit, bidang=bidang("aset").pk, reason="Soal KIB")
    visit.advance("route", by=kasubbag, bidang=bidang("aset"))
    assert list(visit.events.filter(action__in=["route", "transfer"]).values_list("action", flat=True)) == [
        "route",
        "transfer",
        "route",
    ]
    visit.refresh_from_db()
    assert visit.bidang.code == "aset" and visit.state == State.WAITING


@pytest.mark.parametrize(
    "data, message",
    [
        ({"reason": "Salah Bidang"}, "Pilih Bidang tujuan."),
        ({"bidang": "same", "reason": "Salah Bidang"}, "Pilih Bidang lain dari daftar."),
        ({"bidang": "aset", "reason": "   "}, "Wajib diisi."),
        ({"bidang": "aset", "reason": "x" * 401}, "400"),
    ],
)
def test_a_transfer_without_a_reason_or_target_is_refused_with_the_form_kept(
    client_of, staf, consulting, record_of, data, message
):
    visit = consulting()
    before = record_of(visit)
    codes = {"same": bidang("anggaran").pk, "aset": bidang("aset").pk}
    data = {**data, **({"bidang": codes[data["bidang"]]} if "bidang" in data else {})}

    response = _transfer(client_of(staf), visit, **data)

    assert response.status_code == 200 and message in response.content.decode()
    assert record_of(visit) == before


def test_the_next_bidang_never_reads_the_draft_of_the_first(client_of, staf, staf_lain, kasubbag, consulting):
    visit = consulting()
    client_of(staf).post(
        reverse("visits:consultation", args=[visit.pk]),
        {"action": "draft", "problem": "Catatan rahasia Anggaran"},
    )
    _transfer(client_of(staf), visit, bidang=bidang("aset").pk, reason="Soal aset")
    visit.advance("route", by=kasubbag, bidang=bidang("aset"))
    visit.advance("receive", by=staf_lain)

    page = client_of(staf_lain).get(reverse("visits:consultation", args=[visit.pk])).content.decode()
    assert "Catatan rahasia Anggaran" not in page

    client_of(staf_lain).post(
        reverse("visits:consultation", args=[visit.pk]), {"action": "draft", "problem": "Inventarisasi KIB"}
    )
    consultation = Consultation.objects.get(visit=visit)
    assert consultation.bidang.code == "aset" and consultation.problem == "Inventarisasi KIB"


def test_the_routing_report_counts_the_transfer_as_a_correction(client_of, staf, kasubbag, routed):
    """The routing quality report (visits/triage.py) reads the "transfer" event this screen writes."""
    from pojok.periods import Period
    from visits.models import RoutingDecision
    from visits.triage import routing_quality

    visit = routed()
    RoutingDecision.objects.create(
        visit=visit,
        at=visit.current_step().started_at,
        by=kasubbag,
        keperluan=visit.keperluan,
        suggested_bidang=bidang("anggaran"),
        bidang=bidang("anggaran"),
    )
    day = visit.day
    assert routing_quality(Period(day, day))["totals"]["corrected"] == 0

    _transfer(client_of(staf), visit, bidang=bidang("aset").pk, reason="Soal KIB")

    report = routing_quality(Period(day, day))
    assert report["totals"]["corrected"] == 1 and report["transfers"] == 1
