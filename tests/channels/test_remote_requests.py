"""A request by telephone, WhatsApp, video meeting or letter: recorded in seconds, routed like a walk-in,
received, recorded and closed by the Bidang, through the real views. The door's steps never open."""

import pytest
from django.urls import reverse

from lobby.calls import call_guest
from lobby.display import lobby_board
from tests.factories import advance_to, bidang, consult, make_visit, wib
from visits.models import Channel, MoveRefused, State, Visit, close_stale_visits

pytestmark = pytest.mark.django_db

CALL = {"channel": "telepon", "guest_name": "Pak Joko", "origin": "Dinas Sosial", "phone": "0812-3456-7890",
        "keperluan": "Revisi DPA belanja modal"}


def test_the_kasubbag_records_a_call_and_routes_it_like_a_walk_in(client_of, kasubbag, staf, topics):
    client = client_of(kasubbag)
    assert "Catat permintaan telepon/WhatsApp" in client.get(reverse("visits:triage")).content.decode()
    response = client.post(reverse("visits:remote_new"), CALL)
    visit = Visit.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("visits:triage_route", args=[visit.pk])
    assert (visit.channel, visit.state, visit.phone, visit.created_by) == ("telepon", State.TRIAGE,
                                                                             "+6281234567890", kasubbag)
    assert list(visit.steps.values_list("number", flat=True)) == [4]
    page = client.get(response["Location"])
    assert page.context["top"].bidang_name == "Bidang Anggaran"  # the same suggestion as for a walk-in
    client.post(response["Location"], {"keperluan": CALL["keperluan"], "bidang": bidang("anggaran").pk})
    visit.refresh_from_db()
    assert visit.state == State.WAITING and visit.bidang.code == "anggaran"


def test_the_bidang_receives_records_and_closes_it_without_a_step_6(client_of, kasubbag, staf):
    visit = Visit.record_remote(by=kasubbag, channel=Channel.WHATSAPP, **{k: v for k, v in CALL.items()
                                                                          if k != "channel"})
    visit.advance("route", by=kasubbag, bidang=bidang("anggaran"))
    client = client_of(staf)
    inbox = client.get(reverse("visits:inbox")).content.decode()
    assert 'data-channel="whatsapp"' in inbox and "data-lobby-call" not in inbox
    client.post(reverse("visits:receive", args=[visit.pk]), {"official": staf.pk})
    page = client.get(reverse("visits:consultation", args=[visit.pk])).content.decode()
    assert "Tutup konsultasi whatsapp" in page
    response = client.post(reverse("visits:consultation", args=[visit.pk]), {
        "action": "finish", "mode": "provision", "problem": "Revisi DPA", "outcome": "Dijelaskan lewat WhatsApp",
        "other_documents": ""})
    assert response.status_code == 302
    visit.refresh_from_db()
    assert visit.state == State.DONE
    assert list(visit.steps.values_list("number", "result")) == [(4, "selesai"), (5, "selesai")]
    assert list(visit.events.values_list("action", flat=True)) == ["check_in", "route", "receive", "close"]
    detail = client.get(reverse("visits:detail", args=[visit.pk])).content.decode()
    assert "tidak berlaku untuk konsultasi whatsapp" in detail


def test_a_call_that_reached_the_bidang_is_theirs_at_once(client_of, staf):
    response = client_of(staf).post(reverse("visits:remote_new"), {**CALL, "channel": "daring"})
    visit = Visit.objects.get()
    assert response["Location"] == reverse("visits:consultation", args=[visit.pk])
    assert (visit.state, visit.bidang_id, visit.assigned_to, visit.channel) == (
        State.WAITING, staf.bidang_id, staf, "daring")
    assert list(visit.steps.values_list("number", flat=True)) == [5]


@pytest.mark.parametrize("change, field", [
    ({"channel": "tatap_muka"}, "channel"), ({"channel": "merpati"}, "channel"), ({"guest_name": ""}, "guest_name"),
    ({"guest_name": "<script>x</script>"}, "guest_name"), ({"phone": "12345"}, "phone"),
    ({"keperluan": ""}, "keperluan"),
])
def test_bad_input_gets_a_message_and_records_nothing(client_of, kasubbag, change, field):
    response = client_of(kasubbag).post(reverse("visits:remote_new"), {**CALL, **change})
    assert response.status_code == 400 and field in response.context["form"].errors
    assert not Visit.objects.exists()


