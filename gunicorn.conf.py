"""gunicorn settings for production: `gunicorn -c gunicorn.conf.py pestgesprek.wsgi`."""
import multiprocessing
import os

wsgi_app = "pestgesprek.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

# Sync workers on purpose: each handles one request at a time in its main thread, which
# is where the PDF time limit (SIGPROF, see wizard/pdf.py) can stop a slow render.
worker_class = "sync"
# One worker per core, plus one to cover the moments a worker waits for the database. Our
# requests are CPU work (templates, WeasyPrint): on 2 cores, 3 workers served a third more
# step requests than gunicorn's usual 2 x cores + 1, with a lower p95 (docs/benchmarks.md).
# With the database on another machine, workers wait longer: raise GUNICORN_WORKERS.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() + 1))

# Kill a worker stuck for this long. The PDF gives up earlier (PDF_RENDER_SECONDS, 10 s),
# so a parent gets our friendly message, not a gateway error.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
# No keepalive setting: sync workers close the connection after each response and ignore it.
# The buffering proxy in front keeps the connections to the browsers.

# Restart each worker now and then, so slow leaks (fonts, caches) cannot pile up. The
# jitter keeps the workers from all restarting at once.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "1000"))
max_requests_jitter = 100

# A large PDF leaves a worker holding memory it never gives back (Python and Pango keep
# their arenas). After a request that left it above this size, a worker finishes and is
# replaced: memory stays bounded without restarting workers that are fine.
MAX_WORKER_RSS_MB = int(os.environ.get("GUNICORN_MAX_WORKER_RSS_MB", "250"))


def resident_mb():
    """This process's resident memory now, in MB (Linux), or 0 when unknown."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // (1024 * 1024)
    except (OSError, ValueError, IndexError):
        return 0


def post_request(worker, req, environ, resp):
    resident = resident_mb()
    if resident > MAX_WORKER_RSS_MB:
        worker.log.info("Worker uses %d MB after a request; it is replaced by a fresh one.", resident)
        worker.alive = False


# No access log: it would hold parents' IP addresses, and the proxy in front has its own.
# Errors go to stderr; the app never logs what a parent typed.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")

# We do not use gunicornc; without this every instance would share one socket path in $HOME.
control_socket_disable = True
