"""Load, save, delete and expire the draft that belongs to a browser session."""
import datetime
import json

from django.conf import settings
from django.core.cache import cache
from django.db import NotSupportedError
from django.db.models import F, Func, JSONField, Value
from django.utils import timezone

from .models import Draft, School

SESSION_KEY = "pestgesprek_draft"
# A school's link is remembered in a signed cookie, not in the session: a visit that only
# reads must not write a session row (anyone could fill the table with cookie-less GETs).
SCHOOL_COOKIE = "pestgesprek_school"
SCHOOL_COOKIE_SALT = "pestgesprek.school"


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
        try:
            # get(), not filter().first(): the ORDER BY of first() made this query cost a fifth more.
            draft = Draft.objects.get(pk=draft_id)
        except Draft.DoesNotExist:
            draft = None
        if draft is not None and not draft.is_expired:
            return draft
        if draft is not None:
            draft.delete()
        request.draft_expired = True
        del request.session[SESSION_KEY]
    return Draft()


class SetKey(Func):
    """``answers`` with one top-level key replaced, computed by the database itself.

    One UPDATE that touches only this key: two tabs that save different steps at the same
    moment both keep their answers, without a lock or a transaction around the request.
    """

    output_field = JSONField()

    def __init__(self, field, key, value):
        super().__init__(F(field), Value(json.dumps(value)))
        self.key = key

    def _parts(self, compiler):
        field_sql, field_params = compiler.compile(self.source_expressions[0])
        value_sql, value_params = compiler.compile(self.source_expressions[1])
        return field_sql, field_params, value_sql, value_params

    def as_sqlite(self, compiler, connection, **extra):
        field_sql, field_params, value_sql, value_params = self._parts(compiler)
        path = f'$."{self.key}"'
        return f"json_set({field_sql}, %s, json({value_sql}))", (*field_params, path, *value_params)

    def as_postgresql(self, compiler, connection, **extra):
        field_sql, field_params, value_sql, value_params = self._parts(compiler)
        return f"jsonb_set({field_sql}, %s::text[], ({value_sql})::jsonb, true)", (
            *field_params,
            [self.key],
            *value_params,
        )

    def as_sql(self, compiler, connection, **extra):
        raise NotSupportedError("Pestgesprek stores drafts in PostgreSQL or SQLite.")


def save_step(request, draft, slug, values):
    """Store what was typed on one step and push the expiry forward. Returns the saved draft.

    A database error leaves no half-written draft behind: each write is one statement, and
    the caller still has ``values``.
    """
    now = timezone.now()
    expires_at = now + retention()
    if draft.is_saved:
        changed = Draft.objects.filter(pk=draft.pk).update(
            answers=SetKey("answers", slug, values), last_step=slug, expires_at=expires_at, updated_at=now
        )
        if changed:
            draft.answers[slug] = values
            draft.last_step = slug
            draft.expires_at = expires_at
            _extend_session(request)
            return draft
        # Deleted in the meantime (by "Wis mijn gegevens" in another tab): keep what was
        # typed now in a new draft rather than lose it.
        draft = Draft()
    draft.answers = {slug: values}
    draft.last_step = slug
    draft.school = school_from_cookie(request)
    draft.expires_at = expires_at
    draft.save()
    if request.session.session_key:
        # A new draft gets a new session key: a key set before the parent typed anything
        # (on a shared computer, say) cannot be used to read it. Without a key yet, the
        # session is created fresh when the response goes out.
        request.session.cycle_key()
    request.session[SESSION_KEY] = str(draft.pk)
    request.session.set_expiry(now + datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE))
    return draft


def _extend_session(request):
    """Keep the session longer than the draft (see DRAFT_EXPIRED_NOTICE_DAYS).

    Writing the session row on every save would cost a query per step; once a day is enough.
    """
    if request.session.get_expiry_age() < settings.SESSION_COOKIE_AGE - 24 * 60 * 60:
        request.session.set_expiry(timezone.now() + datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE))


def remember_school(request, response, school):
    """A parent who came in through a school's link: a new draft, or the current one, belongs to it."""
    response.set_signed_cookie(
        SCHOOL_COOKIE,
        str(school.pk),
        salt=SCHOOL_COOKIE_SALT,
        max_age=settings.SESSION_COOKIE_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    draft_id = request.session.get(SESSION_KEY)
    if draft_id:
        Draft.objects.filter(pk=draft_id).exclude(school=school).update(school=school)


def school_from_cookie(request):
    value = request.get_signed_cookie(SCHOOL_COOKIE, default="", salt=SCHOOL_COOKIE_SALT)
    return School.objects.filter(pk=int(value)).first() if value.isdigit() else None


def school_of(request, draft):
    """The school whose people the parent sees: the draft's, or the one whose link they followed."""
    if draft.is_saved and draft.school_id:
        return draft.school
    return school_from_cookie(request)


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
