"""Settings for the test suite: the real settings with a fixed key, fast hashing and plain static files."""
import os

os.environ.setdefault("SECRET_KEY", "tests-only-key-not-secret-8c1f7d2e9a4b6c3f5e0d1a2b7c8d9e0f")
os.environ.setdefault("HTTPS", "0")

from pojok.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
STATIC_ROOT = None  # tests serve static files from the finders; nothing is collected
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

# Each test process keeps its sessions' cache in a folder of its own (unless one is named, as a test that
# plays a second app worker does).
if CACHES["sessions"]["BACKEND"].endswith("FileBasedCache") and not os.environ.get("SESSION_CACHE_DIR"):  # noqa: F405
    import tempfile

    CACHES["sessions"]["LOCATION"] = SESSION_CACHE_DIR = tempfile.mkdtemp(prefix="pojok-test-sessions-")  # noqa: F405
