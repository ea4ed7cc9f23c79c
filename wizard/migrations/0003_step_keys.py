"""Stored answers were keyed by each step's Dutch URL slug; they are now keyed by a stable step key."""
from django.db import migrations

# Frozen here on purpose: the registry's slugs may change (or be translated) later.
SLUG_TO_KEY = {
    "over-het-gesprek": "about",
    "ga-naar-het-gesprek": "going",
    "praat-met-uw-kind": "child",
    "wat-is-er-gebeurd": "incidents",
    "wat-wilt-u-vragen": "questions",
    "belangrijkste-vragen": "top_questions",
    "wat-wilt-u-vertellen": "tell",
    "wat-wilt-u-dat-de-school-doet": "wishes",
    "afspraken": "goal",
}


def rename(mapping):
    def run(apps, schema_editor):
        Draft = apps.get_model("wizard", "Draft")
        for draft in Draft.objects.only("pk", "answers").iterator(chunk_size=500):
            renamed = {mapping.get(key, key): value for key, value in (draft.answers or {}).items()}
            if renamed != draft.answers:
                Draft.objects.filter(pk=draft.pk).update(answers=renamed)

    return run


class Migration(migrations.Migration):
    dependencies = [("wizard", "0002_schools_and_support_contacts")]

    operations = [
        migrations.RunPython(
            rename(SLUG_TO_KEY), rename({key: slug for slug, key in SLUG_TO_KEY.items()}), elidable=True
        ),
    ]
