"""Settings for the test suite: production settings with a throwaway key."""
import os
import tempfile

os.environ.setdefault("SECRET_KEY", "test-only-key-not-secret")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("SECURE_COOKIES", "0")

from .settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Render slots are file locks shared by every process on the machine: a test run keeps its own,
# so two runs side by side (two checkouts, say) do not take turns.
PDF_RENDER_SLOTS_DIR = tempfile.mkdtemp(prefix="pestgesprek-test-slots-")
