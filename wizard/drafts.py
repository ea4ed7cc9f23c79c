"""Load, save, delete and expire the draft that belongs to a browser session."""
import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import Draft, School

SESSION_KEY = "pestgesprek_draft"
SCHOOL_KEY = "pestgesprek_school"


def retention():
    return datetime.timedelta(days=settings.DRAFT_RETENTION_DAYS)


def get_draft(request):
    """The session's saved draft, or a new unsaved one. A plain visit never writes a row.

    A draft past its expiry is deleted on sight and ``request.draft_expired`` is set, so
    the page can say why the answers are gone.
    """
    request.draft_expired = False
    draft_id = request.session.get(SESSION_KEY)
    if draft_id:
        draft = Draft.objects.filter(pk=draft_id).first()
        if draft is not None and not draft.is_expired:
            return draft
        if draft is not None:
            draft.delete()
        request.draft_expired = True
        del request.session[SESSION_KEY]
    return Draft()


def save_step(request, draft, slug, values):
    """Store what was typed on one step and push the expiry forward. Returns the saved draft.

    Only this step's key changes, under a row lock, so two tabs that save different steps
    at the same moment both keep their answers. A database error leaves no half-written
    draft behind: each path is one transaction, and the caller still has ``values``.
    """
    expires_at = timezone.now() + retention()
    if not draft.is_saved:
        with transaction.atomic():
            draft.answers = {slug: values}
            school_id = request.session.get(SCHOOL_KEY)
            draft.school = School.objects.filter(pk=school_id).first() if school_id else None
            draft.expires_at = expires_at
            draft.save()
            # A new draft gets a new session key: a key set before the parent typed
            # anything (by a shared computer, say) cannot be used to read it.
            request.session.cycle_key()
        request.session[SESSION_KEY] = str(draft.pk)
    else:
        with transaction.atomic():
            locked = Draft.objects.select_for_update().get(pk=draft.pk)
            locked.answers[slug] = values
            locked.expires_at = expires_at
            locked.save(update_fields=["answers", "expires_at", "updated_at"])
        draft = locked
    request.session.set_expiry(settings.SESSION_COOKIE_AGE)
    return draft


def remember_school(request, school):
    """A parent who came in through a school's link: a new draft, or the current one, belongs to it."""
    request.session[SCHOOL_KEY] = school.pk
    draft_id = request.session.get(SESSION_KEY)
    if draft_id:
        Draft.objects.filter(pk=draft_id).update(school=school)


def forget_draft(request):
    """Delete the session's draft and end the session at once."""
    draft_id = request.session.get(SESSION_KEY)
    if draft_id:
        Draft.objects.filter(pk=draft_id).delete()
    request.session.flush()


def purge_expired_drafts(now=None):
    """Delete every draft past its expiry; returns how many went."""
    deleted, _ = Draft.objects.filter(expires_at__lte=now or timezone.now()).delete()
    return deleted
