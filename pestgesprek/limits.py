"""Settings for what one client may ask of the site: the size of a draft and of a request,
how many drafts, bewaarcode guesses and PDFs an address or session may ask for, and how
PDFs are rendered without taking the pages down. Star-imported by pestgesprek.settings;
each one can be set in the environment (README, "Configuration").
"""
import os
import tempfile

# What one draft may take in the database, as typed (UTF-8 JSON). A valid draft stays far
# below: its free text is bounded in wizard/forms/fields.py (DRAFT_TEXT_BUDGET).
DRAFT_STORAGE_BYTES = int(os.environ.get("DRAFT_STORAGE_BYTES", str(256 * 1024)))
# New drafts one IP address may start per hour. Generous, because a school's Wi-Fi puts many
# parents behind one address; raise it for a school evening on one network.
DRAFT_CREATE_LIMIT_PER_IP = int(os.environ.get("DRAFT_CREATE_LIMIT_PER_IP", "120"))
# Wrong bewaarcodes one IP address may try per hour, before a Dutch 429 (see wizard/resume.py).
RESUME_CODE_GUESSES_PER_HOUR = int(os.environ.get("RESUME_CODE_GUESSES_PER_HOUR", "10"))
# No page takes more than a form's worth of text; larger requests are refused unread.
MAX_REQUEST_BYTES = int(os.environ.get("MAX_REQUEST_BYTES", str(1024 * 1024)))
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_REQUEST_BYTES
FILE_UPLOAD_HANDLERS = ["wizard.uploads.RefuseFileUploads"]

# A PDF that takes more CPU time than this is stopped with a friendly message. The largest
# valid draft takes about two seconds; keep this well below gunicorn's worker timeout.
PDF_RENDER_SECONDS = float(os.environ.get("PDF_RENDER_SECONDS", "10"))
# PDFs rendered at the same time on one machine, over all workers: the other cores stay free
# for the pages. When all are busy, at most PDF_SLOT_WAITERS requests wait this long for a
# turn (each holds a worker meanwhile); any other gets a Dutch 503 with Retry-After at once.
# Keep renders + waiters below GUNICORN_WORKERS, so that a worker is always free for pages.
PDF_CONCURRENT_RENDERS = max(1, int(os.environ.get("PDF_CONCURRENT_RENDERS", str((os.cpu_count() or 2) - 1))))
PDF_SLOT_WAIT_SECONDS = float(os.environ.get("PDF_SLOT_WAIT_SECONDS", "0.5"))
PDF_SLOT_WAITERS = max(0, int(os.environ.get("PDF_SLOT_WAITERS", "1")))
PDF_RENDER_SLOTS_DIR = os.environ.get("PDF_RENDER_SLOTS_DIR", os.path.join(tempfile.gettempdir(), "pestgesprek-render-slots"))
# A PDF larger than this is not kept in the cache (it is rendered again when asked again).
PDF_CACHE_MAX_BYTES = int(os.environ.get("PDF_CACHE_MAX_BYTES", str(1024 * 1024)))

# PDFs each browser session and each IP address may ask for per minute. A PDF costs a CPU
# for up to a second; this keeps one client from tying up every worker. Benchmarks that
# send many PDF requests from one address raise the numbers through the environment.
PDF_RATE_LIMIT = {
    "session": int(os.environ.get("PDF_RATE_LIMIT_PER_SESSION", "10")),
    "ip": int(os.environ.get("PDF_RATE_LIMIT_PER_IP", "30")),
}
# How many proxies in front append the visitor's address to X-Forwarded-For. 0 unless set:
# without a proxy, that header is whatever the client made up. Behind one nginx, set 1.
# wizard.ratelimit warns once per process when the requests do not match the setting.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
