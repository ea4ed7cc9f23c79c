"""Production settings for benchmarks: DEBUG off, a throwaway SQLite database, no HTTPS redirect."""
import atexit
import os
import shutil
import statistics
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK_DIR = Path(tempfile.mkdtemp(prefix="pestgesprek-bench-"))
atexit.register(shutil.rmtree, WORK_DIR, ignore_errors=True)

ENVIRONMENT = {
    "DJANGO_SETTINGS_MODULE": "pestgesprek.settings",
    "SECRET_KEY": "benchmark-only-key-not-secret",
    "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
    "DATABASE_URL": f"sqlite:///{WORK_DIR / 'bench.sqlite3'}",
    "SECURE_SSL_REDIRECT": "0",
    "SECURE_COOKIES": "0",
    "DEBUG": "0",
}


def setup_django():
    """Configure this process like production: a fresh database, static files collected and compressed."""
    os.environ.update(ENVIRONMENT)
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)
    call_command("collectstatic", verbosity=0, interactive=False)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def ms(seconds):
    return f"{seconds * 1000:.1f} ms"


def summary(values):
    return {"p50": statistics.median(values), "p95": percentile(values, 0.95)}
