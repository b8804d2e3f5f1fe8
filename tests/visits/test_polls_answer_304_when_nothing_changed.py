"""The polled partials answer 304 Not Modified, with no body, while nothing their viewer sees changed
(pojok/polls.py); a new arrival or a move gives 200 with the new content, and each viewer's scope (the
day for the desk, the Bidang for the inbox) has its own ETag."""

import pytest
from django.urls import reverse
from django.utils import translation

from pojok import clock, roles
from privacy.guests import Guest, erase_guest
from privacy.holders import VISIT
from tests.factories import bidang, make_user, make_visit
from visits.models import transfer_visit
from visits.triage import name_piket, remove_piket

POLL = {"HTTP_X_POJOK_POLL": "1"}


def poll(client, url, etag=""):
    return client.get(url, **POLL, **({"HTTP_IF_NONE_MATCH": etag} if etag else {}))


@pytest.mark.parametrize("url_name, who", [("visits:desk_rows", "petugas"), ("visits:triage_rows", "kasubbag"),
                                           ("visits:inbox_rows", "staf"), ("visits:inbox_badge", "staf")])
def test_an_unchanged_partial_is_a_304_without_a_body(client_of, people, visit_today, url_name, who,
                                                      django_assert_num_queries):
    visit_today(["greet", "report", "route"])
    client = client_of(people[who])
    first = poll(client, reverse(url_name))
    assert first.status_code == 200 and first["ETag"]
    assert "no-cache" in first["Cache-Control"] and "private" in first["Cache-Control"]

    # the user, as on any page (the session and the permissions come from the shared cache); the boards'
    # version is their stamp in that cache, the inbox's is read in the Bidang's scope: nothing is rendered
    with django_assert_num_queries(2 if url_name.startswith("visits:inbox") else 1):
        again = poll(client, reverse(url_name), first["ETag"])

    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == first["ETag"]


def test_a_new_arrival_and_a_move_give_200_with_the_new_content(client_of, people, visit_today):
    client = client_of(people["petugas"])
    url = reverse("visits:desk_rows")
    visit = visit_today()
    first = poll(client, url)

    newcomer = make_visit(people["petugas"], at=clock.now(), guest_name="Tamu Baru Datang")
    arrived = poll(client, url, first["ETag"])
    assert arrived.status_code == 200 and "Tamu Baru Datang" in arrived.content.decode()
    assert arrived["ETag"] != first["ETag"]
    assert poll(client, url, arrived["ETag"]).status_code == 304

    visit.advance("greet", by=people["petugas"])
    moved = poll(client, url, arrived["ETag"])
    assert moved.status_code == 200 and moved["ETag"] not in (first["ETag"], arrived["ETag"])
    assert f'id="visit-{newcomer.pk}"' in moved.content.decode()


def test_each_bidang_has_its_own_etag_and_a_move_elsewhere_leaves_it_unchanged(
        client_of, client, people, staf_lain, visit_today):
    visit_today(["greet", "report", "route"])  # routed to Bidang Anggaran (ani's)
    url = reverse("visits:inbox_rows")
    ani = poll(client_of(people["staf"]), url)
    client.logout()
    dodi = poll(client_of(staf_lain), url)
    assert ani["ETag"] != dodi["ETag"]

    aset = make_visit(people["petugas"], at=clock.now(), guest_name="Tamu Bidang Aset")
    for move in ("greet", "report"):
        aset.advance(move, by=people["petugas"])
    aset.advance("route", by=people["kasubbag"], bidang=bidang("aset"))

    changed = poll(client_of(staf_lain), url, dodi["ETag"])
    assert changed.status_code == 200 and "Tamu Bidang Aset" in changed.content.decode()
    client.logout()
    assert poll(client_of(people["staf"]), url, ani["ETag"]).status_code == 304


def test_a_guest_transferred_away_leaves_the_inbox(client_of, people, visit_today):
    visit = visit_today(["greet", "report", "route", "receive"], guest_name="Tamu Dialihkan")
    client = client_of(people["staf"])
    url = reverse("visits:inbox_rows")
    first = poll(client, url)
    assert "Tamu Dialihkan" in first.content.decode()

    transfer_visit(visit=visit, by=people["staf"], to_bidang=bidang("aset"), reason="Urusan aset")

    after = poll(client, url, first["ETag"])
    assert after.status_code == 200 and "Tamu Dialihkan" not in after.content.decode()


def test_the_language_is_part_of_the_etag(client_of, people, visit_today):
    visit_today()
    client = client_of(people["petugas"])
    url = reverse("visits:desk_rows")
    indonesian = poll(client, url)
    with translation.override("en"):
        client.cookies["django_language"] = "en"
        english = poll(client, url, indonesian["ETag"])
    assert english.status_code == 200 and english["ETag"] != indonesian["ETag"]


def test_a_viewer_without_the_role_is_refused_before_any_version(client_of, people):
    response = poll(client_of(people["staf"]), reverse("visits:desk_rows"), '"anything"')
    assert response.status_code == 403


@pytest.mark.parametrize("change", ["piket_named", "piket_removed", "visit_edited", "visit_deleted", "guest_erased"])
def test_every_change_the_boards_show_gives_200(client_of, people, visit_today, change):
    """What changes a board without a move: the day's piket (the route buttons), a visit edited or deleted
    in the admin, a guest's data erased (written in bulk)."""
    visit = visit_today(["greet", "report"], guest_name="Tamu Papan")
    piket = name_piket(user=people["petugas"], day=clock.today(), by=people["kasubbag"])
    client = client_of(people["kasubbag"])
    url = reverse("visits:triage_rows")
    first = poll(client, url)
    assert poll(client, url, first["ETag"]).status_code == 304

    if change == "piket_named":
        name_piket(user=make_user("dewi", roles.PETUGAS), day=clock.today(), by=people["kasubbag"])
    elif change == "piket_removed":
        remove_piket(piket=piket, by=people["kasubbag"])
    elif change == "visit_edited":
        visit.origin = "Dinas Baru"
        visit.save()
    elif change == "visit_deleted":
        visit.delete()
    else:
        erase_guest(Guest(name="tamu papan"), {VISIT}, by=make_user("admin", roles.ADMIN))

    assert poll(client, url, first["ETag"]).status_code == 200
