"""The navigation's badge: how many guests wait for the user's Bidang, on every page, in one query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pojok.navigation import context

pytestmark = pytest.mark.django_db


def test_staff_see_the_number_of_waiting_guests(client_of, staf, routed, consulting):
    routed(), routed(guest_name="Kedua"), consulting()
    routed(guest_name="Orang Aset", bidang_code="aset")
    html = client_of(staf).get(reverse("visits:consultation_search")).content.decode()
    badge = html.split('id="inbox-badge"')[1].split("</span>")[0]
    assert badge.endswith(">2") and "d-none" not in badge


def test_the_badge_refreshes_itself(client_of, staf, routed):
    client = client_of(staf)
    assert ">0<" in client.get(reverse("visits:inbox_badge")).content.decode()
    routed()
    fresh = client.get(reverse("visits:inbox_badge")).content.decode()
    assert ">1<" in fresh and 'hx-trigger="every 10s"' in fresh


def test_the_badge_costs_one_query(rf, staf, routed):
    routed(), routed()
    request = rf.get("/")
    request.user = staf
    staf.has_perm("visits.consult_visit")  # permissions are loaded once per request anyway
    with CaptureQueriesContext(connection) as queries:
        values = context(request)
    counts = [q["sql"] for q in queries if "visits_visit" in q["sql"]]
    assert values["inbox_waiting"] == 2 and len(counts) == 1 and counts[0].startswith("SELECT COUNT(*)")


def test_others_have_no_badge(client_of, petugas):
    html = client_of(petugas).get(reverse("visits:desk")).content.decode()
    assert 'id="inbox-badge"' not in html
    assert client_of(petugas).get(reverse("visits:inbox_badge")).status_code == 403
