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
    # Every walk of every benchmark starts a draft from 127.0.0.1: production allows 120 an hour per address.
    "DRAFT_CREATE_LIMIT_PER_IP": "1000000",
    # Render slots are file locks; a folder of our own, so other work on the machine cannot hold them.
    "PDF_RENDER_SLOTS_DIR": str(WORK_DIR / "render-slots"),
}


def setup_django(database_url=None):
    """Configure this process like production: a fresh database, static files collected and compressed.

    ``database_url`` (PostgreSQL, from scripts/with_postgres.sh) replaces the throwaway SQLite file.
    """
    os.environ.update(ENVIRONMENT)
    if database_url:
        os.environ["DATABASE_URL"] = database_url
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
