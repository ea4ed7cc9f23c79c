"""After the gesprek: the overview, the afsprakenblad (PDF and text), the agenda file, what next, and letters."""
from urllib.parse import quote

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from .. import documents, drafts, letters, nextstep, steps
from ..answers import Answers
from ..calendar import build_calendar
from ..forms.letters import LetterForm
from ..plan import build_agreements
from .documents import pdf_response, two_languages_wanted
from .wizard import require_draft, sheet_form, step_url


@never_cache
def overview(request):
    """The entry page of "Na het gesprek": its steps, and what the parent gets from them."""
    draft = drafts.get_draft(request)
    answers = Answers(draft)
    resume = answers.resume_at(steps.AFTER) if draft.is_saved else steps.first_step(steps.AFTER)
    context = {
        "draft": draft,
        "answers": answers,
        "summaries": answers.summaries(steps.AFTER),
        "resume_url": step_url(resume) if resume else "",
        "first_url": step_url(steps.first_step(steps.AFTER)),
        "advice": nextstep.advise(answers) if draft.is_saved else None,
        "kept_url": step_url(steps.KEPT),
        "today": timezone.localdate(),
        "sheet_form": sheet_form(),
    }
    return render(request, "after/overview.html", context)


def _saved_draft_or_redirect(request):
    draft = require_draft(request)
    return (draft, None) if draft.is_saved else (None, redirect("wizard:after"))


@never_cache
def agreements_pdf(request):
    draft, away = _saved_draft_or_redirect(request)
    return away or pdf_response(request, documents.AGREEMENTS, draft, two_languages=two_languages_wanted(request))


@never_cache
def agreements_text(request):
    """The afsprakenblad as plain text, to copy into an e-mail; a mailto: link when an address is known."""
    draft, away = _saved_draft_or_redirect(request)
    if away:
        return away
    answers = Answers(draft)
    text = render_to_string("after/agreements.txt", {"plan": build_agreements(answers), "school": answers.school}).strip()
    address = answers[steps.FOLLOW_UP].values.email or _school_address(answers.school)
    subject = _("Afspraken uit ons gesprek")
    mailto = f"mailto:{quote(address)}?subject={quote(subject)}&body={quote(text)}" if address else ""
    return render(request, "after/agreements_text.html", {"draft": draft, "text": text, "mailto": mailto, "address": address})


def _school_address(school):
    """The school's aanspreekpunt pesten, when that contact is an e-mail address."""
    contact = school.aanspreekpunt_contact if school else ""
    return contact if "@" in contact and " " not in contact.strip() else ""


@never_cache
def calendar_file(request):
    draft, away = _saved_draft_or_redirect(request)
    if away:
        return away
    response = HttpResponse(build_calendar(Answers(draft), draft.pk), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="gesprek-met-school.ics"'
    return response


@never_cache
def next_step(request):
    draft, away = _saved_draft_or_redirect(request)
    if away:
        return away
    answers = Answers(draft)
    advice = nextstep.advise(answers)
    return render(request, "after/next_step.html", {"draft": draft, "advice": advice, "kept_url": step_url(steps.KEPT)})


@never_cache
@require_http_methods(["GET", "POST"])
def letter(request, key):
    """A drafted letter in a text box: the parent edits it, saves it, prints it or copies it."""
    found, away = _letter_for(request, key)
    if away:
        return away
    kind, draft, answers, recipient = found
    form = LetterForm(request.POST if request.method == "POST" else None, initial={"text": letters.text_of(kind, draft, answers, recipient)})
    if request.method == "POST" and form.is_valid():
        drafts.save_letter(draft, kind.key, form.cleaned_data["text"])
        if request.POST.get("action") == "pdf":
            return redirect(reverse("wizard:letter_pdf", args=[kind.key]) + "?download=1")
        messages.success(request, _("Uw brief is opgeslagen."))
        return redirect("wizard:letter", key=kind.key)
    if request.method == "POST":
        # Too long: what was typed is kept in the draft, and shown again with the message.
        drafts.save_letter(draft, kind.key, form.data.get("text", "")[: letters.MAX_LETTER_CHARACTERS * 2])
    context = {"draft": draft, "letter": kind, "form": form, "recipient": recipient}
    language = translation.get_language()
    if language != settings.LANGUAGE_CODE:
        # The letter stays Dutch; beside it, what it says in the parent's own language.
        context["translation"] = letters.draft_letter(kind, answers, recipient, language=language)
    return render(request, "after/letter.html", context)


def _recipient(answers, kind):
    """The person a letter goes to: the first of its rungs that the roadmap names for this school."""
    items = {item.key: item for item in nextstep.advise(answers).roadmap.items()}
    return next((items[rung] for rung in kind.rungs if rung in items and items[rung].person), None)


@never_cache
def letter_pdf(request, key):
    found, away = _letter_for(request, key)
    if away:
        return away
    kind, draft, answers, recipient = found
    text = letters.text_of(kind, draft, answers, recipient)
    return pdf_response(request, documents.LETTER, draft, letter=str(kind.title), text=text)


def _letter_for(request, key):
    """((letter, draft, answers, recipient), None) for a saved draft, or (None, the response that sends the parent on)."""
    kind = letters.get_letter(key)
    if kind is None:
        raise Http404(key)
    draft, away = _saved_draft_or_redirect(request)
    if away:
        return None, away
    answers = Answers(draft)
    return (kind, draft, answers, _recipient(answers, kind)), None
