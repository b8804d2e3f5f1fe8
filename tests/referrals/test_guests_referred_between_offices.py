"""A guest whose need belongs to another OPD is referred there with the reason and their consent: the
receiving office finds them among its expected guests with a code of its own, the guest gets the address
and a WhatsApp link, and both offices count it (sent, received, came) with the time to being received."""

from datetime import timedelta
from urllib.parse import unquote

import pytest
from django.urls import reverse

from booking.models import Booking
from offices.current import acting_for
from offices.models import Office
from pojok import roles
from referrals.models import FromStep, Referral
from tests.factories import advance_to, consult, make_user, make_visit, wib
from tests.referrals.conftest import TO_THE_DOOR, referral_form
from visits.models import Channel, State, StepResult, Visit

pytestmark = pytest.mark.django_db


@pytest.fixture
def theirs(other_office):
    with acting_for(other_office):
        return {"petugas": make_user("tono", roles.PETUGAS, full_name="Tono Saputra"),
                "kasubbag": make_user("wati", roles.KASUBBAG, full_name="Wati Kusuma"),
                "pimpinan": make_user("bima", roles.PIMPINAN, full_name="Bima Santosa")}


def both_count_one_that_came(client, receiver, sender, *, median: int) -> None:
    """Each office's referral page counts the one referral, received and came, and its median minutes."""
    for user, key in ((receiver, "received"), (sender, "sent")):
        client.force_login(user)
        figures = client.get(reverse("referrals:list"), {"bulan": "2026-11"}).content.decode()
        side = figures[figures.index(f'data-figures="{key}"'):]
        assert 'data-count="referrals">1<' in side and 'data-count="received">1<' in side
        assert 'data-count="came">1<' in side and f"data-median>{median}<" in side


def test_a_guest_referred_from_triage_is_expected_there_and_counted_by_both(
        client_of, client, people, theirs, other_office, waiting, clock):
    sent = client_of(people["kasubbag"]).post(reverse("referrals:new", args=[waiting.pk]), referral_form(other_office))
    referral = Referral.objects.get()
    assert sent.status_code == 302 and sent.url == reverse("referrals:detail", args=[referral.pk])
    waiting.refresh_from_db()
    assert waiting.state == State.LEAVING  # step 4 is done: the guest is seen out with the directions
    assert waiting.steps.get(number=4).result == StepResult.DONE
    assert "Dirujuk ke Bappeda" in waiting.events.get(action="refer").note
    assert (referral.from_step, referral.from_office_id, referral.to_office_id) == (FromStep.TRIAGE, 1, other_office.pk)

    page = client.get(sent.url).content.decode()  # what the Kasubbag gives the guest
    assert "Jl. Indra Bangsawan, Kalianda" in page and referral.booking.display_code in page
    guest_link = unquote(page[page.index("https://wa.me/6281234567890"):].split('"')[0])
    assert referral.booking.display_code in guest_link and "Jl. Indra Bangsawan" in guest_link
    assert "https://wa.me/6281234500999" in page  # the office's own WhatsApp

    with acting_for(other_office):
        booking = Booking.objects.get()
    assert (booking.guest_name, booking.phone, booking.referred_from_id) == ("Siti Aminah", "0812-3456-7890", 1)
    assert booking.keperluan == "Sinkronisasi RKA dengan Renja 2027"
    client.force_login(theirs["petugas"])
    expected = client.get(reverse("booking:expected")).content.decode()
    assert "Siti Aminah" in expected and 'data-referred-from="bpkad"' in expected

    clock.set(wib(hour=11, minute=20))
    assert client.post(reverse("referrals:receive", args=[referral.pk])).status_code == 302
    clock.set(wib(hour=13, minute=30))
    client.force_login(theirs["petugas"])  # a new session: the first ended after 30 idle minutes
    came = client.post(reverse("booking:arrive"), {"code": booking.display_code})
    assert came.status_code == 302
    with acting_for(other_office):
        assert Visit.objects.get().guest_name == "Siti Aminah"

    both_count_one_that_came(client, theirs["pimpinan"], people["kasubbag"], median=20)  # 11.00 to 11.20


def test_arriving_with_the_code_is_being_received(client, people, theirs, other_office, waiting, clock):
    client.force_login(people["kasubbag"])
    client.post(reverse("referrals:new", args=[waiting.pk]), referral_form(other_office))
    referral = Referral.objects.select_related("booking").get()
    clock.set(wib(hour=12, minute=5))
    client.force_login(theirs["petugas"])  # (a new session: the first ended after 30 idle minutes)
    client.post(reverse("booking:arrive"), {"code": referral.booking.display_code})
    referral.refresh_from_db()
    assert referral.received_at is None and referral.came
    assert referral.received_moment == wib(hour=12, minute=5)
    client.force_login(theirs["kasubbag"])
    page = client.get(reverse("referrals:list")).content.decode()
    assert "data-median>65<" in page[page.index('data-figures="received"'):]


