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
WORKERS = int(os.environ.get("BENCH_WORKERS", str(2 * os.cpu_count())))
BIN = Path(sys.executable).parent


class Server:
    def __init__(self, process):
        self.url = URL
        self.process = process

    def cpu_seconds(self):
        """CPU time the gunicorn workers have used so far: a measure other work on the machine cannot inflate much."""
        import psutil  # comes with locust

        workers = psutil.Process(self.process.pid).children(recursive=True)
        return sum(sum(worker.cpu_times()[:2]) for worker in workers)


@contextlib.contextmanager
def gunicorn():
    command = [
        str(BIN / "gunicorn"), "pestgesprek.wsgi",
        "--bind", f"127.0.0.1:{PORT}", "--workers", str(WORKERS), "--timeout", "30", "--log-level", "warning",
    ]
    server = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **ENVIRONMENT})
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
