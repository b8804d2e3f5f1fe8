"""Settings for Pojok Konsultasi, read from the environment.

Laptop defaults are safe: SQLite in the project folder and DEBUG off unless asked for.
With DEBUG off the app refuses to start without a real SECRET_KEY.
"""

import hashlib
import os
import tempfile
from datetime import timedelta
from pathlib import Path

import bootstrap_wrapper
import dj_database_url
from django.core.checks.security.base import _check_secret_key
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def envint(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


def envlist(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = envbool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set a long random SECRET_KEY in the environment "
            "(or DEBUG=1 on a development laptop)."
        )
    SECRET_KEY = "django-insecure-development-only-key-never-use-in-production-0123456789"
elif not DEBUG and not _check_secret_key(SECRET_KEY):
    # Django's own check (security.W009) only warns; production stops instead of running on a guessable key.
    raise ImproperlyConfigured(
        "SECRET_KEY is weak (Django's check security.W009): use at least 50 characters, 5 of them "
        "different, not starting with 'django-insecure-'. For example: "
        "python -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "django_htmx",
    "offices",
    "routing",
    "visits",
    "notifications",
    "survey",
    "lobby",
    "booking",
    "privacy",
    "presence",
    "documents",
    "referrals",
    "kabupaten",
    "pojok",
    "axes",
    "auditlog",
    "audit",
]

MIDDLEWARE = [
    "pojok.logs.RequestLogMiddleware",  # first: it sees every answer, and gives each request its id
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages compressed (Django's GZipMiddleware masks the CSRF token against BREACH); below whitenoise,
    # which serves its own pre-compressed static files, above everything that writes the body.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "pojok.middleware.OfficeLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "offices.middleware.OfficeMiddleware",  # the office every tenant query of the request reads
    "audit.history.RuleChangeMiddleware",  # names the person (and address) behind each change to a rule
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "lobby.middleware.DeviceLockMiddleware",
    "pojok.middleware.AdminSearchLimitMiddleware",
    "pojok.idle.IdleSessionMiddleware",
    "pojok.security.ContentSecurityPolicyMiddleware",
    "audit.logins.KnownBrowserMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires
]

ROOT_URLCONF = "pojok.urls"
WSGI_APPLICATION = "pojok.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "pojok.navigation.context",
                "offices.context_processors.office",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=envint("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE takes the write lock at the start of a transaction, so two desks saving at
    # once wait for each other instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {"transaction_mode": "IMMEDIATE", "timeout": 20}
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "pojok.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": envint("PASSWORD_MIN_LENGTH", 12)}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "id"
# The switcher names each language in its own language (name_local, base.html), in either language.
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static", ("bootstrap", bootstrap_wrapper.get_bootstrap_dir())]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS")
EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "pojok-konsultasi@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# WhatsApp Business Cloud API (optional, off unless both are set): approved template messages sent
# through the outbox beside the e-mails, retried like them (notifications/whatsapp_cloud.py).
WHATSAPP_CLOUD_TOKEN = os.environ.get("WHATSAPP_CLOUD_TOKEN", "")
WHATSAPP_CLOUD_PHONE_ID = os.environ.get("WHATSAPP_CLOUD_PHONE_ID", "")
WHATSAPP_CLOUD_URL = os.environ.get("WHATSAPP_CLOUD_URL", "https://graph.facebook.com/v21.0")
WHATSAPP_CLOUD_TIMEOUT = envint("WHATSAPP_CLOUD_TIMEOUT", 10)
WHATSAPP_TEMPLATE_LANGUAGE = os.environ.get("WHATSAPP_TEMPLATE_LANGUAGE", "id")
WHATSAPP_TEMPLATE_ROUTED = os.environ.get("WHATSAPP_TEMPLATE_ROUTED", "pojok_tamu_diarahkan")
WHATSAPP_TEMPLATE_BOOKING = os.environ.get("WHATSAPP_TEMPLATE_BOOKING", "pojok_kode_pendaftaran")

# Behind HTTPS (the production default) cookies are secure and browsers are told to keep to
# HTTPS. An intranet served over plain HTTP sets HTTPS=0 (and accepts check --deploy's warnings).
HTTPS = envbool("HTTPS", default=not DEBUG)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS and envbool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31536000) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
if envbool("BEHIND_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_AGE = envint("SESSION_COOKIE_AGE", 8 * 60 * 60)
# Sessions are read from a cache and written through to the database (no query per request once
# cached). Every worker process of a server must read the same copy, or a session ended (logged out,
# timed out) in one worker would live on in another's memory: by default the cache is a folder of files
# that the workers of one server share; with several app servers, a shared Redis
# (CACHE_URL=redis://host:6379/0), so a session written on one server is read on the others. The folder
# keeps Django's 300 entries at most (each write counts the files): a session culled from it is read from
# the database again.
CACHE_URL = os.environ.get("CACHE_URL", "")
_SHARED_CACHE = ({"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
                 if CACHE_URL.startswith(("redis://", "rediss://", "unix://")) else None)
SESSION_CACHE_DIR = os.environ.get("SESSION_CACHE_DIR") or str(
    Path(tempfile.gettempdir()) / f"pojok-sessions-{hashlib.sha256(str(BASE_DIR).encode()).hexdigest()[:8]}")
CACHES = {
    "default": _SHARED_CACHE or {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pojok"},
    "sessions": _SHARED_CACHE or {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                                  "LOCATION": SESSION_CACHE_DIR},
}
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_CACHE_ALIAS = "sessions"
X_FRAME_OPTIONS = "DENY"

# --- Accounts: login throttling, idle sessions, security headers (issues 9 and 16) ---
# django-axes locks the pair (username, address) after LOGIN_FAILURE_LIMIT failures, so nobody can
# lock another person out; across addresses one username is slowed down, not locked, except in a
# browser where that person logged in before (audit/logins.py). The admin unlocks pairs in the admin's
# list of failed attempts. The lockout page (429) and the address behind nginx: pojok/security.py.
AUTHENTICATION_BACKENDS = ["pojok.security.LoginBackend"]
AXES_FAILURE_LIMIT = envint("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=envint("LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
LOGIN_SLOWDOWN_MAX_SECONDS = envint("LOGIN_SLOWDOWN_MAX_SECONDS", 60)
LOGIN_KNOWN_BROWSER_DAYS = envint("LOGIN_KNOWN_BROWSER_DAYS", 180)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "pojok.security.lockout_response"
AXES_CLIENT_IP_CALLABLE = "pojok.security.client_ip"
AXES_USERNAME_CALLABLE = "pojok.security.login_username"
AXES_DISABLE_ACCESS_LOG = True  # successful logins and logouts are kept in the audit app instead
AXES_VERBOSE = False  # no start-up banner on every manage.py command (cron mails stay empty)
BEHIND_PROXY = envbool("BEHIND_PROXY")

# A person's session ends after this much time without a click (polling does not count); the
# desk PCs are shared. SESSION_COOKIE_AGE above still caps a busy day's login.
SESSION_IDLE_SECONDS = envint("SESSION_IDLE_MINUTES", 30) * 60

# Only the app's own files: every script and style comes from static/, none inline.
CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
    "connect-src 'self'", "font-src 'self'", "object-src 'none'", "base-uri 'self'",
    "form-action 'self'", "frame-ancestors 'none'",
])

# --- Running it like a service (issue 16) ---
# One JSON line per request and per job run (pojok/logs.py) on stderr, for journald; LOG_FORMAT=text
# for a person reading a terminal. Django's own request log keeps only 5xx (the request line already
# has every status), and an unreachable database is logged once per outage (pojok/outage.py).
LOG_FORMAT = os.environ.get("LOG_FORMAT") or ("text" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "pojok.logs.JsonFormatter", "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
                 "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"}},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "filters": {"not_an_outage": {"()": "pojok.outage.NotAnOutage"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR", "filters": ["not_an_outage"]},
        "django.server": {"level": "WARNING"},
    },
}
CSRF_FAILURE_VIEW = "pojok.errors.csrf_failure"
# Shared by this server's gunicorn workers to log each database outage once (default: in the temp dir).
OUTAGE_STATE_FILE = os.environ.get("OUTAGE_STATE_FILE", "")

# The office's working day, used to spot visits left open and to fill demo data.
OFFICE_OPENS = os.environ.get("OFFICE_OPENS", "07:30")
OFFICE_CLOSES = os.environ.get("OFFICE_CLOSES", "16:00")

# How long the kiosk shows a guest's queue number before it is ready for the next guest, in seconds.
KIOSK_DONE_SECONDS = envint("KIOSK_DONE_SECONDS", 15)

# How many days after the visit the satisfaction-survey link on the slip keeps working.
SURVEY_LINK_DAYS = envint("SURVEY_LINK_DAYS", 7)

# Pre-registration (/daftar/): how far ahead, and the limits that keep the public form from being flooded.
BOOKING_DAYS_AHEAD = envint("BOOKING_DAYS_AHEAD", 30)
BOOKING_PER_PHONE_PER_DAY = envint("BOOKING_PER_PHONE_PER_DAY", 3)
BOOKING_PER_SOURCE_PER_DAY = envint("BOOKING_PER_SOURCE_PER_DAY", 30)  # one office's NAT: many guests
BOOKING_MIN_SECONDS = envint("BOOKING_MIN_SECONDS", 3)  # a person takes longer than this to fill the form
BOOKING_FORM_MINUTES = envint("BOOKING_FORM_MINUTES", 30)  # how long one rendering of the form may be sent

# Codes typed by a guest or the desk (/s/<kode>, /survei/, the booking-code boxes of the desk and the
# kiosk): at most this many wrong tries per network address in this many minutes (pojok/throttle.py).
CODE_TRIES_LIMIT = envint("CODE_TRIES_LIMIT", 10)
CODE_TRIES_MINUTES = envint("CODE_TRIES_MINUTES", 10)

# Optional error reporting (Sentry, or a self-hosted GlitchTip): only when SENTRY_DSN is set. No
# personal data is sent (pojok/sentry.py): no form data, no cookies, no local variables.
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
if SENTRY_DSN:
    from pojok.sentry import start as _start_error_reporting

    _start_error_reporting(SENTRY_DSN, environment=os.environ.get("SENTRY_ENVIRONMENT", "production"))
