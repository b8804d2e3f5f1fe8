"""PostgreSQL: `pg_dump -Fc` of the live database, `pg_restore` into an empty database (docs/backup.md),
and every visit and every history row is found there, identical, and so are the id sequences.

Transactional, so the day of visits is committed before pg_dump (another session) reads it.
"""

import shutil
import subprocess
import uuid

import pytest
from django.db import connection

from .conftest import assert_restored_identically, connection_to

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the PostgreSQL backup (SQLite: own test)"),
    pytest.mark.django_db(transaction=True),
]


def _url(name: str) -> str:
    s = connection.settings_dict
    auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
    return f"postgres://{auth}@{s['HOST'] or 'localhost'}:{s['PORT'] or 5432}/{name}"


def _run(*command: str) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def empty_database():
    """A database created for the restore, dropped afterwards."""
    name = f"{connection.settings_dict['NAME']}_restore_{uuid.uuid4().hex[:8]}"
    _run("psql", _url("postgres"), "-qc", f'CREATE DATABASE "{name}"')
    yield name
    _run("psql", _url("postgres"), "-qc", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _sequences(db) -> list[tuple]:
    with db.cursor() as cursor:
        cursor.execute("SELECT sequencename, last_value FROM pg_sequences ORDER BY sequencename")
        return cursor.fetchall()


def test_the_client_tools_match_the_server_version():
    """pg_dump refuses a server newer than itself: the backup job must use the server's major version."""
    assert shutil.which("pg_dump") and shutil.which("pg_restore"), "apt-get install postgresql-client"
    client_major = int(_run("pg_dump", "--version").split()[2].split(".")[0])
    server_major = connection.pg_version // 10000
    assert client_major >= server_major


def test_pg_dump_and_pg_restore_bring_back_every_visit_and_history_row(day_of_visits, empty_database,
                                                                         tmp_path):
    backup = tmp_path / "pojok.dump"
    connection.ensure_connection()  # the app stays connected while pg_dump takes its snapshot

    _run("pg_dump", "-Fc", f"--dbname={_url(connection.settings_dict['NAME'])}", f"--file={backup}")
    listing = _run("pg_restore", "--list", str(backup))
    _run("pg_restore", "--no-owner", "--exit-on-error", f"--dbname={_url(empty_database)}", str(backup))

    assert "TABLE DATA public visits_visitevent" in listing
    with connection_to(empty_database) as restored:
        assert_restored_identically(restored)
        # the next check-in after a restore gets a new id, not one of the restored rows'
        assert _sequences(restored) == _sequences(connection)
