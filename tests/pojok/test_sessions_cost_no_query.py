"""Sessions are read from the cache (cached_db): a logged-in page costs one query, the user's, after the
first; with CACHE_URL=redis://... the cache is a shared Redis, so every app server reads the same."""

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]


def test_sessions_are_cached_and_written_through(db):
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.cached_db"
    assert settings.CACHES["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"


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
    process = subprocess.Popen([server, "--port", str(port), "--save", "", "--appendonly", "no"],
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


def _django(code: str, cache_url: str) -> str:
    env = {**os.environ, "CACHE_URL": cache_url, "DJANGO_SETTINGS_MODULE": "tests.settings"}
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
