"""Django's database sessions, with fewer statements per request and a new key on every save.

The session row holds only the id of a parent's draft; the cookie holds only the row's
random key. The draft code gives the session a new key whenever answers are saved
(drafts.save_step): a key that someone planted in this browser, or copied from it, stops
working at the parent's next save. Renaming the row is one UPDATE, the same statement that
writes the session anyway, so a saved step costs no extra query.
"""
from django.contrib.sessions.backends import db
from django.contrib.sessions.backends.base import VALID_KEY_CHARS, UpdateError
from django.utils.crypto import get_random_string


class SessionStore(db.SessionStore):
    _renamed_from = None

    def _get_new_session_key(self):
        # Django first asks the database whether a new random key is free. With 36^32
        # possible keys it always is, and create() retries on the unique constraint anyway.
        return get_random_string(32, VALID_KEY_CHARS)

    def cycle_key(self):
        """A new key for the same session: the row is renamed when the session is saved.

        Django's own cycle_key inserts a new row and deletes the old one at once.
        """
        if self.session_key is None:
            return super().cycle_key()
        self._get_session()  # load the data under the old key before it changes
        self._renamed_from = self._renamed_from or self.session_key
        self._session_key = self._get_new_session_key()
        self.modified = True

    def save(self, must_create=False):
        renamed_from, self._renamed_from = self._renamed_from, None
        if self.session_key is None or must_create:
            return super().save(must_create=must_create)
        # An update is one statement: it needs no transaction (or savepoint) around it.
        instance = self.create_model_instance(self._get_session())
        updated = self.model.objects.filter(session_key=renamed_from or instance.session_key).update(
            session_key=instance.session_key, session_data=instance.session_data, expire_date=instance.expire_date
        )
        if updated:
            return None
        if renamed_from:
            # Another request of this browser renamed the row first (two tabs at once):
            # this one keeps its own new key, holding the same draft.
            return super().save(must_create=True)
        raise UpdateError
