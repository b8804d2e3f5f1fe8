"""Sessions are read from the cache (cached_db): a logged-in page costs one query, the user's, after the
first. Every worker process reads the same cache, so a session ended in one is ended in all: a folder of
files by default, and with CACHE_URL=redis://... a shared Redis, so every app server reads the same."""

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]


def test_sessions_are_cached_and_written_through(db):
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.cached_db"
    assert settings.CACHES[settings.SESSION_CACHE_ALIAS]["BACKEND"] == (
        "django.core.cache.backends.filebased.FileBasedCache")


def test_a_session_ended_by_another_worker_is_ended_here_too(client_of, petugas):
    """Logging out is answered by one gunicorn worker; the next request may reach another, which has
    read the session before. It must find the session gone, not a copy of its own."""
    client = client_of(petugas)
    assert client.get(reverse("visits:desk")).status_code == 200  # this worker has read the session
    key = client.cookies[settings.SESSION_COOKIE_NAME].value

    # what SessionStore.delete() does in the other worker: the row, then the cache entry in its cache
    Session.objects.filter(session_key=key).delete()
    _django("from django.core.cache import caches; from django.contrib.sessions.backends.cached_db import "
            f"KEY_PREFIX; caches['sessions'].delete(KEY_PREFIX + {key!r})", "",
            SESSION_CACHE_DIR=settings.CACHES[settings.SESSION_CACHE_ALIAS]["LOCATION"])

    assert client.get(reverse("visits:desk")).status_code == 302  # back to the login page


def test_a_logged_in_bare_page_makes_at_most_one_query_after_the_first(client_of, petugas,
                                                                        django_assert_max_num_queries):
    client = client_of(petugas)
    assert client.get(reverse("still_here")).status_code == 204
    with django_assert_max_num_queries(1):  # the user; the session comes from the cache
        assert client.get(reverse("still_here")).status_code == 204
    with django_assert_max_num_queries(1):
        assert client.get(reverse("still_here")).status_code == 204


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def redis_url():
    server = shutil.which("redis-server")
    if server is None:
        pytest.skip("redis-server is not installed")
    port = _free_port()
    # the server on the machine's own clock: under libfaketime (CI's moved-clock run) it does not start
    env = {name: value for name, value in os.environ.items() if name not in ("LD_PRELOAD", "FAKETIME")}
    process = subprocess.Popen([server, "--port", str(port), "--save", "", "--appendonly", "no"], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(50):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    yield f"redis://127.0.0.1:{port}/0"
    process.terminate()
    process.wait(timeout=10)


def _django(code: str, cache_url: str, **environ) -> str:
    """`code` run by another Django process (another app worker or server)."""
    env = {**os.environ, "CACHE_URL": cache_url, "DJANGO_SETTINGS_MODULE": "tests.settings", **environ}
    result = subprocess.run([sys.executable, "-c", f"import django; django.setup(); {code}"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_with_cache_url_two_app_servers_share_one_redis(redis_url):
    backend = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    assert _django(backend, redis_url) == "django.core.cache.backends.redis.RedisCache"
    _django("from django.core.cache import cache; cache.set('pojok-shared', 'dari server A', 60)", redis_url)
    read = "from django.core.cache import cache; print(cache.get('pojok-shared'))"
    assert _django(read, redis_url) == "dari server A"
