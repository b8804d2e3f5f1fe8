"""Production settings: a real SECRET_KEY is required, and check --deploy is clean."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "k9#Qv2!pL7xR4mZ8wT1yB6nC3hJ5dF0gS-prod-like-secret-key-for-the-check",
    "ALLOWED_HOSTS": "konsultasi.bpkad.example",
    "DJANGO_SETTINGS_MODULE": "pojok.settings",
}


def run_manage(*args, env):
    base = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "HTTPS", "DJANGO_SETTINGS_MODULE"}}
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env={**base, **env},
                          capture_output=True, text=True, timeout=120)


def test_production_refuses_to_start_without_secret_key():
    env = {**PRODUCTION}
    del env["SECRET_KEY"]
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_the_wsgi_app_refuses_to_start_without_secret_key():
    base = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "HTTPS", "DJANGO_SETTINGS_MODULE"}}
    result = subprocess.run([sys.executable, "-c", "import pojok.wsgi"], cwd=ROOT, env=base,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_manage_py_on_a_laptop_without_a_key_runs_in_development_mode():
    result = run_manage("makemigrations", "--check", "--dry-run", env={})
    assert result.returncode == 0, result.stderr
    assert "No changes detected" in result.stdout


def test_debug_laptop_starts_without_secret_key():
    result = run_manage("check", env={"DEBUG": "1", "DJANGO_SETTINGS_MODULE": "pojok.settings"})
    assert result.returncode == 0, result.stderr


def test_check_deploy_prints_no_warnings_with_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNINGS" not in result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_language_and_time_zone_are_indonesian(settings):
    assert settings.LANGUAGE_CODE == "id"
    assert settings.TIME_ZONE == "Asia/Jakarta"
    assert ("en", "English") in settings.LANGUAGES


def test_production_refuses_a_key_djangos_check_calls_weak():
    insecure = "django-insecure-" + "k9#Qv2!pL7xR4mZ8wT1yB6nC3hJ5dF0gS-xyz-0123456789"
    for weak in ["kunci-pendek", "a" * 60, insecure]:
        result = run_manage("check", env={**PRODUCTION, "SECRET_KEY": weak})
        assert result.returncode != 0
        assert "SECRET_KEY is weak (Django's check security.W009)" in result.stderr


def test_a_strong_key_starts():
    assert run_manage("check", env=PRODUCTION).returncode == 0
