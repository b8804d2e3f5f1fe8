"""In production (HTTPS on): HSTS, secure cookies, redirect to HTTPS, and `check --deploy` stays silent.

The settings are read in a fresh process with a production environment, as gunicorn would.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DEBUG": "0", "HTTPS": "1", "ALLOWED_HOSTS": "konsultasi.bpkad.example",
    "SECRET_KEY": "k9#Qv2!pL7xR4mZ8wT1yB6nC3hJ5dF0gS-prod-like-secret-key-for-the-check",
    "DJANGO_SETTINGS_MODULE": "pojok.settings",
}
NAMES = ["SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SESSION_COOKIE_SECURE",
         "CSRF_COOKIE_SECURE", "SECURE_SSL_REDIRECT", "SESSION_COOKIE_HTTPONLY", "SECURE_PROXY_SSL_HEADER",
         "SESSION_IDLE_SECONDS",
         "AXES_FAILURE_LIMIT", "BEHIND_PROXY"]
READ = ("import django, json; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n, None) for n in {NAMES!r}}}) + '|' + "
        "str(settings.AXES_COOLOFF_TIME.total_seconds()))")


def _clean_env():
    return {k: v for k, v in os.environ.items()
            if k not in {"SECRET_KEY", "DEBUG", "HTTPS", "DJANGO_SETTINGS_MODULE", "BEHIND_PROXY"}}


def _settings(**env):
    result = subprocess.run([sys.executable, "-c", READ], cwd=ROOT, env={**_clean_env(), **PRODUCTION, **env},
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    values, cooloff = result.stdout.strip().splitlines()[-1].split("|")
    return {**json.loads(values), "cooloff_seconds": float(cooloff)}


def test_production_turns_on_hsts_secure_cookies_and_https_redirect():
    values = _settings()
    assert values["SECURE_HSTS_SECONDS"] >= 31536000
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert values["SESSION_COOKIE_SECURE"] is True and values["CSRF_COOKIE_SECURE"] is True
    assert values["SESSION_COOKIE_HTTPONLY"] is True
    assert values["SECURE_SSL_REDIRECT"] is True


def test_behind_the_proxy_https_and_addresses_come_from_nginx():
    values = _settings(BEHIND_PROXY="1")
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert values["BEHIND_PROXY"] is True


def test_the_account_limits_are_read_from_the_environment():
    values = _settings(LOGIN_FAILURE_LIMIT="3", LOGIN_LOCKOUT_MINUTES="60", SESSION_IDLE_MINUTES="10")
    assert values["AXES_FAILURE_LIMIT"] == 3
    assert values["cooloff_seconds"] == 3600
    assert values["SESSION_IDLE_SECONDS"] == 600


def test_check_deploy_prints_no_warnings_behind_the_proxy():
    command = [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"]
    result = subprocess.run(command, cwd=ROOT,
                            env={**_clean_env(), **PRODUCTION, "BEHIND_PROXY": "1"},
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNINGS" not in result.stdout + result.stderr
    assert "no issues" in result.stdout
