"""The admin as school staff meet it: Dutch wording, links to the share page and a preview, no 500s."""
import uuid

import pytest
from django.contrib.contenttypes.models import ContentType

from wizard.models import Draft

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, demo_school, django_user_model):
    staff = django_user_model.objects.create_user("juf@voorbeeldschool.invalid", is_staff=True)
    demo_school.staff.add(staff)
    client.force_login(staff)
    return client


@pytest.mark.parametrize("object_id", ["not-a-uuid", "123", "%20", str(uuid.uuid4())])
def test_view_on_site_with_an_id_the_model_cannot_hold_is_a_404_not_a_500(staff_client, object_id):
    drafts = ContentType.objects.get_for_model(Draft)
    response = staff_client.get(f"/beheer/r/{drafts.pk}/{object_id}/")
    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in response.content.decode()


def test_view_on_site_still_needs_a_staff_login(client, db):
    drafts = ContentType.objects.get_for_model(Draft)
    response = client.get(f"/beheer/r/{drafts.pk}/not-a-uuid/")
    assert response.status_code == 302
    assert response["Location"].startswith("/beheer/login/")
