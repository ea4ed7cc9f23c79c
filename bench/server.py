"""Gunicorn on 127.0.0.1, configured like production, for the load and page-weight benchmarks."""
import contextlib
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from .environment import ENVIRONMENT, ROOT

PORT = int(os.environ.get("BENCH_PORT", "8531"))
URL = f"http://127.0.0.1:{PORT}"
# The production gunicorn.conf.py decides the workers unless BENCH_WORKERS says otherwise.
WORKERS = os.environ.get("BENCH_WORKERS")
WORKER_COUNT = int(WORKERS) if WORKERS else os.cpu_count() + 1  # as gunicorn.conf.py
# Capacity, not abuse protection, is measured here: all load comes from one address (so the
# limits per IP address are raised: PDFs here, new drafts in bench/environment.py), and workers
# must not be recycled mid-run or their CPU time would be lost from the count. The limit per
# session stays as in production.
SERVER_ENVIRONMENT = {
    "PDF_RATE_LIMIT_PER_IP": "1000000",
    "TRUSTED_PROXY_COUNT": "0",
    "GUNICORN_MAX_REQUESTS": "0",
}
BIN = Path(sys.executable).parent


class Server:
    def __init__(self, process):
        self.url = URL
        self.process = process

    def workers(self):
        import psutil  # comes with locust

        return psutil.Process(self.process.pid).children(recursive=True)

    def cpu_seconds(self):
        """CPU time the gunicorn workers have used so far: a measure other work on the machine cannot inflate much."""
        return sum(sum(worker.cpu_times()[:2]) for worker in self.workers())


@contextlib.contextmanager
def gunicorn(env=None, workers=None, log=None):
    """gunicorn as production runs it; ``env`` adds or overrides settings (REDIS_URL, limits), ``workers`` its workers.

    ``log``: a file for gunicorn's output (a run that makes many 503s would fill the terminal).
    """
    command = [str(BIN / "gunicorn"), "-c", "gunicorn.conf.py", "--bind", f"127.0.0.1:{PORT}", "--log-level", "warning"]
    workers = workers or WORKERS
    if workers:
        command += ["--workers", str(workers)]
    output = open(log, "ab") if log else None  # noqa: SIM115 (closed with the server)
    server = subprocess.Popen(
        command, cwd=ROOT, env={**os.environ, **ENVIRONMENT, **SERVER_ENVIRONMENT, **(env or {})}, stdout=output, stderr=output
    )
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(URL + "/", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError("gunicorn did not start")
        yield Server(server)
    finally:
        server.terminate()
        server.wait(timeout=30)
        if output:
            output.close()
