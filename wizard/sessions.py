"""Django's database sessions, with fewer statements per request.

The session row holds only the id of a parent's draft; the cookie holds only the row's
random key. These two changes keep a saved step at four SQL statements or fewer.
"""
from django.contrib.sessions.backends import db
from django.contrib.sessions.backends.base import VALID_KEY_CHARS, UpdateError
from django.utils.crypto import get_random_string


class SessionStore(db.SessionStore):
    def _get_new_session_key(self):
        # Django first asks the database whether a new random key is free. With 36^32
        # possible keys it always is, and create() retries on the unique constraint anyway.
        return get_random_string(32, VALID_KEY_CHARS)

    def save(self, must_create=False):
        if self.session_key is None or must_create:
            return super().save(must_create=must_create)
        # An update is one statement: it needs no transaction (or savepoint) around it.
        instance = self.create_model_instance(self._get_session())
        updated = self.model.objects.filter(session_key=instance.session_key).update(
            session_data=instance.session_data, expire_date=instance.expire_date
        )
        if not updated:
            raise UpdateError
