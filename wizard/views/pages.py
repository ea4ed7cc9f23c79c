"""Pages around the wizard: delete my data, start over, privacy, the roadmap and outbound links."""
from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from .. import drafts, steps
from ..answers import Answers
from ..models import School, SupportContact
from ..roadmap import build_roadmap
from .wizard import step_url


@never_cache
@require_http_methods(["GET", "POST"])
def forget(request):
    """Wis mijn gegevens: a confirmation page, then a POST that deletes at once."""
    if request.method == "POST":
        drafts.forget_draft(request)
        return render(request, "wizard/forgotten.html")
    return render(request, "wizard/forget.html", {"draft": drafts.get_draft(request)})


def privacy(request):
    return render(request, "wizard/privacy.html", {"cookie_days": settings.SESSION_COOKIE_AGE // (24 * 60 * 60)})


@require_POST
def start_over(request):
    drafts.forget_draft(request)
    return redirect(step_url(steps.first_step()))


@never_cache
def roadmap(request):
    draft = drafts.get_draft(request)
    return render(request, "wizard/roadmap.html", {"roadmap": build_roadmap(Answers(draft)), "draft": draft})




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