def test_no_referral_without_the_guests_consent_and_nothing_changes(client_of, people, other_office, waiting):
    answer = client_of(people["kasubbag"]).post(reverse("referrals:new", args=[waiting.pk]),
                                                referral_form(other_office, consent=""))
    assert answer.status_code == 400 and "persetujuan tamu" in answer.content.decode()
    waiting.refresh_from_db()
    assert waiting.state == State.TRIAGE and not Referral.objects.exists()
    with acting_for(other_office):
        assert not Booking.objects.exists()


@pytest.mark.parametrize("changes, message", [
    ({"planned_date": "2026-11-22"}, "tidak boleh sebelum hari ini"),
    ({"planned_date": "kemarin"}, "tanggal"),
    ({"to_office": "1"}, "Pilih"),  # its own office is not among the choices
    ({"to_office": "999"}, "Pilih"),
    ({"reason": ""}, "Wajib diisi"),
    ({"need": "<script>alert(1)</script>"}, "kode HTML"),
    ({"reason": "x" * 501}, "500"),
])
def test_bad_input_gets_a_message_and_changes_nothing(client_of, people, other_office, waiting, changes, message):
    answer = client_of(people["kasubbag"]).post(reverse("referrals:new", args=[waiting.pk]),
                                                referral_form(other_office, **changes))
    assert answer.status_code == 400 and message.lower() in answer.content.decode().lower()
    assert not Referral.objects.exists()
    waiting.refresh_from_db()
    assert waiting.state == State.TRIAGE


def test_a_bidang_refers_after_the_consultation_and_the_visit_goes_on(client_of, people, other_office):
    visit = advance_to(make_visit(people["petugas"], phone="081299990000"), [*TO_THE_DOOR, "route", "receive"],
                       people)
    consult(visit, people["staf"])
    answer = client_of(people["staf"]).post(reverse("referrals:new", args=[visit.pk]), referral_form(other_office))
    assert answer.status_code == 302
    visit.refresh_from_db()
    assert visit.state == State.CONSULTING  # still theirs to finish
    assert Referral.objects.get().from_step == FromStep.CONSULTATION
    page = client_of(people["staf"]).get(reverse("visits:consultation", args=[visit.pk])).content.decode()
    assert 'data-referred="bappeda"' in page


def test_a_remote_request_referred_from_triage_is_over_here_and_a_remote_request_there(
        client_of, client, people, theirs, other_office, clock):
    remote = Visit.record_remote(by=people["kasubbag"], channel=Channel.WHATSAPP, guest_name="Rudi Hartono",
                                 origin="Kecamatan Natar", keperluan="RPJMD", phone="0813-1111-2222", at=wib())
    form = client_of(people["kasubbag"]).get(reverse("referrals:new", args=[remote.pk])).content.decode()
    assert 'name="planned_date"' not in form  # nobody comes to the door: no day to come
    answer = client_of(people["kasubbag"]).post(reverse("referrals:new", args=[remote.pk]),
                                                referral_form(other_office, planned_date="", part_of_day=""))
    assert answer.status_code == 302
    remote.refresh_from_db()
    assert remote.state == State.DONE and remote.events.filter(action="refer_remote").exists()
    referral = Referral.objects.get()
    assert referral.booking is None
    page = client_of(people["kasubbag"]).get(answer.url).content.decode()
    guest_link = unquote(page[page.index("https://wa.me/6281311112222"):].split('"')[0])
    assert "teruskan ke Badan Perencanaan" in guest_link and "kode" not in guest_link

    with acting_for(other_office):
        there = Visit.objects.get()
        with_staff = make_user("joko", roles.STAF, bidang_code="keuangan", full_name="Joko Bappeda")
    assert (there.channel, there.state, there.guest_name, there.phone) == (
        Channel.WHATSAPP, State.TRIAGE, "Rudi Hartono", "0813-1111-2222")
    assert there.keperluan == "Sinkronisasi RKA dengan Renja 2027" and there.step == 4
    assert referral.remote_request_id == there.pk and not Booking.all_offices.exists()
    client.force_login(theirs["kasubbag"])
    queue = client.get(reverse("visits:triage")).content.decode()
    assert "Rudi Hartono" in queue and 'data-channel="whatsapp"' in queue
    route_page = client.get(reverse("visits:triage_route", args=[there.pk])).content.decode()
    assert 'data-referred-from="bpkad"' in route_page and "Perencanaan program adalah kewenangan" in route_page
    assert client.get(reverse("referrals:detail", args=[referral.pk])).context["referral"].received_moment is None

    clock.set(wib(hour=11, minute=40))  # sent at 11.00 (the suite's clock)
    with acting_for(other_office):
        there.advance("route", by=theirs["kasubbag"], bidang=with_staff.bidang)
    referral = Referral.objects.get()
    assert referral.received_moment == wib(hour=11, minute=40) and not referral.came
    clock.set(wib(hour=12, minute=5))
    with acting_for(other_office):
        there.refresh_from_db()
        there.advance("receive", by=with_staff)
    referral = Referral.objects.get()
    assert referral.came

    both_count_one_that_came(client, theirs["pimpinan"], people["kasubbag"], median=40)  # 11.00 to 11.40


