"""Lowercase every course slug, so the next migration can require it.

A data migration runs before the constraint that depends on it: adding the
CHECK first would fail on any database that already holds a slug such as
``Django-ORM``. Two slugs that differ only by case get a numbered suffix
rather than a collision.
"""

from django.db import migrations


# region: data-migration
def lowercase_slugs(apps, schema_editor):
    Course = apps.get_model("lesson02_orm", "Course")
    taken = set(Course.objects.values_list("slug", flat=True))
    for course in Course.objects.order_by("pk"):
        if course.slug == course.slug.lower():
            continue
        taken.discard(course.slug)
        candidate, suffix = course.slug.lower(), 2
        while candidate in taken:
            candidate, suffix = f"{course.slug.lower()}-{suffix}", suffix + 1
        course.slug = candidate
        course.save(update_fields=["slug"])
        taken.add(candidate)


class Migration(migrations.Migration):
    dependencies = [("lesson02_orm", "0001_initial")]

    operations = [
        # Nothing to undo: lowercase slugs were valid before this migration.
        migrations.RunPython(lowercase_slugs, migrations.RunPython.noop),
    ]


# endregion: data-migration
