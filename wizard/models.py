"""The data Pestgesprek stores: a parent's draft answers."""
import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Draft(models.Model):
    """One parent's preparation, tied to one browser session.

    ``answers`` maps a step slug to the values typed on that step, exactly as the form
    received them, so that nothing typed is lost even when it is not valid yet. The
    step's form turns them into clean values whenever they are read.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    answers = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("concept")
        verbose_name_plural = _("concepten")

    def __str__(self):
        return f"Concept {self.pk}"

    @property
    def is_saved(self):
        return not self._state.adding

    @property
    def is_expired(self):
        return self.expires_at is not None and self.expires_at <= timezone.now()

    def step_data(self, slug):
        """What was typed on step ``slug``, or None when the step was never saved."""
        return self.answers.get(slug)

    @property
    def topic(self):
        return (self.answers.get("over-het-gesprek") or {}).get("topic", "")
