"""Thin views: each loads the draft, asks the registry or a service, and renders."""
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from . import drafts, plan, steps
from .pdf import render_plan_pdf

RETURN_TO_CHECK = "controleren"


def _step_url(step, return_to_check=False):
    url = reverse("wizard:step", args=[step.slug])
    return f"{url}?terug={RETURN_TO_CHECK}" if return_to_check else url


def _say_if_expired(request):
    if request.draft_expired:
        messages.info(
            request,
            _("Uw vorige antwoorden zijn gewist, omdat ze langer dan %(days)d dagen niet zijn gebruikt. U kunt opnieuw beginnen.")
            % {"days": drafts.retention().days},
        )


@never_cache
def start(request):
    draft = drafts.get_draft(request)
    _say_if_expired(request)
    return render(
        request,
        "wizard/start.html",
        {"draft": draft, "first_url": _step_url(steps.first_step()), "summaries": plan.summarise(draft) if draft.is_saved else []},
    )


@never_cache
@require_http_methods(["GET", "POST"])
def step(request, slug):
    step = steps.get_step(slug)
    if step is None:
        raise Http404(slug)
    return_to_check = request.GET.get("terug") == RETURN_TO_CHECK or request.POST.get("terug") == RETURN_TO_CHECK

    if request.method == "POST":
        with drafts.editing_draft(request) as draft:
            form = steps.form_for(step, draft, data=request.POST)
            valid = form.is_valid()
            # Save first, whatever the button: typed text is never lost, valid or not.
            draft = drafts.save_step(request, draft, step.slug, form.submitted_values())
        _say_if_expired(request)
        previous, following = steps.neighbours(draft, step)
        if request.POST.get("action") == "vorige":
            return redirect(_step_url(previous) if previous else reverse("wizard:start"))
        if valid:
            if return_to_check or following is None:
                return redirect("wizard:check")
            return redirect(_step_url(following))
    else:
        draft = drafts.get_draft(request)
        _say_if_expired(request)
        if not step.applies_to(draft):
            following = steps.neighbours(draft, step)[1]
            return redirect(_step_url(following) if following else reverse("wizard:check"))
        form = steps.form_for(step, draft)

    applicable = steps.applicable_steps(draft)
    number = applicable.index(step) + 1 if step in applicable else None
    return render(
        request,
        step.template,
        {
            "step": step,
            "form": form,
            "number": number,
            "total": len(applicable),
            "has_previous": True,
            "return_to_check": return_to_check,
            "summaries": plan.summarise(draft),
            "draft": draft,
        },
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
    return render(request, "wizard/check.html", {"summaries": plan.summarise(draft), "draft": draft})


@never_cache
def plan_pdf(request):
    draft = _require_draft(request)
    if not draft.is_saved:
        return redirect("wizard:start")
    body, filename = render_plan_pdf(draft)
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


@require_POST
def start_over(request):
    drafts.forget_draft(request)
    return redirect(_step_url(steps.first_step()))


def _error(request, status, title, text):
    return render(request, "error.html", {"title": title, "text": text, "status": status}, status=status)


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
