"""The bewaarcode: make one (or stop sharing) on one device, go on with it on another."""
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from .. import drafts, ratelimit, resume, schools
from ..forms.resume import ContinueForm
from .documents import site_url
from .errors import too_many_requests

GUESSES = "bewaarcode"
HOUR = 60 * 60


@never_cache
@require_http_methods(["GET", "POST"])
def share(request):
    """Explain first; a code is made only on the parent's POST, shown once, and never stored as such."""
    draft = drafts.get_draft(request)
    context = {"draft": draft}
    if request.method == "POST" and draft.is_saved:
        if request.POST.get("action") == "stop":
            resume.stop_sharing(draft)
            messages.success(request, _("U deelt uw antwoorden niet meer. De code werkt niet meer."))
            return redirect("wizard:share")
        code = resume.share(draft)
        link = f"{site_url(request)}{reverse('wizard:continue')}#{code}"
        qr = schools.qr_code(link).svg_inline(omitsize=True, dark="#000", title=_("QR-code van uw bewaarcode"))
        # The code is in this response only; never_cache tells every cache not to keep it.
        return render(request, "resume/code.html", {**context, "code": code, "qr_svg": qr})
    return render(request, "resume/share.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def continue_with_code(request):
    own = drafts.get_draft(request)
    form = ContinueForm(request.POST if request.method == "POST" else None, has_own_draft=own.is_saved)
    if request.method == "POST":
        wait = ratelimit.seconds_blocked(request, GUESSES, settings.RESUME_CODE_GUESSES_PER_HOUR, HOUR)
        if wait:
            return too_many_requests(request, wait)
        if form.is_valid():
            draft = resume.find_draft(form.cleaned_data["code"])
            if draft is None:
                ratelimit.record_failure(request, GUESSES, HOUR)
                form.wrong_code()
            else:
                if own.is_saved and own.pk != draft.pk:
                    drafts.forget_draft(request, keep_session=True)
                drafts.attach(request, draft)
                messages.success(
                    request,
                    _("Gelukt. U ziet nu de antwoorden van uw bewaarcode. Wat u hier verandert, ziet u ook op het andere apparaat."),
                )
                return redirect("wizard:check")
    context = {"form": form, "draft": own, "fix_text": _("Pas dit aan en klik dan op Ga verder:")}
    return render(request, "resume/continue.html", context)
