"""bench_pages measures on PostgreSQL only (CI runs it there at a tiny size: .ci/run)."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection


@pytest.mark.skipif(connection.vendor == "postgresql", reason="the benchmark itself runs on PostgreSQL")
def test_the_page_benchmark_refuses_sqlite(db):
    with pytest.raises(CommandError, match="PostgreSQL"):
        call_command("bench_pages", stdout=io.StringIO())
