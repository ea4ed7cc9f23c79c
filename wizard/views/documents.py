"""The printable documents: rate limited, rendered within limits, served inline or as a download."""
from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from .. import documents, ratelimit
from ..answers import Answers
from ..pdf import PlanTooSlow
from .errors import error_page, too_many_requests
from .wizard import require_draft

# How long a parent should wait when the machine is busy printing for others.
BUSY_RETRY_SECONDS = 5


def site_url(request):
    """The site's public address for links in a PDF: SITE_URL behind a proxy, else this request's origin."""
    return settings.SITE_URL or f"{request.scheme}://{request.get_host()}"


def pdf_response(request, document, draft, **extra):
    """The document as a PDF response, or the Dutch page that says why not (yet)."""
    wait = ratelimit.seconds_to_wait(request, "pdf", settings.PDF_RATE_LIMIT)
    if wait:
        return too_many_requests(request, wait)
    try:
        rendered = documents.render_document(document, draft, site_url(request), **extra)
    except PlanTooSlow:
        return error_page(
            request,
            503,
            _("Uw overzicht is niet gelukt"),
            _("Het maken van uw overzicht duurde te lang. Uw antwoorden zijn bewaard. Maak lange antwoorden wat korter. Probeer het daarna opnieuw."),
            back_to_check=True,
        )
    except documents.RenderBusy:
        response = error_page(
            request,
            503,
            _("Even geduld"),
            _("Er worden nu veel overzichten gemaakt. Uw antwoorden zijn bewaard. Probeer het over een paar seconden opnieuw."),
            back_to_check=True,
            retry=True,
        )
        response["Retry-After"] = str(BUSY_RETRY_SECONDS)
        return response
    body, filename = rendered
    response = HttpResponse(body, content_type="application/pdf")
    disposition = "attachment" if request.GET.get("download") else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    # Whether the shared cache had it: the two-server smoke test reads this, a parent need not.
    response["X-Pestgesprek-Cache"] = "hit" if rendered.from_cache else "miss"
    return response


@never_cache
def plan_pdf(request):
    draft = require_draft(request)
    if not draft.is_saved:
        return redirect("wizard:start")
    too_much = Answers(draft).over_budget
    if too_much:
        # Said on the step and on the check page already; a PDF of it would not fit the limits.
        messages.error(request, too_much)
        return redirect("wizard:check")
    return pdf_response(request, documents.PLAN, draft, two_languages=two_languages_wanted(request))


def two_languages_wanted(request):
    """A sheet in another language than Dutch has the Dutch beneath its headings, unless the parent says no."""
    return request.GET.get("tweetalig") != "nee"
