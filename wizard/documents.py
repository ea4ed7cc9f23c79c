"""Every PDF a parent can get, and how one is made: a template, a plan-building function, one cache.

All documents share the renderer in wizard.pdf. A document is rendered at most once at a
time per draft and at most settings.PDF_CONCURRENT_RENDERS at a time per machine, so a
flood of PDF requests cannot take every worker away from the pages. The last PDF of each
document of a draft is kept in the "documents" cache, never on disk, under a hash of all
it depends on: viewing, downloading and printing render it once. A render that failed is
remembered too, so asking again does not cost another ten seconds.
"""
import fcntl
import hashlib
import json
import os
import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable

from django.conf import settings
from django.core.cache import caches
from django.forms.models import model_to_dict
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from . import pdf
from .answers import Answers
from .drafts import cached_documents_key
from .pdf import PlanTooSlow
from .plan import build_agreements, build_plan

# A parent often views, then downloads, then prints: render once for all three.
CACHE_SECONDS = 10 * 60
# The footer's page numbers, filled in by print.css on every page.
PAGE_NUMBERS = {
    "page_number": mark_safe('<span class="page-number"></span>'),  # nosec B308 # fixed markup, no input
    "page_count": mark_safe('<span class="page-count"></span>'),  # nosec B308 # fixed markup, no input
}


class Rendered(tuple):
    """(PDF bytes, file name), and whether it came from the cache (said in a response header)."""

    def __new__(cls, body, filename, from_cache=False):
        rendered = super().__new__(cls, (body, filename))
        rendered.from_cache = from_cache
        return rendered


class RenderBusy(Exception):
    """This draft's document is being made already, or every render slot of this machine is taken."""


@dataclass(frozen=True)
class Document:
    key: str
    template: str
    # answers -> the object the template shows as ``plan``
    build: Callable
    # plan -> the file name
    filename: Callable
    # A letter to the school is always Dutch; other documents follow the parent's language.
    language: str = ""


def _dated(name):
    def filename(plan):
        date = plan.conversation_date or timezone.localdate()
        return f"{name}-{date.isoformat()}.pdf"

    return filename


PLAN = Document("plan", "pdf/plan.html", build_plan, _dated("voorbereiding-gesprek"))
AGREEMENTS = Document("agreements", "pdf/agreements.html", build_agreements, _dated("afspraken-gesprek"))
LETTER = Document("letter", "pdf/letter.html", lambda answers: answers, lambda answers: "brief-aan-school.pdf", language="nl")


def document_html(document, plan, site_url="", school=None, two_languages=False, **extra):
    """The HTML that becomes the PDF (useful on its own for benchmarks).

    ``site_url`` (for example https://pestgesprek.nl) makes the links in the PDF absolute:
    on paper or in a PDF viewer, a link to our own address must still work. A sheet in
    another language than Dutch is ``two_languages`` unless the parent switched that off.
    """
    language = translation.get_language()
    two_languages = two_languages and language != settings.LANGUAGE_CODE
    context = {
        "plan": plan,
        "made_on": timezone.localdate(),
        "link_base": site_url,
        "school": school,
        "two_languages": two_languages,
        "parent_language": language,
    }
    return render_to_string(document.template, {**context, **PAGE_NUMBERS, **extra})


def render_document(document, draft, site_url="", **extra):
    """(PDF bytes, file name) of ``document`` for a saved draft, from the cache when nothing changed.

    Raises PlanTooSlow when rendering takes more than settings.PDF_RENDER_SECONDS of CPU
    time (then and for a while after), and RenderBusy when it cannot start now.
    """
    cache = caches["documents"]
    key, fingerprint = cached_documents_key(draft.pk), _fingerprint(document, draft, site_url, extra)
    done = _cached(cache, key, document, fingerprint)
    if done is not None:
        return done
    with _one_render_per_draft(cache, draft, document, key, fingerprint) as waited:
        if waited is not None:
            return waited
        try:
            with render_slot(), translation.override(document.language or translation.get_language()):
                answers = Answers(draft)
                plan = document.build(answers)
                html = document_html(document, plan, site_url, answers.school, **extra)
                body = pdf.within_time_limit(settings.PDF_RENDER_SECONDS, pdf.html_to_pdf, html)
        except PlanTooSlow:
            _remember(cache, key, document, (fingerprint, None, None))
            raise
        filename = document.filename(plan)
        if len(body) <= settings.PDF_CACHE_MAX_BYTES:
            _remember(cache, key, document, (fingerprint, body, filename))
        return Rendered(body, filename)


