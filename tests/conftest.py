"""Shared people for the tests, named for their roles.

budi is the petugas at the front desk, sri the Kasubbag Umum, ani is staff of Bidang Anggaran and
dodi staff of Bidang Aset (another Bidang), hendra the pimpinan, and rina the admin.

Every test meets the app's clock stopped at tests.clock.TESTS_START (the `clock` fixture moves it),
never the real date.
"""

import pytest
from django.conf import settings
from django.core.cache import caches
from django.utils import translation

from pojok import roles
from routing.catalog import ensure_bidang, ensure_topics
from routing.models import Bidang, Topic
from tests.clock import TestClock
from tests.factories import make_user
from visits.models import SopStep
from visits.sop import ensure_sop_steps


@pytest.fixture(autouse=True)
def clock(request):
    """The app's clock, stopped at a fixed moment for every test (running for the browser tests)."""
    test_clock = TestClock(running="live_server" in request.fixturenames).install()
    yield test_clock
    test_clock.uninstall()


@pytest.fixture(autouse=True)
def office_language():
    """Every test starts in the office's language: a request made in English by an earlier test leaves
    English active in the thread (the locale middleware activates, nothing deactivates)."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def shared_stamps():
    """Every test starts with no stamp and no cached permission set (pojok/shared.py): the database is
    rolled back after each test, the shared cache is not, and SQLite gives the next test's user the
    same id."""
    caches[settings.SESSION_CACHE_ALIAS].clear()


def _restore_catalog() -> None:
    ensure_bidang(Bidang)
    ensure_sop_steps(SopStep)
    roles.sync_roles()


@pytest.fixture(autouse=True)
def catalog(request):
    """The Bidang, SOP steps and role groups that migrations create.

    A transactional test flushes every table when it ends, so later tests would find them gone:
    every test that uses the database gets them back (idempotently) first.
    """
    marker = request.node.get_closest_marker("django_db")
    uses_db = marker is not None or {"db", "transactional_db", "live_server"} & set(request.fixturenames)
    if not uses_db:
        return
    transactional = (marker is not None and marker.kwargs.get("transaction", False)) or (
        {"transactional_db", "live_server"} & set(request.fixturenames))
    request.getfixturevalue("transactional_db" if transactional else "db")
    _restore_catalog()


@pytest.fixture
def topics(catalog):
    """The routing topics the migration seeds, for tests that need a suggestion (a transactional test
    may have flushed them; only the Bidang, SOP steps and roles come back for every test)."""
    ensure_topics(Topic, Bidang)


@pytest.fixture
def seeded(db):
    """For people fixtures requested late (getfixturevalue): the catalog may not be there yet."""
    _restore_catalog()


@pytest.fixture
def petugas(seeded):
    return make_user("budi", roles.PETUGAS, full_name="Budi Santoso")


@pytest.fixture
def kasubbag(seeded):
    return make_user("sri", roles.KASUBBAG, full_name="Sri Rahayu")


@pytest.fixture
def staf(seeded):
    return make_user("ani", roles.STAF, bidang_code="anggaran", full_name="Ani Lestari", jabatan="pelaksana")


@pytest.fixture
def staf_lain(seeded):
    return make_user("dodi", roles.STAF, bidang_code="aset", full_name="Dodi Pratama", jabatan="pelaksana")


@pytest.fixture
def pimpinan(seeded):
    return make_user("hendra", roles.PIMPINAN, full_name="Hendra Wijaya")


@pytest.fixture
def admin_user(seeded):
    return make_user("rina", roles.ADMIN, full_name="Rina Admin", is_staff=True)


@pytest.fixture
def people(petugas, kasubbag, staf):
    return {"petugas": petugas, "kasubbag": kasubbag, "staf": staf}


@pytest.fixture
def client_of(client):
    """A test client logged in as the given user."""
    def login(user):
        client.force_login(user)
        return client
    return login
