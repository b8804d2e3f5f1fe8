"""Shared people for the tests, named for their roles.

budi is the petugas at the front desk, sri the Kasubbag Umum, ani is staff of Bidang Anggaran and
dodi staff of Bidang Aset (another Bidang), hendra the pimpinan, and rina the admin.

Every test meets the app's clock stopped at tests.clock.TESTS_START (the `clock` fixture moves it),
never the real date.
"""

from contextlib import contextmanager

import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.test.client import ClientHandler
from django.utils import translation

from offices.current import acting_for, no_office
from offices.models import Office
from pojok import roles
from routing.catalog import ensure_bidang, ensure_topics
from routing.models import Bidang, Topic
from tests.clock import TestClock
from tests.factories import make_user
from tests.offices.watch import TenantQueryWatch
from visits.models import SopStep
from visits.sop import ensure_sop_steps


@pytest.fixture(autouse=True)
def clock(request):
    """The app's clock, stopped at a fixed moment for every test (running for the browser tests)."""
    test_clock = TestClock(running="live_server" in request.fixturenames).install()
    yield test_clock
    test_clock.uninstall()


@pytest.fixture(autouse=True, scope="session")
def requests_find_their_own_office():
    """A request of the test client acts for the office the app finds for it (the user's, the device's, the
    page's address), not for the office the test acts for: the client runs in the test's thread, and
    would otherwise see the test's office."""
    original = ClientHandler.__call__

    def call(self, *args, **kwargs):
        with no_office():
            return original(self, *args, **kwargs)

    ClientHandler.__call__ = call
    yield
    ClientHandler.__call__ = original


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


BPKAD = {"code": "bpkad", "short_name": "BPKAD", "template": "bpkad", "time_zone": "Asia/Jakarta",
         "name": "Badan Pengelola Keuangan dan Aset Daerah Kabupaten Lampung Selatan"}


def bpkad() -> Office:
    """The office the migrations make (id 1), made again after a transactional test flushed it."""
    return Office.objects.get_or_create(code="bpkad", defaults=BPKAD)[0]


def _restore_catalog() -> None:
    ensure_bidang(Bidang)
    ensure_sop_steps(SopStep)
    roles.sync_roles()


@contextmanager
def _bpkad_watched():
    """Act for BPKAD with its catalog, every tenant query watched (tests/offices/watch.py)."""
    watch = TenantQueryWatch(outer=True)
    with acting_for(bpkad()) as office, connection.execute_wrapper(watch):
        _restore_catalog()
        yield office
    if watch.found:
        pytest.fail("A tenant table read without its office (tests/offices/watch.py):\n\n" + "\n".join(watch.found))


@pytest.fixture(autouse=True)
def catalog(request):
    """Every test acts for BPKAD (offices.current), with the Bidang, SOP steps and role groups that
    migrations create.

    A transactional test flushes every table when it ends, so later tests would find them gone:
    every test that uses the database gets them back (idempotently) first. A test that asks for the
    database late (`seeded`) gets them then; until then it acts for an unsaved BPKAD.
    """
    marker = request.node.get_closest_marker("django_db")
    uses_db = marker is not None or {"db", "transactional_db", "live_server"} & set(request.fixturenames)
    if not uses_db:
        with acting_for(Office(id=1, **BPKAD)) as office:
            yield office
        return
    transactional = (marker is not None and marker.kwargs.get("transaction", False)) or (
        {"transactional_db", "live_server"} & set(request.fixturenames))
    request.getfixturevalue("transactional_db" if transactional else "db")
    with _bpkad_watched() as office:
        yield office


@pytest.fixture
def other_office(catalog):
    """A second office on the same server, started from the generic template (Sekretariat and its units)."""
    return Office.objects.create(
        code="bappeda", short_name="Bappeda", template="umum", address="Jl. Indra Bangsawan, Kalianda",
        name="Badan Perencanaan Pembangunan Daerah Kabupaten Lampung Selatan", whatsapp="6281234500999")


@pytest.fixture
def topics(catalog):
    """The routing topics the migration seeds, for tests that need a suggestion (a transactional test
    may have flushed them; only the Bidang, SOP steps and roles come back for every test)."""
    ensure_topics(Topic, Bidang)


@pytest.fixture
def seeded(db):
    """For people fixtures requested late (getfixturevalue): the catalog may not be there yet."""
    with _bpkad_watched() as office:
        yield office


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
