"""Pages around the wizard: delete my data, start over, privacy, the roadmap and outbound links."""
from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from .. import drafts, steps
from ..answers import Answers
from ..models import School, SupportContact
from ..roadmap import build_roadmap
from .wizard import step_url

# Deleting is always two steps: a page that says what will go, then a button that does it.
CONFIRMED = "ja"


@never_cache
@require_http_methods(["GET", "POST"])
def forget(request):
    """Wis mijn gegevens: a confirmation page, then a POST that deletes at once."""
    if request.method == "POST" and request.POST.get("bevestigd") == CONFIRMED:
        drafts.forget_draft(request)
        return render(request, "wizard/forgotten.html")
    return _confirm_delete(
        request,
        title=_("Wis mijn gegevens"),
        button=_("Ja, wis alles"),
        after=_("Al uw antwoorden worden meteen gewist, ook op andere apparaten waar u verderging."),
    )


@never_cache
@require_http_methods(["GET", "POST"])
def start_over(request):
    """Opnieuw beginnen: the same confirmation as "Wis mijn gegevens", then a fresh first step."""
    if request.method == "POST" and request.POST.get("bevestigd") == CONFIRMED:
        drafts.forget_draft(request)
        return redirect(step_url(steps.first_step()))
    return _confirm_delete(
        request,
        title=_("Opnieuw beginnen"),
        button=_("Ja, wis alles en begin opnieuw"),
        after=_("Als u opnieuw begint, worden al uw antwoorden meteen gewist."),
    )


def _confirm_delete(request, title, button, after):
    context = {"draft": drafts.get_draft(request), "title": title, "button": button, "after": after, "confirmed": CONFIRMED}
    return render(request, "wizard/confirm_delete.html", context)


def privacy(request):
    context = {
        "cookie_days": settings.SESSION_COOKIE_AGE // (24 * 60 * 60),
        "operator_name": settings.SITE_OPERATOR_NAME,
        "operator_email": settings.SITE_OPERATOR_EMAIL,
        "draft": drafts.get_draft(request),
    }
    return render(request, "wizard/privacy.html", context)


@never_cache
def roadmap(request):
    draft = drafts.get_draft(request)
    roadmap = build_roadmap(Answers(draft), school=drafts.school_of(request, draft))
    return render(request, "wizard/roadmap.html", {"roadmap": roadmap, "draft": draft})


# Pages a search engine has no business with: a parent's own answers, staff pages, redirects.
PRIVATE_PAGES = ["wizard:check", "wizard:pdf", "wizard:forget", "wizard:start_over", "admin:index"]


def robots_txt(request):
    private = [reverse(name) for name in PRIVATE_PAGES]
    step_prefix = reverse("wizard:step", args=["x"]).rsplit("x/", 1)[0]
    lines = [
        "User-agent: *",
        *(f"Disallow: {path}" for path in [step_prefix, *private, "/naar/", "/s/*/delen/", "/s/*/naar/"]),
        "Allow: /",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


# Links to other sites go through these two views, so that our pages refer only to our own
# origin and a link can only lead to an address that a school or an administrator entered.
def outbound_contact(request, key):
    url = get_object_or_404(SupportContact, key=key).website_url
    if not url:
        raise Http404(key)
    return redirect(url)


def outbound_school(request, slug, name):
    url = get_object_or_404(School, slug=slug).link(name)
    if not url:
        raise Http404(name)
    return redirect(url)


