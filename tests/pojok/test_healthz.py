import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_healthz_answers_200_when_the_database_answers(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_answers_503_when_the_database_does_not(tmp_path):
    # A real unreachable database: an SQLite file in a folder that does not exist.
    missing = tmp_path / "no-such-folder" / "db.sqlite3"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings", "DATABASE_URL": f"sqlite:///{missing}",
           "ALLOWED_HOSTS": "testserver"}
    code = ("import django; django.setup(); from django.test import Client; "
            "r = Client().get('/healthz'); print(r.status_code); print(r.content.decode())")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    status, body = result.stdout.strip().splitlines()
    assert status == "503"
    assert json.loads(body)["status"] == "error"
