"""Locust, headless: 50 parents at once for 60 seconds against gunicorn."""
import csv
import os
import subprocess

from .environment import ROOT, WORK_DIR
from .server import BIN, gunicorn

USERS = 50
SECONDS = int(os.environ.get("BENCH_LOAD_SECONDS", "60"))


def _children_cpu():
    times = os.times()
    return times.children_user + times.children_system


def measure_load(user_class="Parent", env=None, seconds=SECONDS, name=""):
    """Locust against a fresh gunicorn; ``env`` adds settings for the server (REDIS_URL, say)."""
    prefix = WORK_DIR / f"locust-{user_class}{name}"
    with gunicorn(env) as server:
        before, locust_before = server.cpu_seconds(), _children_cpu()
        subprocess.run(
            [
                str(BIN / "locust"), "-f", str(ROOT / "bench" / "locustfile.py"), user_class, "--headless",
                "--users", str(USERS), "--spawn-rate", str(USERS), "--run-time", f"{seconds}s",
                "--host", server.url, "--csv", str(prefix), "--only-summary", "--loglevel", "WARNING",
            ],
            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, check=False,
        )
        cpu = server.cpu_seconds() - before
        # Read before gunicorn stops: once it is waited for, its workers' time counts here too.
        locust_cpu = _children_cpu() - locust_before
    with open(f"{prefix}_stats.csv", newline="") as handle:
        rows = {row["Name"]: row for row in csv.DictReader(handle)}

    def stats(*names):
        chosen = [rows[name] for name in names if name in rows]
        count = sum(int(row["Request Count"]) for row in chosen)
        return {
            "requests": count,
            "failures": sum(int(row["Failure Count"]) for row in chosen),
            "per_second": sum(float(row["Requests/s"]) for row in chosen),
            # The slowest p95 of the kinds combined: an upper bound, good enough here.
            "p95_ms": max(float(row["95%"]) for row in chosen) if chosen else 0,
        }

    every = stats("Aggregated")
    # What the failures were: since the render cap, a PDF that finds every slot taken is a 503 with Retry-After.
    errors = {}
    with open(f"{prefix}_failures.csv", newline="") as handle:
        for row in csv.DictReader(handle):
            errors[f"{row['Name']}: {row['Error']}"] = errors.get(f"{row['Name']}: {row['Error']}", 0) + int(row["Occurrences"])
    return {
        "errors": errors,
        "cpu_ms_per_request": cpu * 1000 / max(every["requests"], 1),
        # Locust runs on the same two cores: what it takes, the server cannot have.
        "locust_cores": locust_cpu / seconds,
        "steps": stats("stap GET", "stap POST"),
        "pdf": stats("pdf"),
        "all": every,
        "users": USERS,
        "seconds": seconds,
        "cpu_seconds": cpu,
    }
