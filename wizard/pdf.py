"""Render a parent's plan as an A4 PDF. Only our own static files may be fetched."""
import functools
import hashlib
import json
import logging
import mimetypes
import signal
import threading
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.core.exceptions import SuspiciousFileOperation
from django.forms.models import model_to_dict
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from weasyprint import CSS, HTML, URLFetcher
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcherResponse

from .answers import Answers
from .drafts import cached_pdf_key
from .plan import build_plan

# A made-up origin: links in the PDF template point here, and the fetcher maps them to
# our static files. Nothing is ever requested over the network.
STATIC_ORIGIN = "https://static.pestgesprek.invalid/"
PRINT_STYLESHEET = "css/print.css"
# A parent often views, then downloads, then prints: render once for all three.
PDF_CACHE_SECONDS = 10 * 60

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


# The footer's page numbers, filled in by print.css on every page.
PAGE_NUMBERS = {
    "page_number": mark_safe('<span class="page-number"></span>'),  # noqa: S308 (fixed markup, no input)
    "page_count": mark_safe('<span class="page-count"></span>'),  # noqa: S308
}


def plan_html(plan, site_url="", school=None):
    """The HTML that becomes the PDF (useful on its own for benchmarks).

    ``site_url`` (for example https://pestgesprek.nl) makes the links in the PDF absolute:
    on paper or in a PDF viewer, a link to our own address must still work.
    """
    context = {"plan": plan, "made_on": timezone.localdate(), "link_base": site_url, "school": school, **PAGE_NUMBERS}
    return render_to_string("pdf/plan.html", context)


def html_to_pdf(html):
    fetcher, font_config, stylesheet = _renderer()
    document = HTML(string=html, base_url=STATIC_ORIGIN, url_fetcher=fetcher)
    return document.write_pdf(
        stylesheets=[stylesheet], font_config=font_config, pdf_variant="pdf/ua-1", uncompressed_pdf=False
    )


def _within_time_limit(seconds, function, *args):
    """``function(*args)``, stopped with PlanTooSlow after ``seconds``.

    WeasyPrint is pure Python and cannot be stopped from another thread, and a separate
    process would cost a fork and lose the stylesheet parsed once per process. So we use
    SIGALRM, which Python turns into an exception between two bytecodes. Signals reach
    only the main thread: that is where gunicorn's sync workers (our gunicorn.conf.py)
    handle requests. In other threads (the threaded development server) there is no
    alarm; the field limits keep every valid draft small enough anyway.
    """
    if not seconds or threading.current_thread() is not threading.main_thread():
        return function(*args)
    armed = True

    def out_of_time(signum, frame):
        if armed:
            raise _OutOfTime

    previous = signal.signal(signal.SIGALRM, out_of_time)
    try:
        try:
            # Then again every 50 ms: Python drops an exception raised while it runs a
            # finalizer or __del__ (cffi frees Pango objects that way), so we keep
            # ringing until one lands in WeasyPrint's own code.
            signal.setitimer(signal.ITIMER_REAL, seconds, 0.05)
            return function(*args)
        finally:
            # An alarm that fires after the next line does nothing; one that fires
            # before it raises here and is caught below like any other.
            armed = False
            signal.setitimer(signal.ITIMER_REAL, 0)
    except _OutOfTime:
        # The renderer was stopped halfway, maybe while it registered a font: start afresh.
        _renderer.cache_clear()
        logger.warning("Stopped rendering a PDF after %s seconds.", seconds)
        raise PlanTooSlow from None
    finally:
        signal.signal(signal.SIGALRM, previous if previous is not None else signal.SIG_DFL)


def _fingerprint(draft, site_url):
    """Everything the PDF depends on: the answers, the school's people, the language,
    the site's address (in the links) and today's date ("Gemaakt op")."""
    school = model_to_dict(draft.school, exclude=["staff"]) if draft.school_id else None
    content = json.dumps(
        [draft.answers, school, translation.get_language(), site_url, timezone.localdate().isoformat()], sort_keys=True
    )
    return hashlib.sha256(content.encode()).hexdigest()


def _render(draft, site_url):
    plan = build_plan(Answers(draft))
    date = plan.conversation_date or timezone.localdate()
    return html_to_pdf(plan_html(plan, site_url, draft.school)), f"voorbereiding-gesprek-{date.isoformat()}.pdf"


def render_plan_pdf(draft, site_url=""):
    """The parent's plan as (PDF bytes, file name), made in memory.

    The result is cached in memory (never on disk) per draft, under a hash of what it
    depends on: asking again for an unchanged draft costs no rendering, a changed answer
    renders afresh. Raises PlanTooSlow when rendering takes longer than
    settings.PDF_RENDER_SECONDS.
    """
    key, fingerprint = cached_pdf_key(draft.pk), _fingerprint(draft, site_url)
    cached = cache.get(key)
    if cached is not None and cached[0] == fingerprint:
        return cached[1], cached[2]
    body, filename = _within_time_limit(settings.PDF_RENDER_SECONDS, _render, draft, site_url)
    cache.set(key, (fingerprint, body, filename), PDF_CACHE_SECONDS)
    return body, filename
