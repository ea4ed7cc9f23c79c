"""Thin views: each loads the draft, asks the registry or a service, and renders."""
import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from . import drafts, ratelimit, schools, steps
from .answers import Answers
from .models import School, SupportContact
from .pdf import PlanTooSlow, render_plan_pdf
from .roadmap import build_roadmap

logger = logging.getLogger(__name__)

RETURN_TO_CHECK = "controleren"


def _step_url(step, return_to_check=False):
    url = step.url
    return f"{url}?terug={RETURN_TO_CHECK}" if return_to_check else url


def _say_if_expired(request):
    if request.draft_expired:
        messages.info(
            request,
            _("Uw vorige antwoorden zijn gewist, omdat ze langer dan %(days)d dagen niet zijn gebruikt. U kunt opnieuw beginnen.")
            % {"days": drafts.retention().days},
        )


def _start_page(request, school=None):
    draft = drafts.get_draft(request)
    _say_if_expired(request)
    context = {"draft": draft, "school": school, "first_url": _step_url(steps.first_step())}
    return render(request, "wizard/start.html", context)


@never_cache
def start(request):
    return _start_page(request)


@never_cache
@require_http_methods(["GET", "POST"])
def step(request, slug):
    step = steps.get_step(slug)
    if step is None:
        raise Http404(slug)
    return_to_check = request.GET.get("terug") == RETURN_TO_CHECK or request.POST.get("terug") == RETURN_TO_CHECK
    draft = drafts.get_draft(request)
    _say_if_expired(request)
    answers = Answers(draft)

    if request.method == "POST":
        form = step.form_class(request.POST, answers=answers)
        valid = form.is_valid()
        # Save first, whatever the button: typed text is never lost, valid or not.
        try:
            draft = drafts.save_step(request, draft, step.key, form.submitted_values(draft.step_data(step.key)))
        except DatabaseError as error:
            # Only the kind of error: a database message can quote the values it refused.
            logger.error("Could not save step %s: %s", step.key, type(error).__name__)
            return _step_page(request, step, form, answers, return_to_check, status=503, save_failed=True)
        # The saved answer may change which steps apply (the topic, the number of questions).
        answers = Answers(draft)
        previous, following = steps.neighbours(answers, step)
        action = request.POST.get("action", "volgende")
        if action == "vorige":
            return redirect(_step_url(previous) if previous else reverse("wizard:start"))
        if action != "volgende":
            # A button that changes the page itself, such as "Nog een voorval toevoegen".
            return redirect(_step_url(step, return_to_check) + "#formulier")
        if valid:
            if return_to_check or following is None:
                return redirect("wizard:check")
            return redirect(_step_url(following))
    elif not step.applies_to(answers):
        following = steps.neighbours(answers, step)[1]
        return redirect(_step_url(following) if following else reverse("wizard:check"))
    else:
        form = answers[step].form
    return _step_page(request, step, form, answers, return_to_check)


def _step_page(request, step, form, answers, return_to_check, status=200, save_failed=False):
    summaries = answers.summaries()  # one per applicable step, in order
    applicable = [summary.step for summary in summaries]
    number = applicable.index(step) + 1 if step in applicable else None
    return render(
        request,
        step.template,
        {
            "step": step,
            "form": form,
            "number": number,
            "total": len(applicable),
            "return_to_check": return_to_check,
            "save_failed": save_failed,
            "summaries": summaries,
            "draft": answers.draft,
        },
        status=status,
    )


def _require_draft(request):
    draft = drafts.get_draft(request)
    if not draft.is_saved:
        if request.draft_expired:
            _say_if_expired(request)
        else:
            messages.info(request, _("Er zijn nog geen antwoorden. Begin hier met de eerste stap."))
    return draft


@never_cache
def check(request):
    draft = _require_draft(request)
    if not draft.is_saved:
        return redirect("wizard:start")
    answers = Answers(draft)
    return render(request, "wizard/check.html", {"answers": answers, "summaries": answers.summaries(), "draft": draft})


