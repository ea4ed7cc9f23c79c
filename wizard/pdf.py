"""The PDF renderer: one fetcher, one print stylesheet and one time limit for every document.

Only our own static files may be fetched. What a document holds, and its cache, live in
wizard.documents.
"""
import functools
import logging
import mimetypes
import signal
import threading
from urllib.parse import unquote, urlsplit

from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from weasyprint import CSS, HTML, URLFetcher
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcherResponse


# A made-up origin: links in the PDF template point here, and the fetcher maps them to
# our static files. Nothing is ever requested over the network.
STATIC_ORIGIN = "https://static.pestgesprek.invalid/"
PRINT_STYLESHEET = "css/print.css"

logger = logging.getLogger(__name__)


class PlanTooSlow(Exception):
    """Rendering took longer than settings.PDF_RENDER_SECONDS and was stopped."""


class _OutOfTime(BaseException):
    """Raised by the alarm inside WeasyPrint.

    A BaseException, like KeyboardInterrupt: WeasyPrint catches ``Exception`` around
    fetching and font loading, and must not swallow this and carry on.
    """


class StaticFilesOnlyFetcher(URLFetcher):
    """Serves our own static files and data: URLs; refuses every other URL.

    Refusing means raising, which WeasyPrint treats as a missing resource: text typed by
    a parent can never make the renderer read a local file or call a server.
    """

    def __init__(self):
        super().__init__(allowed_protocols={"data"}, allow_redirects=False, timeout=1)

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        if not url.startswith(STATIC_ORIGIN):
            raise ValueError("Pestgesprek's PDF renderer fetches only its own static files.")
        path = unquote(urlsplit(url).path).lstrip("/")
        body, content_type = _static_file(path)
        return URLFetcherResponse(url, body=body, headers={"Content-Type": content_type})


@functools.lru_cache(maxsize=32)
def _static_file(path):
    if ".." in path.split("/"):
        raise ValueError("No parent folders.")
    try:
        found = finders.find(path)
    except SuspiciousFileOperation as error:
        raise ValueError("Not a static file.") from error
    if not found:
        raise ValueError("No such static file.")
    with open(found, "rb") as handle:
        body = handle.read()
    return body, mimetypes.guess_type(path)[0] or "application/octet-stream"


@functools.lru_cache(maxsize=1)
def _renderer():
    """The parsed print stylesheet, its fonts and the fetcher: made once per process."""
    fetcher = StaticFilesOnlyFetcher()
    font_config = FontConfiguration()
    stylesheet = CSS(url=STATIC_ORIGIN + PRINT_STYLESHEET, url_fetcher=fetcher, font_config=font_config)
    return fetcher, font_config, stylesheet


def html_to_pdf(html):
    fetcher, font_config, stylesheet = _renderer()
    document = HTML(string=html, base_url=STATIC_ORIGIN, url_fetcher=fetcher)
    return document.write_pdf(
        stylesheets=[stylesheet], font_config=font_config, pdf_variant="pdf/ua-1", uncompressed_pdf=False
    )


def within_time_limit(seconds, function, *args):
    """``function(*args)``, stopped with PlanTooSlow after ``seconds`` of CPU time.

    WeasyPrint is pure Python and cannot be stopped from another thread, and a separate
    process would cost a fork and lose the stylesheet parsed once per process. So we use
    a profiling timer (SIGPROF), which Python turns into an exception between two
    bytecodes. It counts the CPU time of this process, not the clock: on a busy machine a
    render waits for a core without using up its time, so a valid draft is never stopped
    because others are printing too. (gunicorn's worker timeout still guards the clock.)
    Signals reach only the main thread: that is where gunicorn's sync workers (our
    gunicorn.conf.py) handle requests. In other threads (the threaded development server)
    there is no limit; the draft's text budget keeps every valid draft small enough anyway.
    """
    if not seconds or threading.current_thread() is not threading.main_thread():
        return function(*args)
    armed = True

    def out_of_time(signum, frame):
        if armed:
            raise _OutOfTime

    previous = signal.signal(signal.SIGPROF, out_of_time)
    try:
        try:
            # Then again every 50 ms: Python drops an exception raised while it runs a
            # finalizer or __del__ (cffi frees Pango objects that way), so we keep
            # ringing until one lands in WeasyPrint's own code.
            signal.setitimer(signal.ITIMER_PROF, seconds, 0.05)
            return function(*args)
        finally:
            # An alarm that fires after the next line does nothing; one that fires
            # before it raises here and is caught below like any other.
            armed = False
            signal.setitimer(signal.ITIMER_PROF, 0)
    except _OutOfTime:
        # The renderer was stopped halfway, maybe while it registered a font: start afresh.
        _renderer.cache_clear()
        logger.warning("Stopped rendering a PDF after %s seconds of CPU time.", seconds)
        raise PlanTooSlow from None
    finally:
        signal.signal(signal.SIGPROF, previous if previous is not None else signal.SIG_DFL)
