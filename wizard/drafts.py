"""Load, save, delete and expire the draft that belongs to a browser session."""
import datetime
from contextlib import nullcontext
import json

from django.conf import settings
from django.core.cache import caches
from django.db import IntegrityError, NotSupportedError, connection, transaction
from django.db.models import F, Func, JSONField, Value
from django.utils import timezone
from django.utils.crypto import salted_hmac

from .models import Draft, School

SESSION_KEY = "pestgesprek_draft"
EXPIRED, GONE = "expired", "gone"
# A school's link is remembered in a signed cookie, not in the session: a visit that only
# reads must not write a session row (anyone could fill the table with cookie-less GETs).
SCHOOL_COOKIE = "pestgesprek_school"
SCHOOL_COOKIE_SALT = "pestgesprek.school"


def retention():
    return datetime.timedelta(days=settings.DRAFT_RETENTION_DAYS)


def keep_until(answers, now):
    """Until when a draft is kept: DRAFT_RETENTION_DAYS after the last change.

    A follow-up is often further away than that: with a follow-up date, the draft is kept
    at least FOLLOW_UP_KEEP_DAYS after it, but never more than DRAFT_MAX_RETENTION_DAYS
    after the last change.
    """
    usual = now + retention()
    follow_up = answers.follow_up_date
    if follow_up is None:
        return usual
    day_after = datetime.datetime.combine(follow_up + datetime.timedelta(days=1), datetime.time(), tzinfo=timezone.get_current_timezone())
    wanted = day_after + datetime.timedelta(days=settings.FOLLOW_UP_KEEP_DAYS)
    return min(max(usual, wanted), now + datetime.timedelta(days=settings.DRAFT_MAX_RETENTION_DAYS))


def _session_expiry(expires_at):
    """The session outlives the draft a little (DRAFT_EXPIRED_NOTICE_DAYS), to say the answers were deleted."""
    return expires_at + datetime.timedelta(days=settings.DRAFT_EXPIRED_NOTICE_DAYS)


def get_draft(request):
    """The session's saved draft, or a new unsaved one. A plain visit never writes a row.

    A draft past its expiry is deleted on sight. ``request.draft_expired`` says why the
    session's answers are gone, so the page can tell the parent: EXPIRED, or GONE for a
    draft that is not there at all (purged after its expiry, or wiped with "Wis mijn
    gegevens" on another device that shares it through a bewaarcode).
    """
    request.draft_expired = ""
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
        request.draft_expired = EXPIRED if draft is not None else GONE
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


class DraftTooLarge(Exception):
    """Saving would make the draft larger than settings.DRAFT_STORAGE_BYTES."""


def stored_size(answers):
    return len(json.dumps(answers, ensure_ascii=False, separators=(",", ":")).encode())


def browser_key(request):
    """A key of this browser for its first save: a hash of its CSRF cookie, which every tab shares."""
    secret = request.META.get("CSRF_COOKIE") or ""
    return salted_hmac("pestgesprek.browser", secret).hexdigest() if secret else None


def save_step(request, draft, slug, values):
    """Store what was typed on one step and push the expiry forward. Returns the saved draft.

    A database error leaves no half-written draft behind: each write is one statement, and
    the caller still has ``values``. Raises DraftTooLarge, before writing, when the draft
    would outgrow settings.DRAFT_STORAGE_BYTES.
    """
    if stored_size({**draft.answers, slug: values}) > settings.DRAFT_STORAGE_BYTES:
        raise DraftTooLarge
    now = timezone.now()
    from .answers import Answers  # the read model reads the follow-up date, through the step's own form

    expires_at = keep_until(Answers(Draft(answers={**draft.answers, slug: values})), now)
    if draft.is_saved:
        if _update(draft, slug, values, expires_at, now):
            _new_session_key(request, expires_at)
            return draft
        # Deleted in the meantime (by "Wis mijn gegevens" in another tab): keep what was
        # typed now in a new draft rather than lose it.
        draft = Draft()
    draft.answers = {slug: values}
    draft.last_step = slug
    draft.school = school_from_cookie(request)
    draft.expires_at = expires_at
    draft.browser_key = browser_key(request)
    try:
        # Inside a transaction a failed INSERT needs a savepoint to roll back to; on its own
        # (autocommit, as in production) it does not, and costs one statement.
        with transaction.atomic() if connection.in_atomic_block else nullcontext():
            draft.save()
    except IntegrityError:
        # Another tab of this browser made the draft a moment ago: save into that one, so
        # both tabs' answers land in one draft and no answer ends up in a draft no one sees.
        draft = Draft.objects.get(browser_key=draft.browser_key)
        _update(draft, slug, values, expires_at, now)
    if request.session.session_key:
        # Without a key yet, the session is created fresh when the response goes out.
        request.session.cycle_key()
    request.session[SESSION_KEY] = str(draft.pk)
    request.session.set_expiry(_session_expiry(expires_at))
    return draft


def save_letter(draft, key, text):
    """Store the parent's edited text of one letter, in one UPDATE of that key alone."""
    Draft.objects.filter(pk=draft.pk).update(letters=SetKey("letters", key, text), updated_at=timezone.now())
    draft.letters = {**(draft.letters or {}), key: text}


def _update(draft, slug, values, expires_at, now):
    """Replace one step's answers in one UPDATE; False when the draft is gone."""
    changed = Draft.objects.filter(pk=draft.pk).update(
        answers=SetKey("answers", slug, values), last_step=slug, expires_at=expires_at, updated_at=now
    )
    if changed:
        draft.answers[slug] = values
        draft.last_step = slug
        draft.expires_at = expires_at
    return bool(changed)


def _new_session_key(request, expires_at):
    """A new session key after every save, so a key planted in this browser earlier reads nothing new.

    wizard.sessions renames the row in the one UPDATE that also keeps the session longer
    than the draft (see DRAFT_EXPIRED_NOTICE_DAYS).
    """
    request.session.cycle_key()
    request.session.set_expiry(_session_expiry(expires_at))


def remember_school(request, response, school):
    """A parent who came in through a school's link: a new draft, or the current one, belongs to it."""
    response.set_signed_cookie(
        SCHOOL_COOKIE,
        str(school.pk),
        salt=SCHOOL_COOKIE_SALT,
        max_age=(settings.DRAFT_MAX_RETENTION_DAYS + settings.DRAFT_EXPIRED_NOTICE_DAYS) * 24 * 60 * 60,
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


def cached_documents_key(draft_id):
    """Where the draft's last PDFs are kept (see documents.py); forgetting the draft drops them."""
    return f"documents:{draft_id}"


def forget_draft(request, keep_session=False):
    """Delete the session's draft (for every device that shares it) and its cached PDFs,
    and end the session at once, unless another draft is about to take its place."""
    draft_id = request.session.get(SESSION_KEY)
    if draft_id:
        Draft.objects.filter(pk=draft_id).delete()
        caches["documents"].delete(cached_documents_key(draft_id))
    if keep_session:
        request.session.pop(SESSION_KEY, None)
    else:
        request.session.flush()


def attach(request, draft):
    """Let this browser work on ``draft`` too (a bewaarcode was used), under a new session key."""
    if request.session.session_key:
        request.session.cycle_key()
    request.session[SESSION_KEY] = str(draft.pk)
    request.session.set_expiry(_session_expiry(draft.expires_at))


def purge_expired_drafts(now=None):
    """Delete every draft past its expiry; returns how many went."""
    deleted, _ = Draft.objects.filter(expires_at__lte=now or timezone.now()).delete()
    return deleted