def render_plan_pdf(draft, site_url=""):
    return render_document(PLAN, draft, site_url)


def _fingerprint(document, draft, site_url, extra):
    """Everything a PDF depends on: the answers, the school's people, the language, the
    site's address (in the links), today's date ("Gemaakt op") and what the view adds.
    The time limit too: a render that failed under one limit may succeed under another."""
    school = model_to_dict(draft.school, exclude=["staff"]) if draft.school_id else None
    parts = [
        document.key, draft.answers, school, translation.get_language(), site_url,
        timezone.localdate().isoformat(), extra, settings.PDF_RENDER_SECONDS,
    ]
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def _cached(cache, key, document, fingerprint):
    entry = (cache.get(key) or {}).get(document.key)
    if entry is None or entry[0] != fingerprint:
        return None
    if entry[1] is None:
        raise PlanTooSlow
    return Rendered(entry[1], entry[2], from_cache=True)


def _remember(cache, key, document, entry):
    """One cache entry per draft holds its documents, so forgetting the draft drops them all."""
    entries = cache.get(key) or {}
    entries[document.key] = entry
    cache.set(key, entries, CACHE_SECONDS)


@contextmanager
def _one_render_per_draft(cache, draft, document, key, fingerprint):
    """Render, or wait for the render already under way for this draft (a double click).

    One request may wait, and only with one of the machine's wait places (see
    render_slot); any more get RenderBusy at once, so that one draft cannot keep several
    workers waiting, and waiting requests never hold every worker.
    """
    lock = f"pdf-render:{draft.pk}"
    if cache.add(lock, 1, timeout=int(settings.PDF_RENDER_SECONDS) + 5):
        try:
            yield None
        finally:
            cache.delete(lock)
        return
    if not cache.add(f"pdf-wait:{draft.pk}", 1, timeout=int(settings.PDF_RENDER_SECONDS) + 5):
        raise RenderBusy
    place = _take(_lock_folder(), "wait", settings.PDF_SLOT_WAITERS)
    try:
        if place is None:
            raise RenderBusy
        give_up = time.monotonic() + settings.PDF_RENDER_SECONDS
        while time.monotonic() < give_up and cache.get(lock) is not None:
            time.sleep(0.1)
        yield _cached(cache, key, document, fingerprint)
    finally:
        if place is not None:
            place.close()
        cache.delete(f"pdf-wait:{draft.pk}")


def _lock_folder():
    folder = settings.PDF_RENDER_SLOTS_DIR
    os.makedirs(folder, exist_ok=True)
    return folder


def _take(folder, kind, count):
    """Lock the first free one of ``count`` lock files of this kind: its open file, or None.

    Closing the file frees the lock; so does the system when a worker dies.
    """
    for number in range(count):
        handle = open(os.path.join(folder, f"{kind}-{number}.lock"), "a")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            continue
        return handle
    return None


@contextmanager
def render_slot():
    """Hold one of settings.PDF_CONCURRENT_RENDERS render slots of this machine, or raise RenderBusy.

    A slot is a file lock, so it is shared by every worker process on the machine. When
    every slot is taken, at most settings.PDF_SLOT_WAITERS requests on the machine wait
    for one (or for their draft's render, see _one_render_per_draft), each up to
    PDF_SLOT_WAIT_SECONDS, so that two parents who ask at the same moment both get their
    PDF; any other request gets the 503 at once. A waiting request holds a worker, and a
    flood of waiting requests would hold every worker the pages need.
    """
    folder = _lock_folder()
    slot = _take(folder, "slot", settings.PDF_CONCURRENT_RENDERS)
    if slot is None and settings.PDF_SLOT_WAIT_SECONDS > 0:
        place = _take(folder, "wait", settings.PDF_SLOT_WAITERS)
        if place is not None:
            try:
                give_up = time.monotonic() + settings.PDF_SLOT_WAIT_SECONDS
                while slot is None and time.monotonic() < give_up:
                    # A short nap: the slot should not stand idle long after a render ends.
                    time.sleep(0.005)
                    slot = _take(folder, "slot", settings.PDF_CONCURRENT_RENDERS)
            finally:
                place.close()
    if slot is None:
        raise RenderBusy
    try:
        yield
    finally:
        slot.close()
