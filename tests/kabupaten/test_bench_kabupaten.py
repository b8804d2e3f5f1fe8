"""bench_kabupaten measures on PostgreSQL only; at a tiny size it seeds every office alike and prints both
ratios against their targets (docs/performance.md has the figures at 40 offices × 25,000 visits)."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.models import Count

from offices.current import no_office
from visits.models import Visit

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="the benchmark runs on PostgreSQL")
copies_the_database = pytest.mark.django_db(transaction=True)  # BPKAD alone: no transaction may be open


def _drop_the_copy() -> None:
    connection.close()
    with connection._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS \"{connection.settings_dict['NAME']}_alone\"")


@pytest.fixture
def alone_copy_dropped():
    yield
    _drop_the_copy()


@pytest.mark.skipif(connection.vendor == "postgresql", reason="the benchmark itself runs on PostgreSQL")
def test_the_kabupaten_benchmark_refuses_sqlite():
    with pytest.raises(CommandError, match="PostgreSQL"):
        call_command("bench_kabupaten", stdout=io.StringIO())


@on_postgresql
@copies_the_database
@pytest.mark.usefixtures("alone_copy_dropped")
def test_it_seeds_every_office_alike_and_prints_both_ratios():
    out = io.StringIO()
    with no_office():  # as from the command line: no office acted for
        call_command("bench_kabupaten", "--reset", offices=3, visits=30, days=60, repeat=1, stdout=out)
    printed = out.getvalue()
    per_office = dict(Visit.all_offices.values_list("office__code").annotate(n=Count("id")).order_by())
    assert per_office == {"bpkad": 30, "opd-bench-02": 30, "opd-bench-03": 30}
    assert "Laporan bulan 2026-10" in printed  # the last full month before the suite's clock (23 November)
    assert "BPKAD sendiri: halaman" in printed and "BPKAD di antara 3 kantor: halaman" in printed
    assert "halaman kabupaten: halaman" in printed and "query halaman" in printed
    assert "hitungan per kantor dan hari, pertama kali (semua hari dicatat berubah):" in printed
    assert "1. BPKAD di antara 3 kantor / BPKAD sendiri:" in printed
    assert "2. halaman kabupaten / laporan satu kantor:" in printed


@on_postgresql
@copies_the_database
@pytest.mark.usefixtures("alone_copy_dropped")
def test_without_seeding_it_measures_both_databases_or_says_the_alone_figure_was_not_measured():
    with no_office(), pytest.raises(CommandError, match="belum diisi"):
        call_command("bench_kabupaten", "--no-seed", repeat=1, stdout=io.StringIO())
    measured, without_copy = io.StringIO(), io.StringIO()
    with no_office():
        call_command("bench_kabupaten", offices=2, visits=10, days=60, repeat=1, stdout=io.StringIO())
        call_command("bench_kabupaten", "--no-seed", repeat=2, stdout=measured)
        _drop_the_copy()
        call_command("bench_kabupaten", "--no-seed", repeat=1, stdout=without_copy)
    assert "BPKAD sendiri: halaman" in measured.getvalue() and "dari 2 permintaan" in measured.getvalue()
    assert "BPKAD sendiri: tidak diukur" in without_copy.getvalue()
    assert "BPKAD di antara 2 kantor: halaman" in without_copy.getvalue()
    assert "2. halaman kabupaten / laporan satu kantor:" in without_copy.getvalue()