def test_a_remote_request_closed_as_stale_there_was_not_received(client_of, people, theirs, other_office, clock):
    remote = Visit.record_remote(by=people["kasubbag"], channel=Channel.TELEPON, guest_name="Rudi Hartono",
                                 origin="Kecamatan Natar", keperluan="RPJMD", phone="0813-1111-2222", at=wib())
    client_of(people["kasubbag"]).post(reverse("referrals:new", args=[remote.pk]), referral_form(other_office))
    with acting_for(other_office):
        Visit.objects.get().advance("close_stale", by=None, note="ditutup malam hari")
    referral = Referral.objects.get()
    assert referral.received_moment is None and not referral.came
    page = client_of(people["kasubbag"]).get(reverse("referrals:list"), {"bulan": "2026-11"}).content.decode()
    assert 'data-count="received">0<' in page[page.index('data-figures="sent"'):]


def test_who_may_refer_and_who_may_not(client_of, people, staf_lain, other_office, waiting):
    url = reverse("referrals:new", args=[waiting.pk])
    assert client_of(people["petugas"]).get(url).status_code == 403  # the door does not route
    assert client_of(people["staf"]).get(url).status_code == 404  # not (yet) their Bidang's guest
    assert client_of(people["kasubbag"]).get(url).status_code == 200
    finished = advance_to(make_visit(people["petugas"]), [*TO_THE_DOOR, "route", "receive"], people)
    assert client_of(staf_lain).get(reverse("referrals:new", args=[finished.pk])).status_code == 404
    assert client_of(people["staf"]).get(reverse("referrals:new", args=[finished.pk])).status_code == 403  # no record


def test_a_third_office_sees_nothing_and_the_kabupaten_counts_only(client, people, other_office, waiting):
    third = Office.objects.create(code="inspektorat", short_name="Inspektorat", name="Inspektorat Daerah",
                                  template="umum")
    client.force_login(people["kasubbag"])
    client.post(reverse("referrals:new", args=[waiting.pk]), referral_form(other_office))
    referral = Referral.objects.get()
    with acting_for(third):
        outsider = make_user("irma", roles.KASUBBAG)
        assert not Referral.objects.exists()
    client.force_login(outsider)
    assert client.get(reverse("referrals:detail", args=[referral.pk])).status_code == 404
    assert client.post(reverse("referrals:receive", args=[referral.pk])).status_code == 404
    assert "Siti Aminah" not in client.get(reverse("referrals:list")).content.decode()
    client.force_login(make_user("inspektur", roles.KABUPATEN, office=None))
    page = client.get(reverse("kabupaten:overview"), {"bulan": "2026-11"}).content.decode()
    row = page[page.index('data-referrals="bpkad-bappeda"'):]
    assert ">1<" in row[:row.index("</tr>")] and "Siti Aminah" not in page


def test_the_sending_office_cannot_receive_its_own_referral(client, people, other_office, waiting):
    client.force_login(people["kasubbag"])
    client.post(reverse("referrals:new", args=[waiting.pk]), referral_form(other_office))
    referral = Referral.objects.get()
    assert client.post(reverse("referrals:receive", args=[referral.pk])).status_code == 404
    assert client.get(reverse("referrals:receive", args=[referral.pk])).status_code == 405
    referral.refresh_from_db()
    assert referral.received_at is None


def test_a_guest_is_referred_once_from_a_visit(client, people, other_office, waiting):
    client.force_login(people["kasubbag"])
    client.post(reverse("referrals:new", args=[waiting.pk]), referral_form(other_office))
    again = client.get(reverse("referrals:new", args=[waiting.pk]))
    assert again.status_code == 302 and Referral.objects.count() == 1
    assert timedelta(0) <= Referral.objects.get().sent_at - wib(hour=11) < timedelta(seconds=1)


def test_both_offices_sop_reports_count_the_referral(client, people, pimpinan, theirs, other_office, waiting):
    client.force_login(people["kasubbag"])
    client.post(reverse("referrals:new", args=[waiting.pk]), referral_form(other_office))
    for user, key in ((pimpinan, "sent"), (theirs["pimpinan"], "received")):
        client.force_login(user)
        for name in ("visits:reports", "visits:report_print"):
            html = client.get(reverse(name), {"periode": "bulan", "bulan": "2026-11"}).content.decode()
            side = html[html.index(f'data-figures="{key}"'):]
            assert 'data-count="referrals">1<' in side and 'data-count="came">0<' in side, (user, name)


def test_the_refer_move_is_only_made_with_a_referral(client_of, people, waiting):
    for name in ("refer", "refer_remote"):
        answer = client_of(people["kasubbag"]).post(reverse("visits:move", args=[waiting.pk, name]), {"note": "x"})
        assert answer.status_code == 404
    waiting.refresh_from_db()
    assert waiting.state == State.TRIAGE
