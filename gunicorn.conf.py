"""gunicorn settings for production: `gunicorn -c gunicorn.conf.py pestgesprek.wsgi`."""
import multiprocessing
import os

wsgi_app = "pestgesprek.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

# Sync workers on purpose: each handles one request at a time in its main thread, which
# is where the PDF time limit (SIGALRM, see wizard/pdf.py) can stop a slow render.
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

# No access log: it would hold parents' IP addresses, and the proxy in front has its own.
# Errors go to stderr; the app never logs what a parent typed.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")

# We do not use gunicornc; without this every instance would share one socket path in $HOME.
control_socket_disable = True
