"""The wizard itself: the start page, one generic view for every step, and the check page."""
import logging
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.db import DatabaseError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from .. import drafts, ratelimit, steps
from ..answers import Answers
from ..forms.sheet import SheetLanguageForm
from .errors import bad_request

logger = logging.getLogger(__name__)

RETURN_TO_CHECK = "controleren"


def step_url(step, return_to_check=False, fragment="", **query):
    """A step's address; in change mode it leads back to the check page when saved."""
    if return_to_check:
        query["terug"] = RETURN_TO_CHECK
    url = step.url + (f"?{urlencode(query)}" if query else "")
    return f"{url}#{fragment}" if fragment else url


def _say_if_expired(request):
    if request.draft_expired == drafts.EXPIRED:
        messages.info(
            request,
            _("Uw vorige antwoorden zijn gewist, omdat ze langer dan %(days)d dagen niet zijn gebruikt. U kunt opnieuw beginnen.")
            % {"days": drafts.retention().days},
        )
    elif request.draft_expired == drafts.GONE:
        messages.info(
            request,
            _("Uw vorige antwoorden zijn gewist. Misschien werden ze lang niet gebruikt, of klikte iemand op “Wis mijn gegevens”, ook op een ander apparaat. U kunt opnieuw beginnen."),
        )


def start_page(request, school=None):
    draft = drafts.get_draft(request)
    _say_if_expired(request)
    answers = Answers(draft)
    context = {"draft": draft, "answers": answers, "school": school, "first_url": step_url(steps.first_step())}
    if draft.is_saved:
        resume = answers.resume_at()
        context["resume_url"] = step_url(resume) if resume else reverse("wizard:check")
    return render(request, "wizard/start.html", context)


@never_cache
def start(request):
    return start_page(request)


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
        return _post_step(request, step, answers, return_to_check)
    if not step.applies_to(answers):
        following = steps.neighbours(answers, step)[1]
        return redirect(step_url(following) if following else reverse(step.phase.overview_url_name))
    return _step_page(request, step, answers[step].form, answers, return_to_check)


# Only a form's own kinds of body are read as answers: a JSON or plain-text body is not a form.
FORM_BODIES = {"application/x-www-form-urlencoded", "multipart/form-data"}
# Every step page sends its own key along: a POST without it carries none of the step's
# fields (a JSON body, a stale or hand-made request) and must not overwrite anything.
STEP_FIELD = "stap"


def _post_step(request, step, answers, return_to_check):
    draft = answers.draft
    if request.content_type not in FORM_BODIES or getattr(request, "file_refused", False):
        return bad_request(request)
    if request.POST.get(STEP_FIELD) != step.key:
        messages.info(request, _("Er kwam niets mee om op te slaan. Uw eerdere antwoorden staan hieronder."))
        return _step_page(request, step, answers[step].form, answers, return_to_check)
    form = step.form_class(request.POST, answers=answers)
    valid = form.is_valid()
    if not draft.is_saved:
        wait = ratelimit.seconds_to_wait(request, "new-draft", {"ip": settings.DRAFT_CREATE_LIMIT_PER_IP}, window=3600)
        if wait:
            # What was typed comes back on the page, with the reason it was not saved.
            response = _step_page(request, step, form, answers, return_to_check, status=429, not_saved=_too_many_drafts())
            response["Retry-After"] = str(wait)
            return response
    # Save first, whatever the button: typed text is never lost, valid or not.
    try:
        draft = drafts.save_step(request, draft, step.key, form.submitted_values(draft.step_data(step.key)))
    except drafts.DraftTooLarge:
        return _step_page(request, step, form, answers, return_to_check, status=413, not_saved=_too_large())
    except DatabaseError as error:
        # Only the kind of error: a database message can quote the values it refused.
        logger.error("Could not save step %s: %s", step.key, type(error).__name__)
        return _step_page(request, step, form, answers, return_to_check, status=503, save_failed=True)
    if form.unreadable():
        messages.error(request, form.unreadable())
        return redirect(step_url(step, return_to_check))
    # The saved answer may change which steps apply (the topic, the number of questions).
    answers = Answers(draft)
    too_much = answers.over_budget_in(step.phase)
    if valid and too_much:
        form.add_error(None, too_much)
        valid = False
    return _after_save(request, step, form, valid, answers, return_to_check)


def _after_save(request, step, form, valid, answers, return_to_check):
    """Where a saved step leads: the button's place, a follow-up question, the next step or the overview."""
    previous, following = steps.neighbours(answers, step)
    action = request.POST.get("action", "volgende")
    if action == "vorige":
        if previous is None:
            return redirect(step.phase.entry_url_name)
        return redirect(step_url(previous, return_to_check))
    if action != "volgende":
        # A button that changes the page itself, such as "Nog een gebeurtenis toevoegen".
        outcome = form.page_action(action)
        if outcome.message:
            messages.success(request, outcome.message)
        return redirect(step_url(step, return_to_check, outcome.fragment, **outcome.query))
    if not valid:
        return _step_page(request, step, form, answers, return_to_check)
    if form.newly_shown():
        # A follow-up question appeared with the answer just given: show it, do not skip it.
        messages.info(request, _("Er is een vraag bijgekomen. Vul die in als u wilt. Klik daarna op Volgende."))
        return redirect(step_url(step, return_to_check, form[form.newly_shown()[0]].auto_id))
    if return_to_check:
        messages.success(request, _("Uw antwoorden zijn opgeslagen."))
        return redirect(reverse(step.phase.overview_url_name) + f"#summary-{step.key}")
    if following is None:
        return redirect(step.phase.overview_url_name)
    return redirect(step_url(following))


def _too_many_drafts():
    return _(
        "Vanaf dit internetadres zijn het afgelopen uur heel veel nieuwe antwoorden begonnen. Daarom hebben we "
        "dit nog niet bewaard. Wat u typte, staat hieronder. Kopieer het als u wilt, en probeer het later opnieuw."
    )


def _too_large():
    return _(
        "Uw antwoorden zijn samen te groot om te bewaren. Wat u typte, staat hieronder, maar is nog niet bewaard. "
        "Maak uw teksten korter en klik dan opnieuw op de knop."
    )


def _step_page(request, step, form, answers, return_to_check, status=200, save_failed=False, not_saved=""):
    summaries = answers.summaries(step.phase)  # one per applicable step of the phase, in order
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
            "not_saved": not_saved,
            "summaries": summaries,
            "answers": answers,
            "bullying_extra": steps.bullying_extra_steps() if not answers.about_bullying else 0,
            "confirm_remove": request.GET.get("wissen", ""),
            "draft": answers.draft,
        },
        status=status,
    )


def require_draft(request):
    draft = drafts.get_draft(request)
    if not draft.is_saved:
        if request.draft_expired:
            _say_if_expired(request)
        else:
            messages.info(
                request,
                _("Er zijn nog geen antwoorden in deze browser. Uw antwoorden blijven in de browser waarin u ze typte. Begin hier met de eerste stap."),
            )
    return draft


@never_cache
def check(request):
    draft = require_draft(request)
    if not draft.is_saved:
        return redirect("wizard:start")
    answers = Answers(draft)
    context = {"answers": answers, "summaries": answers.summaries(), "draft": draft, "sheet_form": sheet_form()}
    return render(request, "wizard/check.html", context)


def sheet_form():
    """The choice of a two-language sheet, for every language but Dutch."""
    return SheetLanguageForm() if translation.get_language() != settings.LANGUAGE_CODE else None