@never_cache
def plan_pdf(request):
    draft = _require_draft(request)
    if not draft.is_saved:
        return redirect("wizard:start")
    wait = ratelimit.seconds_to_wait(request, "pdf", settings.PDF_RATE_LIMIT)
    if wait:
        return too_many_requests(request, wait)
    try:
        body, filename = render_plan_pdf(draft)
    except PlanTooSlow:
        return _error(
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
    return redirect(_step_url(steps.first_step()))


@never_cache
def roadmap(request):
    draft = drafts.get_draft(request)
    return render(request, "wizard/roadmap.html", {"roadmap": build_roadmap(Answers(draft)), "draft": draft})


@never_cache
def school(request, slug):
    """A school's own link from the schoolgids: the parent's draft will show the school's people."""
    school = get_object_or_404(School, slug=slug)
    drafts.remember_school(request, school)
    return _start_page(request, school)


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


def _managed_school(request, slug):
    school = get_object_or_404(School, slug=slug)
    if not schools.schools_managed_by(request.user).filter(pk=school.pk).exists():
        raise PermissionDenied
    return school


@login_required(login_url="admin:login")
def school_share(request, slug):
    """For school staff: the link, a QR code and a text block for the schoolgids."""
    school = _managed_school(request, slug)
    link = schools.school_link(request, school)
    qr = schools.qr_code(link)
    return render(
        request,
        "wizard/school_share.html",
        {"school": school, "link": link, "qr_svg": qr.svg_inline(omitsize=True, dark="#000", title=link)},
    )


@login_required(login_url="admin:login")
def school_qr_png(request, slug):
    school = _managed_school(request, slug)
    response = HttpResponse(schools.qr_png(schools.school_link(request, school)), content_type="image/png")
    response["Content-Disposition"] = f'attachment; filename="pestgesprek-{school.slug}-qr.png"'
    return response


def _error(request, status, title, text, back_to_check=False):
    context = {"title": title, "text": text, "status": status, "back_to_check": back_to_check}
    return render(request, "error.html", context, status=status)


def too_many_requests(request, retry_after):
    text = ngettext(
        "U heeft dit vaak achter elkaar gevraagd. Wacht even. Over %(seconds)d seconde kunt u het opnieuw proberen. Uw antwoorden zijn bewaard.",
        "U heeft dit vaak achter elkaar gevraagd. Wacht even. Over %(seconds)d seconden kunt u het opnieuw proberen. Uw antwoorden zijn bewaard.",
        retry_after,
    ) % {"seconds": retry_after}
    response = _error(request, 429, _("Even wachten"), text, back_to_check=True)
    response["Retry-After"] = str(retry_after)
    return response


def bad_request(request, exception=None):
    return _error(request, 400, _("Dit verzoek klopt niet"), _("Er ging iets mis met wat uw browser stuurde. Ga terug en probeer het nog eens."))


def permission_denied(request, exception=None):
    return _error(request, 403, _("Dit mag niet"), _("U heeft geen toegang tot deze pagina."))


def csrf_failure(request, reason=""):
    return _error(
        request,
        403,
        _("De pagina was verlopen"),
        _("Om uw gegevens te beschermen, hebben we dit niet opgeslagen. Ga terug, laad de pagina opnieuw en probeer het nog een keer. Staan cookies uit? Zet ze dan aan voor deze website."),
    )


def page_not_found(request, exception=None):
    return _error(request, 404, _("Deze pagina bestaat niet"), _("Misschien is het adres verkeerd getypt. Of de pagina is verplaatst."))


def server_error(request):
    return _error(request, 500, _("Er ging iets mis bij ons"), _("Dit is onze fout, niet de uwe. Probeer het over een paar minuten nog eens. Wat u al had opgeslagen, is bewaard."))
