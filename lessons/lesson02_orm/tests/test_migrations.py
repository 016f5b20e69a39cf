"""The data migration makes room for the constraint that follows it."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("lesson02_orm", "0001_initial")]
AFTER = [("lesson02_orm", "0003_course_slug_lowercase")]


def migrate(targets: list[tuple[str, str]]) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor


@pytest.fixture
def at_initial_migration(transactional_db):
    """Roll the app back to 0001, then forward to every app's latest state."""
    executor = migrate(BEFORE)
    yield executor.loader.project_state(BEFORE).apps
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def test_mixed_case_slugs_are_lowercased_without_collisions(at_initial_migration):
    Course = at_initial_migration.get_model("lesson02_orm", "Course")
    Course.objects.create(title="Old", slug="django-orm")
    Course.objects.create(title="Shouted", slug="Django-ORM")
    Course.objects.create(title="Grid", slug="CSS-Grid")

    executor = migrate(AFTER)

    Course = executor.loader.project_state(AFTER).apps.get_model(
        "lesson02_orm", "Course"
    )
    assert dict(Course.objects.values_list("title", "slug")) == {
        "Old": "django-orm",
        "Shouted": "django-orm-2",
        "Grid": "css-grid",
    }
