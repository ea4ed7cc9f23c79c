"""The printable sheet: rate limited, rendered within a time limit, served inline or as a download."""
from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from .. import ratelimit
from ..pdf import PlanTooSlow, render_plan_pdf
from .errors import error_page, too_many_requests
from .wizard import require_draft


def site_url(request):
    """The site's public address for links in a PDF: SITE_URL behind a proxy, else this request's origin."""
    return settings.SITE_URL or f"{request.scheme}://{request.get_host()}"


@never_cache
def plan_pdf(request):
    draft = require_draft(request)
    if not draft.is_saved:
        return redirect("wizard:start")
    wait = ratelimit.seconds_to_wait(request, "pdf", settings.PDF_RATE_LIMIT)
    if wait:
        return too_many_requests(request, wait)
    try:
        body, filename = render_plan_pdf(draft, site_url(request))
    except PlanTooSlow:
        return error_page(
            request,
            503,
            _("Uw overzicht is niet gelukt"),
            _("Het maken van uw overzicht duurde te lang. Uw antwoorden zijn bewaard. Maak lange antwoorden wat korter. Probeer het daarna opnieuw."),
            back_to_check=True,
        )
    response = HttpResponse(body, content_type="application/pdf")
    disposition = "attachment" if request.GET.get("download") else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


