"""SQLite: the backup commands of docs/backup.md, taken while the app is connected, restore every visit
and every history row, identical, into an empty database file.

The test database of pytest-django lives in memory, which no other process can open: its image is
first written to a file through SQLite's backup API (what the documented Python command calls), and
the documented commands then back that file up as they would back up db.sqlite3.
"""

import shutil
import sqlite3
import subprocess
import sys

import pytest
from django.db import connection

from .conftest import assert_restored_identically, connection_to

pytestmark = [
    pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite backup (PostgreSQL: pg_dump test)"),
    pytest.mark.django_db(transaction=True),
]

# The commands as docs/backup.md gives them, with db.sqlite3 and the backup file as arguments.
PYTHON_BACKUP = "import sqlite3, sys; sqlite3.connect(sys.argv[1]).backup(sqlite3.connect(sys.argv[2]))"


def _live_database_file(tmp_path):
    connection.ensure_connection()
    live = sqlite3.connect(tmp_path / "db.sqlite3")
    connection.connection.backup(live)
    live.close()
    return tmp_path / "db.sqlite3"


def _restore(backup, tmp_path):
    """Restoring is copying the backup into place: here, a new file no table has ever been in."""
    restored = tmp_path / "restored" / "db.sqlite3"
    restored.parent.mkdir()
    shutil.copyfile(backup, restored)
    return restored


def test_the_python_backup_command_restores_every_visit_and_history_row(day_of_visits, tmp_path):
    live = _live_database_file(tmp_path)
    backup = tmp_path / "pojok-backup.sqlite3"
    connection.ensure_connection()  # the app keeps its connection open while the backup runs

    subprocess.run([sys.executable, "-c", PYTHON_BACKUP, str(live), str(backup)], check=True)

    with connection_to(str(_restore(backup, tmp_path))) as restored:
        assert_restored_identically(restored)


@pytest.mark.skipif(shutil.which("sqlite3") is None, reason="the sqlite3 command (apt-get install sqlite3)")
def test_the_sqlite3_dot_backup_command_restores_every_visit_and_history_row(day_of_visits, tmp_path):
    live = _live_database_file(tmp_path)
    backup = tmp_path / "pojok-backup.sqlite3"

    subprocess.run(["sqlite3", str(live), f".backup '{backup}'"], check=True)
    check = subprocess.run(["sqlite3", str(backup), "PRAGMA integrity_check"],
                           check=True, capture_output=True, text=True)

    assert check.stdout.strip() == "ok"
    with connection_to(str(_restore(backup, tmp_path))) as restored:
        assert_restored_identically(restored)