def test_the_petugas_off_duty_and_the_pimpinan_may_not_record_one(client_of, petugas, pimpinan):
    for person in (petugas, pimpinan):
        assert client_of(person).post(reverse("visits:remote_new"), CALL).status_code == 403
    assert not Visit.objects.exists()


def test_the_door_moves_do_not_apply_to_a_remote_request(people):
    visit = Visit.record_remote(by=people["kasubbag"], channel=Channel.TELEPON, guest_name="Pak Joko",
                                origin="Dinas Sosial", keperluan="SPJ")
    with pytest.raises(MoveRefused, match="tidak berlaku untuk konsultasi telepon"):
        visit.advance("greet", by=people["petugas"])
    visit.advance("route", by=people["kasubbag"], bidang=bidang("anggaran"))
    visit.advance("receive", by=people["staf"])
    consult(visit, people["staf"])
    assert [move.name for move in visit.moves_for(people["staf"])] == ["close", "transfer"]
    with pytest.raises(MoveRefused):
        visit.advance("finish", by=people["staf"])
    walk_in = advance_to(make_visit(people["petugas"]), ["greet", "report", "route", "receive"], people)
    with pytest.raises(MoveRefused, match="tidak berlaku untuk konsultasi tatap muka"):
        walk_in.advance("close", by=people["staf"])


def test_a_remote_request_is_never_called_in_the_lobby(people):
    visit = Visit.record_remote(by=people["staf"], channel=Channel.TELEPON, guest_name="Pak Joko",
                                origin="Dinas Sosial", keperluan="SPJ")
    with pytest.raises(MoveRefused, match="tidak ada tamu di ruang tunggu"):
        call_guest(visit=visit, by=people["staf"])


def test_closing_a_forgotten_remote_request_names_no_door_step(people, clock):
    visit = Visit.record_remote(by=people["kasubbag"], channel=Channel.SURAT, guest_name="Bu Rina",
                                origin="Dinas Pertanian", keperluan="RKA", at=wib(2026, 11, 20, 10))
    closed = close_stale_visits(at=wib(2026, 11, 23, 8))
    assert [c.visit for c in closed] == [visit]
    assert "4. " in closed[0].note and "5. " in closed[0].note and "6. " not in closed[0].note


def test_the_history_filters_and_exports_by_channel(client_of, people):
    staf = people["staf"]
    for channel in (Channel.TELEPON, Channel.WHATSAPP):
        visit = Visit.record_remote(by=staf, channel=channel, guest_name=f"Tamu {channel}", origin="Dinas Sosial",
                                    keperluan="SPJ")
        visit.advance("receive", by=staf)
        consult(visit, staf)
        visit.advance("close", by=staf)
    client = client_of(staf)
    page = client.get(reverse("visits:consultation_search"), {"kanal": "whatsapp"}).content.decode()
    assert "Tamu whatsapp" in page and "Tamu telepon" not in page
    csv = b"".join(client.get(reverse("visits:consultation_export"), {"kanal": "telepon"}).streaming_content)
    lines = csv.decode("utf-8-sig").splitlines()
    assert lines[0].endswith('"Kanal"') and len(lines) == 2 and lines[1].endswith('"Telepon"')
    bad = client.get(reverse("visits:consultation_search"), {"kanal": "merpati"})
    assert "Pilih kanal dari daftar." in bad.content.decode()


def test_the_lobby_display_never_shows_a_remote_request(people):
    walk_in = make_visit(people["petugas"])
    call = Visit.record_remote(by=people["staf"], channel=Channel.WHATSAPP, guest_name="Pak Joko",
                               origin="Dinas Sosial", keperluan="SPJ")
    call.advance("receive", by=people["staf"])
    board = lobby_board(day=walk_in.day)
    assert [row["queue_number"] for row in board["waiting"]] == [walk_in.queue_number]
    assert board["serving"] == [] and board["announcement"] is None
