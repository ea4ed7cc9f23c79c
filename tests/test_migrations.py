"""Data migrations, run forwards on rows saved the old way."""
import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

pytestmark = pytest.mark.django_db(transaction=True)


def _migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([("wizard", target)])
    return executor.loader.project_state([("wizard", target)]).apps


def test_step_keys_replace_the_dutch_slugs_in_stored_drafts():
    old = _migrate("0002_schools_and_support_contacts")
    Draft = old.get_model("wizard", "Draft")
    saved_the_old_way = Draft.objects.create(
        answers={
            "over-het-gesprek": {"topic": "pesten", "child_name": "Emma"},
            "wat-is-er-gebeurd": {"voorval-TOTAL_FORMS": "1", "voorval-0-what": "Geduwd"},
            "belangrijkste-vragen": {"top": ["sterke-punten"]},
            "afspraken": {"hope": "Rust"},
        },
        expires_at=timezone.now(),
    )
    untouched = Draft.objects.create(answers={}, expires_at=timezone.now())

    new = _migrate("0003_step_keys")
    Draft = new.get_model("wizard", "Draft")
    assert Draft.objects.get(pk=saved_the_old_way.pk).answers == {
        "about": {"topic": "pesten", "child_name": "Emma"},
        "incidents": {"voorval-TOTAL_FORMS": "1", "voorval-0-what": "Geduwd"},
        "top_questions": {"top": ["sterke-punten"]},
        "goal": {"hope": "Rust"},
    }
    assert Draft.objects.get(pk=untouched.pk).answers == {}

    # And back, for a rollback.
    back = _migrate("0002_schools_and_support_contacts")
    assert back.get_model("wizard", "Draft").objects.get(pk=saved_the_old_way.pk).answers["over-het-gesprek"]["child_name"] == "Emma"
    _migrate(_latest())


def _latest():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes("wizard")[0][1]
