"""Load, save, delete and expire the draft that belongs to a browser session."""
import datetime
from contextlib import contextmanager

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from .models import Draft

SESSION_KEY = "pestgesprek_draft"


def retention():
    return datetime.timedelta(days=settings.DRAFT_RETENTION_DAYS)


def get_draft(request, for_update=False):
    """The session's saved draft, or a new unsaved one. A plain visit never writes a row.

    A draft past its expiry is deleted on sight and ``request.draft_expired`` is set, so
    the page can say why the answers are gone. ``for_update`` locks the row; use
    ``editing_draft`` for that.
    """
    request.draft_expired = False
    draft_id = request.session.get(SESSION_KEY)
    if draft_id:
        rows = Draft.objects.select_for_update() if for_update else Draft.objects
        draft = rows.filter(pk=draft_id).first()
        if draft is not None and not draft.is_expired:
            return draft
        if draft is not None:
            draft.delete()
        request.draft_expired = True
        del request.session[SESSION_KEY]
    return Draft()


@contextmanager
def editing_draft(request):
    """The session's draft, read under a row lock that holds until the block ends.

    Reading, checking and saving a step is one transaction: two tabs that save different
    steps at the same moment both keep their answers, and the row is read only once.
    """
    with transaction.atomic():
        yield get_draft(request, for_update=True)


def save_step(request, draft, slug, values):
    """Store what was typed on one step and push the expiry forward. Returns the saved draft.

    Call it inside ``editing_draft``, which locked the row this changes.
    """
    expires_at = timezone.now() + retention()
    if not draft.is_saved:
        # A new draft gets a new session key: a key set before the parent typed anything
        # (by a shared computer, say) cannot be used to read it.
        request.session.cycle_key()
        draft.answers = {slug: values}
        draft.expires_at = expires_at
        draft.save()
        request.session[SESSION_KEY] = str(draft.pk)
    else:
        draft.answers[slug] = values
        draft.expires_at = expires_at
        draft.save(update_fields=["answers", "expires_at", "updated_at"])
    request.session.set_expiry(retention())
    return draft


def cached_pdf_key(draft_id):
    """Where the draft's last PDF is kept in memory (see pdf.py); forgetting the draft drops it."""
    return f"plan-pdf:{draft_id}"


def forget_draft(request):
    """Delete the session's draft, its cached PDF, and end the session at once."""
    draft_id = request.session.get(SESSION_KEY)
    if draft_id:
        Draft.objects.filter(pk=draft_id).delete()
        cache.delete(cached_pdf_key(draft_id))
    request.session.flush()


def purge_expired_drafts(now=None):
    """Delete every draft past its expiry; returns how many went."""
    deleted, _ = Draft.objects.filter(expires_at__lte=now or timezone.now()).delete()
    return deleted
