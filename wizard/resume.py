"""The bewaarcode: a code the parent keeps, to go on on another device or with the other parent.

A code is 60 random bits from ``secrets``, written as 12 characters of Crockford's base32
in three groups, for example ``K7QM-3XPA-9TRB``. Only an HMAC of it, keyed with the
server's secret, is stored: the code is shown once and is never written to the database,
a log, a PDF or a cache. It works as long as its draft lives.

Why guessing is hopeless: there are 2^60 (about 1.2 × 10^18) codes. An address may try
settings.RESUME_CODE_GUESSES_PER_HOUR wrong codes an hour (10). With a million live codes,
one guess hits with a chance of about 1 in 1.2 × 10^12, so one address needs on average
1.2 × 10^11 hours, some 13 million years; ten thousand addresses at once, over a thousand years.
"""
import secrets

from django.utils import timezone
from django.utils.crypto import salted_hmac

from .models import Draft

# Crockford's base32: digits and letters without I, L, O and U.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 12
GROUP = 4
# Crockford's decoding of letters people mistake for digits.
LOOK_ALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})
# More than any hand-typed code with spaces and hyphens: longer input is not a code.
MAX_INPUT = 40


def make_code():
    number = secrets.randbits(5 * CODE_LENGTH)
    characters = "".join(ALPHABET[(number >> (5 * place)) & 31] for place in reversed(range(CODE_LENGTH)))
    return "-".join(characters[start : start + GROUP] for start in range(0, CODE_LENGTH, GROUP))


def normalise(text):
    """The 12 characters of a typed code (any case, with or without hyphens and spaces), or None."""
    if not isinstance(text, str) or len(text) > MAX_INPUT:
        return None
    characters = "".join(text.split()).replace("-", "").upper().translate(LOOK_ALIKES)
    if len(characters) != CODE_LENGTH or any(character not in ALPHABET for character in characters):
        return None
    return characters


def code_hash(characters):
    return salted_hmac("pestgesprek.bewaarcode", characters, algorithm="sha256").hexdigest()


def share(draft):
    """A new code for the draft; any earlier code stops working at once. Returns the code to show once."""
    code = make_code()
    draft.resume_code_hash, draft.resume_code_made_at = code_hash(normalise(code)), timezone.now()
    Draft.objects.filter(pk=draft.pk).update(resume_code_hash=draft.resume_code_hash, resume_code_made_at=draft.resume_code_made_at)
    return code


def stop_sharing(draft):
    draft.resume_code_hash = draft.resume_code_made_at = None
    Draft.objects.filter(pk=draft.pk).update(resume_code_hash=None, resume_code_made_at=None)


def find_draft(text):
    """The live draft for a typed code, or None.

    A code that never existed, one that was replaced, and one whose draft is gone or
    expired all take this same path: one hash and one indexed lookup.
    """
    characters = normalise(text)
    if characters is None:
        return None
    return Draft.objects.filter(resume_code_hash=code_hash(characters), expires_at__gt=timezone.now()).first()
